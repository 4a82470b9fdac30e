/** The `ita-evidence` CLI: dispatches subcommands from one table. Returns the exit code. */
import type { CliCommand, CliIo, CliLang } from './types';
import { resolveLang } from './args';
import { criteriaCommand } from './commands/criteria';
// Owned by the bundle engineer (lib/cli/commands/check.ts exports `checkCommand`).
import { checkCommand } from './commands/check';
// Owned by the verify engineer (lib/cli/commands/verify.ts exports `verifyCommand`).
import { verifyCommand } from './commands/verify';

export type { CliCommand, CliIo } from './types';

export const COMMANDS: readonly CliCommand[] = [
  criteriaCommand,
  checkCommand, // registration: check
  verifyCommand, // registration: verify
];

const HELP = {
  th: {
    title: 'ita-evidence — เครื่องมือจัดการหลักฐานการประเมิน ITA/OIT',
    usage: 'วิธีใช้: ita-evidence <คำสั่ง> [ตัวเลือก]',
    commands: 'คำสั่ง:',
    options: 'ตัวเลือกทั่วไป: --lang th|en (ภาษา), --help (วิธีใช้)',
    more: 'ดูวิธีใช้ของแต่ละคำสั่ง: ita-evidence <คำสั่ง> --help',
    unknown: (name: string) => `ไม่รู้จักคำสั่ง "${name}"`,
    failed: (name: string, msg: string) => `คำสั่ง ${name} ล้มเหลว: ${msg}`,
  },
  en: {
    title: 'ita-evidence — tools for ITA/OIT website evidence',
    usage: 'Usage: ita-evidence <command> [options]',
    commands: 'Commands:',
    options: 'Common options: --lang th|en (language), --help',
    more: 'Help for one command: ita-evidence <command> --help',
    unknown: (name: string) => `unknown command "${name}"`,
    failed: (name: string, msg: string) => `${name} failed: ${msg}`,
  },
};

function helpText(lang: CliLang, commands: readonly CliCommand[] = COMMANDS): string {
  const h = HELP[lang];
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${lang === 'th' ? c.summaryTh : c.summaryEn}`);
  return [h.title, '', h.usage, '', h.commands, ...lines, '', h.options, h.more].join('\n');
}

/** Pulls a leading global `--lang X` / `--lang=X` off argv. */
function takeGlobalLang(argv: string[]): { lang: string | undefined; rest: string[] } {
  let lang: string | undefined;
  let i = 0;
  while (i < argv.length) {
    const a = argv[i]!;
    if (a === '--lang' && argv[i + 1] !== undefined) {
      lang = argv[i + 1];
      i += 2;
    } else if (a.startsWith('--lang=')) {
      lang = a.slice('--lang='.length);
      i += 1;
    } else break;
  }
  return { lang, rest: argv.slice(i) };
}

export async function main(argv: string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const { lang: globalLang, rest } = takeGlobalLang(argv);
  const langOpt =
    globalLang ?? rest.find((a, i) => rest[i - 1] === '--lang') ?? rest.find((a) => a.startsWith('--lang='))?.slice(7);
  const lang = resolveLang(langOpt, io.env);
  const [name, ...args] = rest;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(lang, commands));
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(HELP[lang].unknown(name));
    io.stderr(helpText(lang, commands));
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    const lines = cmd.helpLines?.(lang) ?? [];
    io.stdout([`${lang === 'th' ? cmd.summaryTh : cmd.summaryEn}\n`, cmd.usage, ...lines].join('\n'));
    return 0;
  }
  const cmdArgs =
    globalLang !== undefined && !args.some((a) => a === '--lang' || a.startsWith('--lang='))
      ? [...args, '--lang', globalLang]
      : args;
  try {
    return await cmd.run(cmdArgs, io);
  } catch (e) {
    io.stderr(HELP[lang].failed(name, e instanceof Error ? e.message : String(e)));
    return 1;
  }
}
