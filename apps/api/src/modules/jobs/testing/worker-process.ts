import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { QueueWorkerOptions } from './queue-worker.entry.js';

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit signal or code. */
  exited: Promise<string>;
  kill(signal: NodeJS.Signals): Promise<string>;
}

/** Starts `queue-worker.entry` from a build made by `compileApiForChildProcess`; resolves once it claims jobs. */
export async function startWorkerProcess(buildRoot: string, options: QueueWorkerOptions): Promise<WorkerProcess> {
  const entry = join(buildRoot, 'src', 'modules', 'jobs', 'testing', 'queue-worker.entry.js');
  const child = spawn(process.execPath, [entry, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? String(code))));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${stderr}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${how}) before it was ready: ${stderr}`));
    });
  });
  return {
    child,
    pid: child.pid!,
    exited,
    kill: (signal) => {
      child.kill(signal);
      return exited;
    },
  };
}
