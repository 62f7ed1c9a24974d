// Metrics and logs through the real app: a clerk signs in with a password, uploads a judgment, a
// judge has it summarized by the real model; then `/metrics` (behind its bearer token) shows the
// named series, and the JSON log of the whole run holds the request id inside the job's lines but
// none of the document's sentences, the password or the sign-in token.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JOB_QUEUE } from '../src/modules/jobs/job-queue.token.js';
import type { JobQueue } from '../src/modules/jobs/job-queue.js';
import { UserRole } from '../src/modules/users/user.entity.js';
import { modelAvailable, TEST_MODEL_DIR } from './helpers/judgments.js';
import { bootTestApp, databaseAvailable, ok, TEST_PASSWORD, testConfig, TestApp } from './helpers/test-app.js';
import { createAssignedCase, summarizeCase, TENANCY_JUDGMENT, TENANCY_SENTENCES, uploadAndExtract } from './helpers/workflow.js';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';
const REQUEST_ID = 'req-observability-0001';

describe.skipIf(!databaseAvailable() || !modelAvailable())('metrics and logs', () => {
  let t: TestApp;
  const logLines: string[] = [];
  let clerkToken: string;
  let judgeToken: string;
  let jobId: string;

  beforeAll(async () => {
    const { config, cleanup } = await testConfig({
      AMICUS_MODEL_DIR: TEST_MODEL_DIR,
      AMICUS_INFERENCE_THREADS: '1',
      AMICUS_JOB_POLL_INTERVAL: '50ms',
      AMICUS_JOB_MAX_ATTEMPTS: '1',
      AMICUS_METRICS_TOKEN: METRICS_TOKEN,
    });
    expect(config.logLevel).toBe('info');
    let pending = '';
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        pending += chunk.toString('utf8');
        const parts = pending.split('\n');
        pending = parts.pop() ?? '';
        logLines.push(...parts.filter((l) => l !== ''));
        done();
      },
    });
    // the default level of a deployment
    t = await bootTestApp(config, cleanup, { logDestination: destination });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('serves the named series after a summarization job, behind the bearer token', async () => {
    const clerk = await t.createUser(UserRole.CLERK, 'CA', 'clerk.observed@court.example');
    const judge = await t.createUser(UserRole.JUDGE, 'CA');
    judgeToken = judge.token;
    // a sign-in over HTTP, so the password travels through the logged request
    const login = ok(
      await t.gql<{ login: { token: string } }>('mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: clerk.user.email,
        p: TEST_PASSWORD,
      }),
    );
    clerkToken = login.login.token;
    const caseId = await createAssignedCase(t, [clerk, judge]);
    await uploadAndExtract(t, caseId, Buffer.from(TENANCY_JUDGMENT, 'utf8'), clerkToken);
    jobId = await summarizeCase(t, caseId, judgeToken, { 'x-request-id': REQUEST_ID });

    // a job no worker of this process handles stays queued: the queue gauges show it
    const queue = t.app.get<JobQueue>(JOB_QUEUE);
    queue.types.define('metrics.probe', { description: 'a job no worker handles', payload: z.object({}).strict(), result: z.object({}) });
    await queue.enqueue('metrics.probe', {});

    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const scrape = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await scrape.text();
    const series = (pattern: RegExp): number => {
      const line = body.split('\n').find((l) => pattern.test(l));
      if (!line) throw new Error(`no series matches ${pattern}:\n${body.split("\n").filter((l) => l.startsWith("amicus_http")).join("\n")}`);
      return Number(line.split(' ').at(-1));
    };
    expect(series(/^amicus_http_requests_total\{method="POST",route="\/api\/cases\/:id\/documents",status="201"\}/)).toBeGreaterThanOrEqual(1);
    expect(series(/^amicus_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\}/)).toBeGreaterThanOrEqual(5);
    expect(series(/^amicus_graphql_operations_total\{operation="SummarizeCase",type="mutation",outcome="ok"\}/)).toBeGreaterThanOrEqual(1);
    expect(series(/^amicus_graphql_operation_duration_seconds_count\{operation="Login",type="mutation"\}/)).toBeGreaterThanOrEqual(1);
    expect(series(/^amicus_job_duration_seconds_count\{type="summarize",outcome="succeeded"\}/)).toBeGreaterThanOrEqual(1);
    expect(series(/^amicus_job_duration_seconds_count\{type="extract",outcome="succeeded"\}/)).toBeGreaterThanOrEqual(1);
    expect(series(/^amicus_job_queue_depth\{type="metrics.probe",state="queued"\}/)).toBe(1);
    expect(series(/^amicus_job_oldest_age_seconds\{type="metrics.probe",state="queued"\}/)).toBeGreaterThanOrEqual(0);
    expect(series(/^amicus_inference_duration_seconds_count\{model="[^"]+@[^"]+"\}/)).toBeGreaterThanOrEqual(1);
    expect(series(/^amicus_inference_words_per_second_sum\{model=/)).toBeGreaterThan(0);
    expect(series(/^amicus_extraction_pages_total\{method="text"\}/)).toBeGreaterThanOrEqual(1);
    expect(series(/^amicus_extraction_pages_per_second_count/)).toBeGreaterThanOrEqual(1);
    expect(series(/^amicus_ledger_entries_total\{action="summary_generated"\}|^amicus_ledger_entries_total\{action="job_succeeded"\}/)).toBeGreaterThanOrEqual(1);
    expect(series(/^process_resident_memory_bytes /)).toBeGreaterThan(0);
    expect(body).toMatch(/^nodejs_eventloop_lag_seconds /m);
    // the load gauges, set from one collection per scrape
    expect(series(/^amicus_worker_threads /)).toBeGreaterThanOrEqual(1);
    expect(series(/^amicus_worker_thread_queue /)).toBeGreaterThanOrEqual(0);
    expect(series(/^amicus_event_loop_lag_seconds\{quantile="0.99"\}/)).toBeGreaterThanOrEqual(0);
    expect(series(/^amicus_jobs\{type="metrics.probe",state="queued"\}/)).toBe(1);
    expect(series(/^amicus_job_queue_age_seconds\{type="metrics.probe"\}/)).toBeGreaterThanOrEqual(0);
    // every series is defined once
    const names = body.split('\n').filter((l) => l.startsWith('# TYPE ')).map((l) => l.split(' ')[2]);
    expect(new Set(names).size).toBe(names.length);
  }, 120_000);

  it('writes JSON lines that carry the request id into the job and never the case text, password or token', async () => {
    expect(logLines.length).toBeGreaterThan(10);
    const entries = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.every((e) => typeof e.level === 'string' && typeof e.time === 'string')).toBe(true);
    const access = entries.find((e) => e.msg === 'request completed' && e.requestId === REQUEST_ID);
    expect(access).toMatchObject({ req: { method: 'POST', path: '/graphql' }, res: { statusCode: 200 } });
    const jobLines = entries.filter((e) => e.jobId === jobId);
    expect(jobLines.map((e) => e.msg)).toEqual(expect.arrayContaining(['job started', 'job finished']));
    expect(jobLines.every((e) => e.requestId === REQUEST_ID && e.jobType === 'summarize')).toBe(true);

    const all = logLines.join('\n');
    for (const sentence of TENANCY_SENTENCES) expect(all).not.toContain(sentence.slice(0, 40));
    expect(all).not.toContain('Okonkwo');
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toContain(clerkToken);
    expect(all).not.toContain(judgeToken);
    expect(all).not.toContain(METRICS_TOKEN);
  });
});
