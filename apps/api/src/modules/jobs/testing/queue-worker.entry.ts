/**
 * A worker process for the queue's process-level tests (crash recovery, several workers): it runs
 * the same queue code as the API's worker role, with test handlers whose runs leave rows in
 * `job_effects`. Started with one argument, a JSON `QueueWorkerOptions`; prints `ready` when claiming.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../config/app-config.js';
import { dataSourceOptions } from '../../../database/data-source-options.js';
import { createJobQueue } from '../job-queue.factory.js';
import { testJobTypes } from './test-job-types.js';
import { JobsConfig } from '../jobs.config.js';

export interface QueueWorkerOptions {
  database: AppConfig['database'];
  jobs: JobsConfig;
}

const options = JSON.parse(process.argv[2] ?? '{}') as QueueWorkerOptions;
const dataSource = new DataSource({ ...dataSourceOptions({ database: options.database } as AppConfig), migrationsRun: false, logging: ['error'] });
await dataSource.initialize();
const queue = createJobQueue(dataSource, options.jobs, testJobTypes('test-slow', 'test-count'));
const worker = `${process.pid}`;
const effect = (jobId: string) =>
  dataSource.query(
    dataSource.options.type === 'postgres' ? 'INSERT INTO job_effects (job_id, worker) VALUES ($1, $2)' : 'INSERT INTO job_effects (job_id, worker) VALUES (?, ?)',
    [jobId, worker],
  );

/** Slow: reports progress, works for `ms` in small steps, then leaves one effect row. */
queue.registerHandler<{ ms: number }>('test-slow', async (job) => {
  await job.progress(10, 'working');
  const until = Date.now() + job.payload.ms;
  while (Date.now() < until) {
    job.throwIfCancelled();
    await sleep(20);
  }
  await effect(job.id);
  return { worker };
});

/** Quick: leaves one effect row per run. */
queue.registerHandler<{ ms?: number }>('test-count', async (job) => {
  if (job.payload.ms) await sleep(job.payload.ms);
  await effect(job.id);
  return { worker };
});

await queue.start();
process.stdout.write('ready\n');

const shutdown = async () => {
  await queue.stop(2000);
  await dataSource.destroy();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
