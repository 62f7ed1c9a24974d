// Jobs per minute that worker processes sustain on a backlog.
//   node bench/jobs-throughput.mjs [--db sqlite|postgres] [--backend database|bullmq] [--jobs 1000]
//                                  [--workers 2] [--concurrency 1] [--work-ms 0]
// Needs `npm run build -w @amicus/api` first. PostgreSQL: TEST_DATABASE_URL or 127.0.0.1:5432/test;
// Redis: TEST_REDIS_URL or 127.0.0.1:6379.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../dist/database/data-source-options.js';
import { createJobQueue } from '../dist/modules/jobs/job-queue.factory.js';
import { benchJobTypes } from './support.mjs';
import { defaultJobsConfig } from '../dist/modules/jobs/jobs.config.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    backend: { type: 'string', default: 'database' },
    jobs: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '1' },
    'work-ms': { type: 'string', default: '0' },
  },
});
const total = Number(args.jobs);
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let database;
let cleanup;
if (args.db === 'postgres') {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new DataSource({ type: 'postgres', url: postgresUrl });
  await admin.initialize();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.destroy();
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  database = { type: 'postgres', url: url.toString(), schema };
  cleanup = async () => {
    const c = new DataSource({ type: 'postgres', url: postgresUrl });
    await c.initialize();
    await c.query(`DROP SCHEMA "${schema}" CASCADE`);
    await c.destroy();
  };
} else {
  const dir = mkdtempSync(join(tmpdir(), 'amicus-bench-'));
  database = { type: 'sqlite', path: join(dir, 'bench.sqlite') };
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

const dataSource = new DataSource({ ...dataSourceOptions({ database }), logging: ['error'] });
await dataSource.initialize();
const jobs = defaultJobsConfig({
  backend: args.backend,
  redisUrl: args.backend === 'bullmq' ? redisUrl : undefined,
  queueName: `amicus-bench-${randomBytes(4).toString('hex')}`,
  concurrency: Number(args.concurrency),
  pollIntervalMs: 100,
});
const producer = createJobQueue(dataSource, { ...jobs, runWorker: false }, benchJobTypes());
for (let i = 0; i < total; i++) await producer.enqueue('bench', { ms: Number(args['work-ms']) });

const entry = join(dirname(fileURLToPath(import.meta.url)), 'jobs-worker.mjs');
const workers = await Promise.all(
  Array.from({ length: Number(args.workers) }, () =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [entry, JSON.stringify({ database, jobs })], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.on('data', (d) => d.toString().includes('ready') && resolve(child));
      child.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    }),
  ),
);
const started = Date.now();
const count = async (state) => Number((await dataSource.query(`SELECT COUNT(*) AS n FROM jobs WHERE state = '${state}'`))[0].n);
while ((await count('succeeded')) < total) await new Promise((r) => setTimeout(r, 100));
const seconds = (Date.now() - started) / 1000;
const rerun = Number((await dataSource.query('SELECT COUNT(*) AS n FROM jobs WHERE attempts <> 1'))[0].n);

for (const w of workers) w.kill('SIGTERM');
await producer.stop(0);
await dataSource.destroy();
await cleanup();
console.log(
  JSON.stringify({
    db: args.db,
    backend: args.backend,
    workers: Number(args.workers),
    concurrencyPerWorker: Number(args.concurrency),
    workMs: Number(args['work-ms']),
    jobs: total,
    seconds: Number(seconds.toFixed(2)),
    jobsPerMinute: Math.round((total / seconds) * 60),
    jobsRunMoreThanOnce: rerun,
  }),
);
process.exit(0);
