// Entry point: `node dist/main.js [--role api|worker|all]`. Reads the configuration once, refuses to
// start on bad configuration (listing every problem), then starts the requested role.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { AppConfig } from './config/app-config.js';
import { ConfigError, loadConfigFromProcess } from './config/config.loader.js';
import { parseRole, type ProcessRole } from './process-roles.js';

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
