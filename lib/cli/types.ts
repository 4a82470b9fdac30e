/** Shared CLI types. Every subcommand module exports one `CliCommand`. */

export interface CliIo {
  /** Writes one line (or several joined with "\n") to standard output; the newline is added for you. */
  stdout: (s: string) => void;
  /** Writes one line to standard error; the newline is added for you. */
  stderr: (s: string) => void;
  /** Environment variables (LANG selects the default language). Omitted in tests → English. */
  env?: Record<string, string | undefined>;
}

import type { Lang } from '../i18n/language';

/** The CLI speaks the UI's two languages. */
export type CliLang = Lang;

export interface CliCommand {
  name: string;
  summaryTh: string;
  summaryEn: string;
  /** One or more usage lines, e.g. "ita-evidence criteria [--set ID] [--json] [--lang th|en] [query]". */
  usage: string;
  /** Lines describing each option, printed under the usage by "<command> --help". */
  helpLines?: (lang: CliLang) => string[];
  /** Receives the arguments after the subcommand name (including any --lang); returns the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
