import { transformFile } from '@swc/core';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const apiRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * Compiles the API sources (not the tests) to JavaScript under node_modules/.cache so a test can
 * start a real worker process with plain `node`, without a prior build. Returns the output root;
 * `src/x.ts` becomes `<root>/src/x.js`.
 */
export async function compileApiForChildProcess(): Promise<string> {
  const out = join(apiRoot, 'node_modules', '.cache', 'amicus-child-build');
  const srcRoot = join(apiRoot, 'src');
  const files = listTs(srcRoot).filter((f) => !/\.(test|spec)\.ts$/.test(f));
  mkdirSync(out, { recursive: true });
  writeAtomically(join(out, 'package.json'), JSON.stringify({ type: 'module' }));
  await Promise.all(
    files.map(async (file) => {
      const target = join(out, relative(apiRoot, file)).replace(/\.ts$/, '.js');
      try {
        const { code } = await transformFile(file, {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
          },
          module: { type: 'es6' },
          sourceMaps: false,
        });
        mkdirSync(dirname(target), { recursive: true });
        writeAtomically(target, code);
      } catch {
        // a file that does not compile on its own is skipped; the worker only loads what it imports
      }
    }),
  );
  return out;
}

/**
 * Several test files may compile at once while workers of another one start: a file is replaced by a
 * rename (never seen half-written), and left alone when it is already up to date.
 */
function writeAtomically(target: string, content: string): void {
  if (existsSync(target) && readFileSync(target, 'utf8') === content) return;
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, target);
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTs(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}
