// A worker process for jobs-throughput.mjs: the built queue code with a `bench` handler that works
// for `payload.ms` milliseconds of CPU (0: queue overhead only).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../dist/database/data-source-options.js';
import { createJobQueue } from '../dist/modules/jobs/job-queue.factory.js';
import { benchJobTypes } from './support.mjs';

const options = JSON.parse(process.argv[2]);
const dataSource = new DataSource({ ...dataSourceOptions({ database: options.database }), migrationsRun: false, logging: ['error'] });
await dataSource.initialize();
const queue = createJobQueue(dataSource, options.jobs, benchJobTypes());
queue.registerHandler('bench', async (job) => {
  const until = Date.now() + (job.payload.ms ?? 0);
  while (Date.now() < until) {
    // busy: stands in for model work
  }
  return { pid: process.pid };
});
await queue.start();
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await queue.stop(1000);
  await dataSource.destroy();
  process.exit(0);
});
