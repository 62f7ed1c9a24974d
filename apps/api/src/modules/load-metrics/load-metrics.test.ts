// The load gauges read from the real app: a queued job that no worker takes shows up with its age.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable, startTestApp, TestApp } from '../../../test/helpers/test-app.js';
import { JobQueue } from '../jobs/job-queue.js';
import { JOB_QUEUE } from '../jobs/job-queue.token.js';
import { LoadMetricsService } from './load-metrics.service.js';

describe.skipIf(!databaseAvailable())('load metrics', () => {
  let t: TestApp;

  beforeAll(async () => {
    // no worker in this process: a queued job stays queued
    t = await startTestApp({}, (c) => ({ ...c, jobs: { ...c.jobs, runWorker: false } }));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('reports the age of the oldest due queued job, the jobs by state, the event-loop delay and the worker threads', async () => {
    const queue = t.app.get<JobQueue>(JOB_QUEUE);
    const job = await queue.enqueue('extract', { documentId: 'a-document-id' });
    const metrics = t.app.get(LoadMetricsService);
    const samples = await metrics.collect(job.createdAt.getTime() + 4_000);
    const find = (name: string, labels: Record<string, string>) => samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
    expect(find('amicus_job_queue_age_seconds', { type: 'extract' })?.value).toBeCloseTo(4, 0);
    expect(find('amicus_jobs', { type: 'extract', state: 'queued' })?.value).toBe(1);
    expect(find('amicus_event_loop_lag_seconds', { quantile: '0.99' })?.value).toBeGreaterThanOrEqual(0);
    expect(find('amicus_worker_threads', {})?.value).toBe(0);
  });
});
