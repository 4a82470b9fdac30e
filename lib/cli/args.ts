/**
 * Argument parsing shared by the subcommands, on node:util parseArgs: flags, `--opt value` /
 * `--opt=value`, positionals, `--` and `-h`. Problems are collected, not thrown, so that each
 * command reports them in the user's language.
 */
import { parseArgs as nodeParseArgs } from 'node:util';
import type { CliIo, CliLang } from './types';

export interface ArgSpec {
  /** Boolean flags without the leading dashes, e.g. ["json"]. */
  flags?: string[];
  /** Options that take a value, e.g. ["set", "lang"]. */
  options?: string[];
}

export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string>;
  positionals: string[];
  /** Problems found: unknown options, missing values. Codes + the offending option. */
  errors: { code: 'unknown-option' | 'missing-value'; option: string }[];
}

export function parseArgs(args: string[], spec: ArgSpec): ParsedArgs {
  const flagNames = new Set(['help', ...(spec.flags ?? [])]);
  const optionNames = new Set(['lang', ...(spec.options ?? [])]);
  const config: Record<string, { type: 'boolean' | 'string'; short?: string }> = {};
  for (const f of flagNames) config[f] = { type: 'boolean' };
  for (const o of optionNames) config[o] = { type: 'string' };
  config.help = { type: 'boolean', short: 'h' };
  const { tokens } = nodeParseArgs({ args, options: config, strict: false, allowPositionals: true, tokens: true });

  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  const errors: ParsedArgs['errors'] = [];
  const shortSeen = new Set<number>();
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push(t.value);
    else if (t.kind === 'option-terminator') continue;
    else if (!t.rawName.startsWith('--') && t.rawName !== '-h') {
      // Single-dash words other than -h stay positionals, as before (e.g. "-" for stdin).
      if (!shortSeen.has(t.index)) positionals.push(args[t.index]!);
      shortSeen.add(t.index);
    } else if (flagNames.has(t.name) && t.value === undefined) flags.add(t.name);
    else if (optionNames.has(t.name)) {
      // A following "--word" is the next option, not this one's value.
      if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--')))
        errors.push({ code: 'missing-value', option: t.name });
      else options.set(t.name, t.value);
    } else errors.push({ code: 'unknown-option', option: t.name });
  }
  return { flags, options, positionals, errors };
}

/** `--lang th|en` wins; else LANG starting with "th" → Thai; else English. */
export function resolveLang(option: string | undefined, env: CliIo['env']): CliLang {
  if (option === 'th' || option === 'en') return option;
  const envLang = env?.LANG ?? env?.LC_ALL ?? '';
  return envLang.toLowerCase().startsWith('th') ? 'th' : 'en';
}

export function formatArgError(e: ParsedArgs['errors'][number], lang: CliLang): string {
  if (e.code === 'missing-value')
    return lang === 'th' ? `ตัวเลือก --${e.option} ต้องมีค่า` : `option --${e.option} needs a value`;
  return lang === 'th' ? `ไม่รู้จักตัวเลือก --${e.option}` : `unknown option --${e.option}`;
}
