// Crash recovery of summarization with real processes: the API (no worker) queues a summary, a
// worker process (`main.js --role worker`, the real application) starts it and is killed with
// SIGKILL mid-run; a new worker finishes it. The job succeeds once and exactly one summary version
// (and one ledger entry for it) exists. SQLite with the embedded queue; PostgreSQL with the embedded
// queue and with BullMQ on Redis.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { judgmentsAvailable, loadJudgment, modelAvailable, TEST_MODEL_DIR } from '../../../test/helpers/judgments.js';
import { bootTestApp, ok, testConfig, TestApp } from '../../../test/helpers/test-app.js';
import { UserRole } from '../users/user.entity.js';
import { compileApiForChildProcess } from '../jobs/testing/compile-for-child.js';
import { TEST_REDIS_URL } from '../jobs/testing/test-database.js';
import { projectDatabaseAvailable, queueCombos } from '../jobs/testing/test-matrix.js';
import { waitFor } from '../jobs/testing/wait-for.js';
import { pruneTypeOnlyImports } from './testing/prune-type-imports.js';

const JUDGMENTS = ['uksc-2013-0252', 'uksc-2012-0276', 'uksc-2013-0146'];

let buildRoot: string;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  // a copy of this test process's own, so other test files compiling into the shared build at the
  // same time cannot undo the pruning
  const shared = await compileApiForChildProcess();
  buildRoot = join(dirname(shared), `amicus-summaries-child-build-${process.pid}`);
  rmSync(buildRoot, { recursive: true, force: true });
  cpSync(shared, buildRoot, { recursive: true });
  pruneTypeOnlyImports(join(buildRoot, 'src'));
}, 120_000);

afterAll(() => {
  if (buildRoot) rmSync(buildRoot, { recursive: true, force: true });
});

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

interface Worker {
  child: ChildProcess;
  exited: Promise<string>;
}

/** Starts the API's worker role in a child process; resolves once it runs jobs. */
async function startWorker(env: Record<string, string | undefined>): Promise<Worker> {
  const child = spawn(process.execPath, [join(buildRoot, 'src', 'main.js'), '--role', 'worker'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? String(code))));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('Worker running jobs')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${how}) before it was ready: ${output}`));
    });
  });
  const worker = { child, exited };
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  return worker;
}

describe.skipIf(!projectDatabaseAvailable() || !modelAvailable() || !judgmentsAvailable()).each(queueCombos())(
  'summarization on %s with the %s queue',
  (_kind, backend) => {
    it('finishes a summary exactly once after its worker is killed with SIGKILL mid-run', async () => {
      const queueName = `amicus-crash-${randomBytes(4).toString('hex')}`;
      const { config, env, cleanup } = await testConfig({
        AMICUS_MODEL_DIR: TEST_MODEL_DIR,
        AMICUS_INFERENCE_THREADS: '1',
        AMICUS_JOB_POLL_INTERVAL: '50ms',
        AMICUS_JOB_LEASE: '2s',
        AMICUS_JOB_BACKOFF: '100ms',
        AMICUS_JOB_QUEUE: queueName,
        ...(backend === 'bullmq' ? { REDIS_URL: TEST_REDIS_URL } : {}),
      });
      // the test process serves the API only; jobs run in the worker processes
      const t: TestApp = await bootTestApp({ ...config, jobs: { ...config.jobs, runWorker: false } }, cleanup);
      cleanups.push(() => t.close());
      const q = (sql: string) => (t.dataSource.options.type === 'postgres' ? sql.replace(/\?/g, (_m, i: number) => `$${sql.slice(0, i).split('?').length}`) : sql);

      const admin = await t.admin();
      const judge = await t.createUser(UserRole.JUDGE, 'UKSC');
      const { createCase } = ok(
        await t.gql<{ createCase: { id: string } }>(
          'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
          { input: { docketNumber: 'UKSC 2013/0001', title: 'A v B', court: 'UKSC', caseType: 'appeal', filedDate: '2013-01-01' } },
          admin.token,
        ),
      );
      ok(await t.gql('mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }', { c: createCase.id, u: judge.user.id }, admin.token));

      const first = await startWorker(env);
      for (const id of JUDGMENTS) {
        const form = new FormData();
        form.append('title', id);
        form.append('kind', 'judgment');
        form.append('file', new Blob([Buffer.from(await loadJudgment(id), 'utf8')]), `${id}.txt`);
        const res = await fetch(`${t.url}/api/cases/${createCase.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
        expect(res.status).toBe(201);
      }
      await waitFor(async () => {
        const rows: Array<{ n: string | number }> = await t.dataSource.query(q("SELECT COUNT(*) AS n FROM documents WHERE extraction_status = 'done'"));
        return Number(rows[0].n) === JUDGMENTS.length;
      }, 60_000);

      const { summarizeCase } = ok(
        await t.gql<{ summarizeCase: { id: string } }>('mutation($c: ID!) { summarizeCase(caseId: $c, length: DETAILED) { id } }', { c: createCase.id }, judge.token),
      );
      const jobId = summarizeCase.id;
      const jobRow = async () =>
        (await t.dataSource.query(q('SELECT state, attempts, progress, stage FROM jobs WHERE id = ?'), [jobId]))[0] as { state: string; attempts: number; progress: number; stage: string | null };
      const summaries = async () => (await t.dataSource.query(q('SELECT id, version, job_id FROM summaries WHERE case_id = ?'), [createCase.id])) as Array<{ id: string; version: number }>;

      // freeze the worker as soon as it is working on the summary, then kill it
      await waitFor(async () => {
        const j = await jobRow();
        return j?.state === 'running' && j.progress >= 5;
      }, 30_000, 5);
      first.child.kill('SIGSTOP');
      expect(await summaries()).toEqual([]);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      expect((await jobRow()).state).toBe('running');

      await startWorker(env);
      const done = await waitFor(async () => {
        const j = await jobRow();
        return j.state === 'succeeded' ? j : null;
      }, 60_000);
      expect(Number(done.attempts)).toBe(2);
      const stored = await summaries();
      expect(stored).toHaveLength(1);
      expect(Number(stored[0].version)).toBe(1);
      const generations: unknown[] = await t.dataSource.query(q("SELECT seq FROM audit_log WHERE action = 'generation' AND case_id = ?"), [createCase.id]);
      expect(generations).toHaveLength(1);

      const { summaries: visible } = ok(
        await t.gql<{ summaries: Array<{ version: number; sentences: Array<{ documentId: string }> }> }>(
          'query($c: ID!) { summaries(caseId: $c) { version sentences { documentId } } }',
          { c: createCase.id },
          judge.token,
        ),
      );
      expect(visible).toHaveLength(1);
      expect(new Set(visible[0].sentences.map((s) => s.documentId)).size).toBe(JUDGMENTS.length);
    }, 180_000);
  },
);
