// The CPU work of jobs runs in worker threads: a summary job cancelled while its thread works stops
// at the thread's next checkpoint and stores nothing, and the thread serves the next job. Real app,
// real model, embedded queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgmentsAvailable, loadJudgment, modelAvailable, TEST_MODEL_DIR } from '../../../test/helpers/judgments.js';
import { databaseAvailable, ok, startTestApp, TestApp } from '../../../test/helpers/test-app.js';
import { waitFor } from '../jobs/testing/wait-for.js';
import { UserRole } from '../users/user.entity.js';

const IN_THREAD = new Set(['loading the model', 'summarizing', 'summarizing document 1 of 3', 'summarizing document 2 of 3']);
const JUDGMENTS = ['uksc-2013-0252', 'uksc-2012-0276', 'uksc-2013-0146'];

describe.skipIf(!databaseAvailable() || !modelAvailable() || !judgmentsAvailable())('jobs in worker threads', () => {
  let t: TestApp;
  let token: string;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp({
      AMICUS_MODEL_DIR: TEST_MODEL_DIR,
      AMICUS_INFERENCE_THREADS: '1',
      AMICUS_WORKER_THREADS: '1',
      AMICUS_JOB_POLL_INTERVAL: '50ms',
      AMICUS_JOB_BACKOFF: '50ms',
    });
    const admin = await t.admin();
    const judge = await t.createUser(UserRole.JUDGE, 'UKSC');
    token = judge.token;
    caseId = ok(
      await t.gql<{ createCase: { id: string } }>(
        'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
        { input: { docketNumber: 'UKSC 2012/0276', title: 'A v B', court: 'UKSC', caseType: 'appeal', filedDate: '2012-01-01' } },
        admin.token,
      ),
    ).createCase.id;
    ok(await t.gql('mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }', { c: caseId, u: judge.user.id }, admin.token));
    for (const id of JUDGMENTS) {
      const form = new FormData();
      form.append('title', id);
      form.append('kind', 'judgment');
      form.append('file', new Blob([Buffer.from(await loadJudgment(id), 'utf8')]), `${id}.txt`);
      const res = await fetch(`${t.url}/api/cases/${caseId}/documents`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
      expect(res.status).toBe(201);
    }
    await waitFor(async () => {
      const rows: Array<{ n: string | number }> = await t.dataSource.query("SELECT COUNT(*) AS n FROM documents WHERE extraction_status = 'done'");
      return Number(rows[0].n) === JUDGMENTS.length;
    }, 60_000);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const job = async (id: string) =>
    ok(await t.gql<{ job: { state: string; stage: string | null; attempts: number; errorCode: string | null } }>('query($id: ID!) { job(id: $id) { state stage attempts errorCode } }', { id }, token)).job;
  const summarize = async () =>
    ok(await t.gql<{ summarizeCase: { id: string } }>('mutation($c: ID!) { summarizeCase(caseId: $c, length: DETAILED) { id } }', { c: caseId }, token)).summarizeCase.id;
  const storedFor = async (jobId: string) => {
    const p = t.dataSource.options.type === 'postgres' ? '$1' : '?';
    const summaries: unknown[] = await t.dataSource.query(`SELECT id FROM summaries WHERE job_id = ${p}`, [jobId]);
    const generations: Array<{ details: string }> = await t.dataSource.query(`SELECT details FROM audit_log WHERE action = 'generation' AND case_id = ${p}`, [caseId]);
    return { summaries: summaries.length, generations: generations.filter((g) => String(g.details).includes(jobId)).length };
  };

  it('stops a cancelled summary in its thread, stores nothing, and runs the next job', async () => {
    const id = await summarize();
    await waitFor(async () => IN_THREAD.has((await job(id)).stage ?? ''), 30_000, 5);
    const cancelledAt = Date.now();
    ok(await t.gql('mutation($id: ID!) { cancelJob(id: $id) { id } }', { id }, token));
    const cancelled = await waitFor(async () => {
      const j = await job(id);
      return j.state !== 'RUNNING' ? j : null;
    }, 30_000, 10);
    expect(cancelled.state).toBe('CANCELLED');
    // stopped at the thread's next checkpoint, not at the end of the job or at the next heartbeat
    expect(Date.now() - cancelledAt).toBeLessThan(5_000);
    expect(await storedFor(id)).toEqual({ summaries: 0, generations: 0 });

    const next = await summarize();
    const done = await waitFor(async () => {
      const j = await job(next);
      return j.state === 'SUCCEEDED' || j.state === 'FAILED' ? j : null;
    }, 60_000);
    expect(done.state).toBe('SUCCEEDED');
    expect(await storedFor(next)).toEqual({ summaries: 1, generations: 1 });
  }, 120_000);
});
