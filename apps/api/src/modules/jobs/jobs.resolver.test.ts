import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable, errorCode, ok, startTestApp, TestApp, TestUser } from '../../../test/helpers/test-app.js';
import { AuditService } from '../audit/audit.service.js';
import { UserRole } from '../users/user.entity.js';
import { z } from 'zod';
import { JobQueue } from './job-queue.js';
import { JOB_QUEUE } from './job-queue.token.js';
import { JobsService } from './jobs.service.js';
import { JobPriority } from './job-state.js';
import { TEST_REDIS_URL } from './testing/test-database.js';
import { projectDatabase } from './testing/test-matrix.js';
import { waitFor } from './testing/wait-for.js';

const JOB_FIELDS = 'id type caseId state progress stage priority attempts cancelRequested result errorCode createdBy';

interface JobView {
  id: string;
  state: string;
  progress: number;
  stage: string | null;
  priority: number;
  result: string | null;
  caseId: string | null;
}

describe.skipIf(!databaseAvailable())('jobs over GraphQL', () => {
  let t: TestApp;
  let queue: JobQueue;
  let admin: TestUser;
  let judge: TestUser;
  let otherJudge: TestUser;
  let clerk: TestUser;
  let openCaseId: string;
  let sealedCaseId: string;
  const gates = new Map<string, () => void>();

  beforeAll(async () => {
    // on PostgreSQL the jobs go through BullMQ on the local Redis
    const redis = projectDatabase() === 'postgres' ? { REDIS_URL: TEST_REDIS_URL, AMICUS_JOB_QUEUE: `amicus-test-${randomBytes(4).toString('hex')}` } : {};
    t = await startTestApp({ AMICUS_JOB_POLL_INTERVAL: '50ms', AMICUS_JOB_BACKOFF: '50ms', ...redis });
    queue = t.app.get<JobQueue>(JOB_QUEUE);
    // waits until the test opens its gate, reporting progress before and after
    queue.types.define('test-gated', {
      description: 'waits for the test to open its gate',
      payload: z.object({ gate: z.string() }),
      result: z.object({ gate: z.string() }),
    });
    queue.registerHandler<{ gate: string }>('test-gated', async (job) => {
      await job.progress(25, 'waiting');
      await new Promise<void>((resolve) => gates.set(job.payload.gate, resolve));
      await job.progress(75, 'finishing');
      return { gate: job.payload.gate };
    });
    admin = await t.admin();
    judge = await t.createUser(UserRole.JUDGE, 'HC');
    otherJudge = await t.createUser(UserRole.JUDGE, 'HC');
    clerk = await t.createUser(UserRole.CLERK, 'HC');
    const create = async (docketNumber: string, sealed: boolean) =>
      ok(
        await t.gql<{ createCase: { id: string } }>(
          `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
          { input: { docketNumber, title: `Case ${docketNumber}`, court: 'HC', caseType: 'civil', filedDate: '2026-01-05', sealed } },
          admin.token,
        ),
      ).createCase.id;
    openCaseId = await create('HC-1', false);
    sealedCaseId = await create('HC-2', true);
    ok(await t.gql(`mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }`, { c: sealedCaseId, u: judge.user.id }, admin.token));
  });

  afterAll(async () => {
    for (const open of gates.values()) open();
    await t?.close();
  });

  const principalOf = (u: TestUser) => ({ userId: u.user.id, email: u.user.email, displayName: u.user.displayName, role: u.user.role, court: u.user.court });
  const getJob = async (id: string, token: string) => (await t.gql<{ job: JobView | null }>(`query($id: ID!) { job(id: $id) { ${JOB_FIELDS} } }`, { id }, token)).data?.job ?? null;
  const openGate = async (gate: string) => (await waitFor(() => gates.get(gate)))();

  it('rejects a malformed payload at enqueue with BAD_USER_INPUT and stores nothing', async () => {
    const service = t.app.get(JobsService);
    const countJobs = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM jobs'))[0].n);
    const before = await countJobs();
    const bad = [
      ['summarize', { caseId: openCaseId, documentId: null, length: 'enormous' }],
      ['summarize', { caseId: openCaseId, length: 'short' }],
      ['extract', { documentId: 42 }],
      ['draft', { caseId: openCaseId, templateId: 'order', extra: true }],
    ] as const;
    for (const [type, payload] of bad) {
      await expect(service.enqueueFor(principalOf(judge), type, payload, { caseId: openCaseId })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_JOB_PAYLOAD' });
    }
    await expect(service.enqueueFor(principalOf(judge), 'no-such-type', {}, { caseId: openCaseId })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_JOB_TYPE' });
    expect(await countJobs()).toBe(before);
  });

  it('uses the configured backend', () => {
    expect(t.config.jobs.backend).toBe(projectDatabase() === 'postgres' ? 'bullmq' : 'database');
  });

  it("queues a judge's job ahead of others, reports progress by polling, and stores the result", async () => {
    const job = await t.app.get(JobsService).enqueueFor(principalOf(judge), 'test-gated', { gate: 'poll' }, { caseId: openCaseId });
    expect(job.priority).toBe(JobPriority.URGENT);
    await waitFor(async () => (await getJob(job.id, judge.token))?.progress === 25);
    expect(await getJob(job.id, judge.token)).toMatchObject({ state: 'RUNNING', stage: 'waiting', caseId: openCaseId });
    await openGate('poll');
    await waitFor(async () => (await getJob(job.id, judge.token))?.state === 'SUCCEEDED');
    const done = (await getJob(job.id, clerk.token))!;
    expect(done).toMatchObject({ progress: 100, stage: 'finishing' });
    expect(JSON.parse(done.result!)).toEqual({ gate: 'poll' });
    // the ledger records the request (with its actor) and the completion (by the worker)
    const entries = (await t.app.get(AuditService).list({ caseId: openCaseId }, 50)).records.filter((r) => r.details.jobId === job.id);
    expect(entries.map((r) => r.action).sort()).toEqual(['job_queued', 'job_succeeded']);
    expect(entries.find((r) => r.action === 'job_queued')).toMatchObject({ actorId: judge.user.id, actorRole: 'judge' });
  });

  it("hides a sealed case's jobs from an unassigned judge in job, jobs and cancelJob", async () => {
    const job = await t.app.get(JobsService).enqueueFor(principalOf(judge), 'test-gated', { gate: 'sealed' }, { caseId: sealedCaseId });
    expect(await getJob(job.id, judge.token)).not.toBeNull();
    expect(await getJob(job.id, admin.token)).not.toBeNull();
    expect(await getJob(job.id, otherJudge.token)).toBeNull();
    const list = async (token: string) =>
      ok(await t.gql<{ jobs: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(`{ jobs(first: 50) { totalCount edges { node { id } } } }`, {}, token)).jobs;
    expect((await list(judge.token)).edges.map((e) => e.node.id)).toContain(job.id);
    const hidden = await list(otherJudge.token);
    expect(hidden.edges.map((e) => e.node.id)).not.toContain(job.id);
    expect(hidden.totalCount).toBe((await list(judge.token)).totalCount - 1);
    const bySealedCase = await t.gql<{ jobs: { totalCount: number } }>(`query($c: ID!) { jobs(caseId: $c) { totalCount } }`, { c: sealedCaseId }, otherJudge.token);
    expect(ok(bySealedCase).jobs.totalCount).toBe(0);
    const cancel = await t.gql(`mutation($id: ID!) { cancelJob(id: $id) { id } }`, { id: job.id }, otherJudge.token);
    expect(errorCode(cancel)).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(`query($id: ID!) { job(id: $id) { id } }`, { id: job.id }))).toBe('UNAUTHENTICATED');
    await openGate('sealed');
  });

  it('cancels a queued job at once and retries it', async () => {
    const service = t.app.get(JobsService);
    // hold the only worker slot so the next job stays queued
    const blocker = await service.enqueueFor(principalOf(clerk), 'test-gated', { gate: 'blocker' }, { caseId: openCaseId });
    await waitFor(async () => (await getJob(blocker.id, clerk.token))?.state === 'RUNNING');
    const job = await service.enqueueFor(principalOf(clerk), 'test-gated', { gate: 'queued' }, { caseId: openCaseId });
    const cancelled = ok(await t.gql<{ cancelJob: JobView }>(`mutation($id: ID!) { cancelJob(id: $id) { ${JOB_FIELDS} } }`, { id: job.id }, clerk.token));
    expect(cancelled.cancelJob.state).toBe('CANCELLED');
    const again = await t.gql(`mutation($id: ID!) { cancelJob(id: $id) { id } }`, { id: job.id }, clerk.token);
    expect(errorCode(again)).toBe('CONFLICT');
    const retried = ok(await t.gql<{ retryJob: JobView }>(`mutation($id: ID!) { retryJob(id: $id) { ${JOB_FIELDS} } }`, { id: job.id }, clerk.token));
    expect(retried.retryJob.state).toBe('QUEUED');
    await openGate('blocker');
    await openGate('queued');
    await waitFor(async () => (await getJob(job.id, clerk.token))?.state === 'SUCCEEDED');
  });

  it('streams progress over graphql-ws to an authenticated caller who may see the case', async () => {
    const wsUrl = `${t.url.replace('http', 'ws')}/graphql`;
    const job = await t.app.get(JobsService).enqueueFor(principalOf(judge), 'test-gated', { gate: 'ws' }, { caseId: sealedCaseId });
    const subscribe = (token: string | null) => {
      const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0, lazy: true });
      const events: Array<{ state: string; progress: number; stage: string | null }> = [];
      const errors: unknown[] = [];
      let completed = false;
      client.subscribe<{ jobProgress: { state: string; progress: number; stage: string | null } }>(
        { query: `subscription($id: ID!) { jobProgress(jobId: $id) { jobId state progress stage at } }`, variables: { id: job.id } },
        {
          next: (msg) => {
            if (msg.data) events.push(msg.data.jobProgress);
            if (msg.errors) errors.push(...msg.errors);
          },
          error: (e) => errors.push(e),
          complete: () => (completed = true),
        },
      );
      return { client, events, errors, isComplete: () => completed };
    };
    const watcher = subscribe(judge.token);
    const outsider = subscribe(otherJudge.token);
    const anonymous = subscribe(null);
    await waitFor(() => anonymous.errors.length > 0);
    await waitFor(() => outsider.errors.length > 0);
    expect(JSON.stringify(outsider.errors)).toContain('NOT_FOUND');
    await sleep(200); // the watcher's subscription is registered before the job moves on
    await openGate('ws');
    await waitFor(() => watcher.events.some((e) => e.state === 'SUCCEEDED'));
    expect(watcher.events).toContainEqual(expect.objectContaining({ state: 'RUNNING', progress: 75, stage: 'finishing' }));
    expect(watcher.errors).toEqual([]);
    expect(outsider.events).toEqual([]);
    for (const s of [watcher, outsider, anonymous]) await s.client.dispose();
  });
});
