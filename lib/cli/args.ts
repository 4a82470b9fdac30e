/** A small argument parser shared by the subcommands: flags, `--opt value` / `--opt=value`, positionals. */
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
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  const errors: ParsedArgs['errors'] = [];
  const flagNames = new Set(['help', ...(spec.flags ?? [])]);
  const optionNames = new Set(['lang', ...(spec.options ?? [])]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (a === '-h') {
      flags.add('help');
      continue;
    }
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (flagNames.has(name) && eq < 0) flags.add(name);
    else if (optionNames.has(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : args[i + 1];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) errors.push({ code: 'missing-value', option: name });
      else {
        options.set(name, value);
        if (eq < 0) i++;
      }
    } else errors.push({ code: 'unknown-option', option: name });
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
  if (e.code === 'missing-value') return lang === 'th' ? `ตัวเลือก --${e.option} ต้องมีค่า` : `option --${e.option} needs a value`;
  return lang === 'th' ? `ไม่รู้จักตัวเลือก --${e.option}` : `unknown option --${e.option}`;
}
