// Entry point: `node dist/main.js [--role api|worker|all]`. Reads the configuration once, refuses to
// start on bad configuration (listing every problem), then starts the requested role.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { AppConfig } from './config/app-config.js';
import { ConfigError, loadConfigFromProcess } from './config/config.loader.js';

/**
 * Process roles. `all` runs everything this build has in one process (the embedded default);
 * `api` serves HTTP without running jobs; `worker` runs jobs without serving HTTP.
 */
export const ROLES = ['api', 'worker', 'all'] as const;
export type ProcessRole = (typeof ROLES)[number];

export function parseRole(argv: string[]): ProcessRole {
  const i = argv.indexOf('--role');
  if (i === -1) return 'all';
  const role = argv[i + 1];
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new Error(`--role must be one of: ${ROLES.join(', ')} (got "${role ?? ''}")`);
  }
  return role as ProcessRole;
}

// The application graph loads only once the configuration is known to be valid.
const loadApp = () => import('./app.factory.js');

async function startHttp(config: AppConfig): Promise<void> {
  const { createApp } = await loadApp();
  const app = await createApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port);
  new Logger('Amicus').log(`API listening on http://localhost:${config.port} (GraphQL at /graphql)`);
}

async function startWorker(config: AppConfig): Promise<void> {
  const { createApp } = await loadApp();
  const app = await createApp({ ...config, jobs: { ...config.jobs, runWorker: true } });
  app.enableShutdownHooks();
  new Logger('Amicus').log(`Worker running jobs (${config.jobs.backend} queue, concurrency ${config.jobs.concurrency})`);
}

const starters: Record<ProcessRole, (config: AppConfig) => Promise<void>> = {
  api: (config) => startHttp({ ...config, jobs: { ...config.jobs, runWorker: false } }),
  worker: startWorker,
  all: startHttp,
};

async function main(): Promise<void> {
  let config: AppConfig;
  let role: ProcessRole;
  try {
    config = loadConfigFromProcess();
    role = parseRole(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
    return;
  }
  try {
    await starters[role](config);
  } catch (error) {
    // start-up failures a court can fix (Redis down, …) are stated plainly, without a stack trace
    if (error instanceof Error && error.name === 'RedisUnreachableError') {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

await main();
