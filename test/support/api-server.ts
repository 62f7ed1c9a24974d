// Boots the real built API as a child process: SQLite in a temporary data directory, a bootstrap admin,
// a free port; resolves once GET /readyz answers 200.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiEntry, repoRoot, webIndex } from './config.js';

export interface RunningApi {
  baseUrl: string;
  admin: { email: string; password: string };
  /** Everything the process wrote, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartApiOptions {
  /** Failed sign-in attempts allowed per window, as `N/15m`. */
  loginRateLimit?: string;
  env?: Record<string, string>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The API was not ready within ${timeoutMs} ms:\n${output()}`);
}

export async function startApi(options: StartApiOptions = {}): Promise<RunningApi> {
  if (!existsSync(apiEntry)) {
    throw new Error(`The API is not built (${apiEntry} is missing). Build it first: npx turbo run build --filter=@amicus/e2e^...`);
  }
  if (!existsSync(webIndex)) {
    throw new Error(`The web app is not built (${webIndex} is missing). Build it first: npx turbo run build --filter=@amicus/e2e^...`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'amicus-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = { email: 'admin@court.example', password: 'correct horse battery staple' };

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dataDir,
    NODE_ENV: 'test',
    PORT: String(port),
    AMICUS_DATA_DIR: dataDir,
    AMICUS_BOOTSTRAP_ADMIN_EMAIL: admin.email,
    AMICUS_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    // Cheap hashing keeps sign-in fast in tests; production refuses these values.
    AMICUS_ARGON2_MEMORY_KIB: '1024',
    AMICUS_ARGON2_TIME_COST: '1',
    AMICUS_LOGIN_RATE_LIMIT: options.loginRateLimit ?? '20/15m',
    AMICUS_SERVE_WEB: 'true',
    ...options.env,
  };

  let log = '';
  const child = spawn(process.execPath, [apiEntry], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log.slice(-8000);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForReady(baseUrl, child, output, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, admin, output, stop };
}
