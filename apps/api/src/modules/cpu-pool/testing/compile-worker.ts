import { transformFile } from '@swc/core';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const apiRoot = resolve(here, '../../../..');
let compiled: Promise<string> | undefined;

/**
 * Tests run the API from its TypeScript sources, but a worker thread runs plain JavaScript: this
 * compiles the thread entry (which imports only packages) to node_modules/.cache once per test
 * process and returns its path, for `config.cpuPool.workerFile`.
 */
export function testCpuWorkerFile(): Promise<string> {
  compiled ??= (async () => {
    const source = resolve(here, '../cpu-tasks.worker.ts');
    const target = join(apiRoot, 'node_modules', '.cache', 'amicus-cpu-worker', 'cpu-tasks.worker.js');
    const { code } = await transformFile(source, {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'es6' },
      sourceMaps: false,
    });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(join(dirname(target), 'package.json'), JSON.stringify({ type: 'module' }));
    if (!existsSync(target) || readFileSync(target, 'utf8') !== code) {
      // several test processes may compile at once: replace by rename, never seen half-written
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, code);
      renameSync(temp, target);
    }
    return target;
  })();
  return compiled;
}
