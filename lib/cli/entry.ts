// Entry point bundled into dist/cli.mjs by scripts/build-cli.mjs.
import { main } from './main';

// `ita-evidence check … | head -1`: when the reader of our output goes away, the rest of the output
// has nowhere to go; drop it quietly (the exit code stays the command's verdict) instead of
// crashing with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(`${s}\n`),
  stderr: (s) => process.stderr.write(`${s}\n`),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
