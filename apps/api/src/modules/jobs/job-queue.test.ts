import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createJobQueue } from './job-queue.factory.js';
import { BaseJobQueue } from './job-queue.base.js';
import { JobCancelledError, PermanentJobError } from './job.exception.js';
import { JobProgressEvent } from './job-queue.js';
import { JobPriority, JobState, priorityForRole } from './job-state.js';
import { defaultJobConcurrency, defaultJobsConfig, JobsConfig } from './jobs.config.js';
import { createTestDatabase, TEST_REDIS_URL, TestDatabase } from './testing/test-database.js';
import { projectDatabaseAvailable, queueCombos } from './testing/test-matrix.js';
import { testJobTypes } from './testing/test-job-types.js';
import { waitFor } from './testing/wait-for.js';

describe.skipIf(!projectDatabaseAvailable()).each(queueCombos())('job queue on %s with the %s backend', (kind, backend) => {
  let db: TestDatabase;
  const queues: BaseJobQueue[] = [];
  let queueName = '';

  const makeQueue = (overrides: Partial<JobsConfig> = {}): BaseJobQueue => {
    const config = defaultJobsConfig({
      backend,
      redisUrl: backend === 'bullmq' ? TEST_REDIS_URL : undefined,
      queueName,
      concurrency: 1,
      pollIntervalMs: 50,
      leaseMs: 1500,
      backoffBaseMs: 100,
      ...overrides,
    });
    const queue = createJobQueue(db.dataSource, config, testJobTypes('double', 'noop', 'long', 'steps', 'flaky', 'broken', 'bad-input', 'work', 'late', 'busy', 'slow'));
    queues.push(queue);
    return queue;
  };

  beforeEach(async () => {
    db = await createTestDatabase(kind);
    queueName = `amicus-test-${randomBytes(4).toString('hex')}`;
  });

  afterEach(async () => {
    for (const q of queues.splice(0)) await q.stop(0);
    await db.destroy();
  });

  it('runs a job, records its progress and stage, stores the result and publishes events', async () => {
    const queue = makeQueue();
    const events: JobProgressEvent[] = [];
    queue.onProgress((e) => events.push(e));
    queue.registerHandler<{ n: number }>('double', async (job) => {
      await job.progress(40, 'halfway');
      return { doubled: job.payload.n * 2 };
    });
    await queue.start();
    const job = await queue.enqueue('double', { n: 21 }, { caseId: 'case-1', createdBy: 'user-1' });
    const done = await waitFor(async () => {
      const j = await queue.get(job.id);
      return j?.state === JobState.SUCCEEDED ? j : null;
    });
    expect(done).toMatchObject({ progress: 100, stage: 'halfway', result: { doubled: 42 }, attempts: 1, caseId: 'case-1', createdBy: 'user-1' });
    expect(done.startedAt).toBeInstanceOf(Date);
    expect(done.finishedAt!.getTime()).toBeGreaterThanOrEqual(done.startedAt!.getTime());
    // events may arrive after the row changed (through Redis with the BullMQ backend)
    const states = () => events.filter((e) => e.jobId === job.id).map((e) => `${e.state}:${e.progress}:${e.stage ?? ''}`);
    await waitFor(() => states().at(-1) === 'succeeded:100:halfway');
    expect(states()).toContain('running:40:halfway');
  });

  it('cancels a queued job at once, without running it', async () => {
    const queue = makeQueue();
    let ran = false;
    queue.registerHandler('noop', async () => {
      ran = true;
    });
    const job = await queue.enqueue('noop', {});
    const cancelled = await queue.cancel(job.id);
    expect(cancelled.state).toBe(JobState.CANCELLED);
    await queue.start();
    await sleep(200);
    expect(ran).toBe(false);
    expect((await queue.get(job.id))!.state).toBe(JobState.CANCELLED);
    await expect(queue.cancel(job.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('signals a running job to stop, and the job ends cancelled', async () => {
    const queue = makeQueue();
    let started = false;
    let sawSignal = false;
    queue.registerHandler('long', async (job) => {
      started = true;
      for (let i = 0; i < 200; i++) {
        if (job.signal.aborted) {
          sawSignal = true;
          job.throwIfCancelled();
        }
        await sleep(25);
      }
      return 'finished';
    });
    await queue.start();
    const job = await queue.enqueue('long', {});
    await waitFor(() => started);
    const requested = await queue.cancel(job.id);
    expect(requested).toMatchObject({ state: JobState.RUNNING, cancelRequested: true });
    const done = await waitFor(async () => {
      const j = await queue.get(job.id);
      return j?.state === JobState.CANCELLED ? j : null;
    });
    expect(sawSignal).toBe(true);
    expect(done.result).toBeNull();
  });

  it('progress() throws JobCancelledError once the job is cancelled', async () => {
    const queue = makeQueue();
    let thrown: unknown = null;
    let started = false;
    queue.registerHandler('steps', async (job) => {
      started = true;
      while (thrown === null) {
        try {
          await job.progress(10, 'step');
        } catch (error) {
          thrown = error;
          throw error;
        }
        await sleep(20);
      }
    });
    await queue.start();
    const job = await queue.enqueue('steps', {});
    await waitFor(() => started);
    await queue.cancel(job.id);
    await waitFor(async () => (await queue.get(job.id))?.state === JobState.CANCELLED);
    expect(thrown).toBeInstanceOf(JobCancelledError);
  });

  it('retries a failing job with exponential backoff and then succeeds', async () => {
    const queue = makeQueue({ backoffBaseMs: 150, maxAttempts: 3 });
    const starts: number[] = [];
    queue.registerHandler('flaky', async (job) => {
      starts.push(Date.now());
      if (job.attempt < 3) throw Object.assign(new Error(`attempt ${job.attempt} failed`), { code: 'TRANSIENT' });
      return 'ok';
    });
    await queue.start();
    const job = await queue.enqueue('flaky', {});
    const done = await waitFor(async () => {
      const j = await queue.get(job.id);
      return j?.state === JobState.SUCCEEDED ? j : null;
    });
    expect(done.attempts).toBe(3);
    expect(done.result).toBe('ok');
    expect(starts).toHaveLength(3);
    // delays before attempts 2 and 3 are at least base·2^0 and base·2^1
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(150);
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(300);
  });

  it('fails a job after its last attempt, keeps the error, and retryJob queues it again', async () => {
    const queue = makeQueue({ backoffBaseMs: 20, maxAttempts: 2 });
    let fail = true;
    let runs = 0;
    queue.registerHandler('broken', async () => {
      runs++;
      if (fail) throw new Error('disk on fire');
      return 'fixed';
    });
    await queue.start();
    const job = await queue.enqueue('broken', {});
    const failed = await waitFor(async () => {
      const j = await queue.get(job.id);
      return j?.state === JobState.FAILED ? j : null;
    });
    expect(failed).toMatchObject({ attempts: 2, errorCode: 'JOB_FAILED', errorMessage: 'disk on fire' });
    expect(runs).toBe(2);
    fail = false;
    const requeued = await queue.retry(job.id);
    expect(requeued).toMatchObject({ state: JobState.QUEUED, attempts: 0, errorCode: null });
    await waitFor(async () => (await queue.get(job.id))?.state === JobState.SUCCEEDED);
    await expect(queue.retry(job.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('does not retry a permanent failure', async () => {
    const queue = makeQueue({ maxAttempts: 5 });
    queue.registerHandler('bad-input', async () => {
      throw new PermanentJobError('DOCUMENT_MISSING', 'The document is gone');
    });
    await queue.start();
    const job = await queue.enqueue('bad-input', {});
    const failed = await waitFor(async () => {
      const j = await queue.get(job.id);
      return j?.state === JobState.FAILED ? j : null;
    });
    expect(failed).toMatchObject({ attempts: 1, errorCode: 'DOCUMENT_MISSING' });
  });

  it("runs a judge's request before the bulk backlog", async () => {
    const queue = makeQueue({ concurrency: 1 });
    const order: string[] = [];
    queue.registerHandler('work', async (job) => {
      order.push((job.payload as { name: string }).name);
    });
    for (let i = 0; i < 4; i++) await queue.enqueue('work', { name: `bulk-${i}` }, { priority: priorityForRole('service') });
    await queue.enqueue('work', { name: 'clerk' }, { priority: priorityForRole('clerk') });
    await queue.enqueue('work', { name: 'judge' }, { priority: priorityForRole('judge') });
    await queue.start();
    await waitFor(() => order.length === 6);
    expect(order).toEqual(['judge', 'clerk', 'bulk-0', 'bulk-1', 'bulk-2', 'bulk-3']);
    expect(priorityForRole('judge')).toBe(JobPriority.URGENT);
  });

  it.runIf(backend === 'bullmq')('stores a job when Redis cannot take the delivery, and a worker sweep delivers it later', async () => {
    const producer = makeQueue({ redisUrl: 'redis://127.0.0.1:1', runWorker: false });
    const job = await producer.enqueue('late', {});
    expect(job.state).toBe(JobState.QUEUED);
    const worker = makeQueue({ leaseMs: 400 });
    let runs = 0;
    worker.registerHandler('late', async () => {
      runs++;
    });
    await worker.start();
    await waitFor(async () => (await worker.get(job.id))?.state === JobState.SUCCEEDED);
    expect(runs).toBe(1);
  });

  it('never runs more jobs at once than the concurrency limit', async () => {
    const queue = makeQueue({ concurrency: 2 });
    let active = 0;
    let peak = 0;
    let finished = 0;
    queue.registerHandler('busy', async () => {
      active++;
      peak = Math.max(peak, active);
      await sleep(150);
      active--;
      finished++;
    });
    for (let i = 0; i < 6; i++) await queue.enqueue('busy', { i });
    await queue.start();
    await waitFor(() => finished === 6);
    expect(peak).toBe(2);
  });

  it('reclaims a job whose worker stopped renewing its lease and runs it once more', async () => {
    const dead = makeQueue();
    let deadStarted = false;
    dead.registerHandler('slow', async () => {
      deadStarted = true;
      await sleep(60_000);
    });
    const job = await dead.enqueue('slow', {});
    // simulate a worker that claimed the job and vanished: claim it, then never heartbeat
    const claimed = await dead.repository.claimNext('vanished-worker', ['slow'], 200);
    expect(claimed?.id).toBe(job.id);
    expect(deadStarted).toBe(false);

    const live = makeQueue({ leaseMs: 300 });
    let completions = 0;
    live.registerHandler('slow', async () => {
      completions++;
      return 'done';
    });
    await live.start();
    const done = await waitFor(async () => {
      const j = await live.get(job.id);
      return j?.state === JobState.SUCCEEDED ? j : null;
    });
    expect(completions).toBe(1);
    expect(done.attempts).toBe(2);
  });
});

it('defaults to one job per two cores', () => {
  expect(defaultJobConcurrency(2)).toBe(1);
  expect(defaultJobConcurrency(16)).toBe(8);
  expect(defaultJobConcurrency(1)).toBe(1);
});
