// Runs the API's command line (`admin`, `audit`, `backup`, `restore`, `model`) in-process with its
// own environment, capturing what it prints.
import { PassThrough } from 'node:stream';
import { runApiCommand } from '../../src/cli/api-command.js';
import type { Env } from '../../src/config/config.loader.js';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(argv: string[], env: Env): Promise<CommandRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runApiCommand(argv, { stdout, stderr, stdin: new PassThrough(), env, cwd: process.cwd() });
  return { code, stdout: out, stderr: err };
}
