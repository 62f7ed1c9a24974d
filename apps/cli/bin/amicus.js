#!/usr/bin/env node
// Thin launcher for the compiled CLI (built by `npm ci` through the root `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('amicus: the CLI is not built yet; run `npm run build` in the repository root.\n');
  process.exit(2);
}
await import(entry.href);
