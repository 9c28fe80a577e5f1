#!/usr/bin/env node
// The `convoscope` command. `convoscope serve [flags]` runs serve mode from the built bundle.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../../dist/serve.mjs', import.meta.url));
const [command, ...rest] = process.argv.slice(2);

if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write('Usage: convoscope serve [flags]\nRun `convoscope serve --help` for the flags.\n');
  process.exit(command === undefined ? 1 : 0);
}
if (command !== 'serve') {
  process.stderr.write(`convoscope: unknown command "${command}". Try: convoscope serve --help\n`);
  process.exit(1);
}
if (!existsSync(bundle)) {
  process.stderr.write('convoscope: the app is not built yet; run `npm run build` first.\n');
  process.exit(1);
}
const { runServe } = await import(pathToFileURL(bundle).href);
await runServe(rest);
