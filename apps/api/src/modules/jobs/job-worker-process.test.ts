import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue } from './job-queue.factory.js';
import { testJobTypes } from './testing/test-job-types.js';
import { BaseJobQueue } from './job-queue.base.js';
import { JobState } from './job-state.js';
import { defaultJobsConfig, JobsConfig } from './jobs.config.js';
import { compileApiForChildProcess } from './testing/compile-for-child.js';
import { createTestDatabase, TEST_REDIS_URL, TestDatabase, TestDatabaseKind } from './testing/test-database.js';
import { waitFor } from './testing/wait-for.js';
import { projectDatabase, projectDatabaseAvailable, queueCombos } from './testing/test-matrix.js';
import { startWorkerProcess, WorkerProcess } from './testing/worker-process.js';

let buildRoot: string;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  buildRoot = await compileApiForChildProcess();
}, 120_000);

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function setup(kind: TestDatabaseKind, backend: JobsConfig['backend']) {
  const db: TestDatabase = await createTestDatabase(kind);
  cleanups.push(() => db.destroy());
  await db.dataSource.query('CREATE TABLE job_effects (job_id varchar(36) NOT NULL, worker varchar(100) NOT NULL)');
  const jobs = defaultJobsConfig({
    backend,
    redisUrl: backend === 'bullmq' ? TEST_REDIS_URL : undefined,
    queueName: `amicus-test-${randomBytes(4).toString('hex')}`,
    concurrency: 2,
    pollIntervalMs: 50,
    leaseMs: 1000,
    backoffBaseMs: 100,
  });
  // the test process only enqueues and reads; workers are separate processes
  const producer: BaseJobQueue = createJobQueue(db.dataSource, { ...jobs, runWorker: false }, testJobTypes('test-slow', 'test-count'));
  cleanups.push(() => producer.stop(0));
  const workers: WorkerProcess[] = [];
  const spawnWorker = async () => {
    const w = await startWorkerProcess(buildRoot, { database: db.database, jobs });
    workers.push(w);
    cleanups.push(() => (w.child.exitCode === null && w.child.signalCode === null ? w.kill('SIGKILL') : Promise.resolve()));
    return w;
  };
  const effects = async (): Promise<Array<{ job_id: string; worker: string }>> => db.dataSource.query('SELECT job_id, worker FROM job_effects');
  return { db, producer, spawnWorker, effects, workers };
}

describe.skipIf(!projectDatabaseAvailable()).each(queueCombos())('worker processes on %s with the %s backend', (kind, backend) => {
  it('finishes a job exactly once after its worker is killed with SIGKILL mid-run', async () => {
    const { producer, spawnWorker, effects } = await setup(kind, backend);
    const first = await spawnWorker();
    const job = await producer.enqueue('test-slow', { ms: 1500 });
    await waitFor(async () => {
      const j = await producer.get(job.id);
      return j?.state === JobState.RUNNING && j.progress === 10;
    });
    expect(await first.kill('SIGKILL')).toBe('SIGKILL');
    expect(await effects()).toEqual([]);
    expect((await producer.get(job.id))!.state).toBe(JobState.RUNNING);

    const second = await spawnWorker();
    const done = await waitFor(async () => {
      const j = await producer.get(job.id);
      return j?.state === JobState.SUCCEEDED ? j : null;
    }, 30_000);
    expect(done.attempts).toBe(2);
    expect(done.result).toEqual({ worker: String(second.pid) });
    expect(await effects()).toEqual([{ job_id: job.id, worker: String(second.pid) }]);
  }, 60_000);
});

describe.skipIf(projectDatabase() !== 'postgres' || !projectDatabaseAvailable())('two worker processes on PostgreSQL with BullMQ', () => {
  it('process 100 jobs between them, each exactly once', async () => {
    const { producer, spawnWorker, effects } = await setup('postgres', 'bullmq');
    const a = await spawnWorker();
    const b = await spawnWorker();
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) ids.push((await producer.enqueue('test-count', { ms: 10 })).id);
    await waitFor(async () => (await effects()).length >= 100, 60_000);
    // give a duplicate delivery, if any, the time to show up
    await new Promise((r) => setTimeout(r, 500));
    const rows = await effects();
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.job_id))).toEqual(new Set(ids));
    const byWorker = new Map<string, number>();
    for (const r of rows) byWorker.set(r.worker, (byWorker.get(r.worker) ?? 0) + 1);
    expect([...byWorker.keys()].sort()).toEqual([String(a.pid), String(b.pid)].sort());
    for (const id of ids) expect((await producer.get(id))!.state).toBe(JobState.SUCCEEDED);
  }, 90_000);
});
