// Backup and restore round trip through the real commands: a running instance with a case, a
// document, a model summary and a draft is backed up online; the archive restores into a fresh
// database and data directory, and the restored instance serves the same case, the byte-identical
// document, the summary and the draft, with a ledger that verifies. A damaged archive and a
// non-empty target are refused and change nothing.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Env } from '../src/config/config.loader.js';
import { UserRole } from '../src/modules/users/user.entity.js';
import { runCommand } from './helpers/commands.js';
import { modelAvailable, TEST_MODEL_DIR } from './helpers/judgments.js';
import { bootTestApp, createDraftAndWait, databaseAvailable, ok, TestApp, testConfig, testDatabase, TestUser } from './helpers/test-app.js';
import { createAssignedCase, summarizeCase, TENANCY_JUDGMENT, uploadAndExtract } from './helpers/workflow.js';

const CASE_QUERY = 'query Case($id: ID!) { case(id: $id) { id docketNumber title } }';
const SUMMARIES_QUERY = 'query Summaries($c: ID!) { summaries(caseId: $c) { id words sentences { text start end } model { sha256 } } }';
const DRAFT_QUERY = 'query Draft($id: ID!) { draft(id: $id) { id templateId version { version text } } }';

describe.skipIf(!databaseAvailable() || !modelAvailable())(`backup and restore (${testDatabase()})`, () => {
  let source: TestApp;
  let judge: TestUser;
  let caseId: string;
  let documentId: string;
  let draftId: string;
  let sourceEnv: Env;
  const work = mkdtempSync(join(tmpdir(), 'amicus-backup-test-'));
  const archive = join(work, 'amicus.tar.gz');
  const cleanups: Array<() => Promise<void>> = [];

  /** A fresh, empty target: a new data directory, and in PostgreSQL a new database with the source's schema name. */
  async function freshTarget(): Promise<Env> {
    const dataDir = mkdtempSync(join(tmpdir(), 'amicus-restore-target-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const env: Env = { ...sourceEnv, AMICUS_DATA_DIR: dataDir };
    if (testDatabase() === 'postgres') {
      const base = inject('postgresUrl');
      const name = `amicus_restore_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      cleanups.push(async () => {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      });
      const url = new URL(sourceEnv.DATABASE_URL!);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
    }
    return env;
  }

  beforeAll(async () => {
    const { config, env, cleanup } = await testConfig({ AMICUS_MODEL_DIR: TEST_MODEL_DIR, AMICUS_INFERENCE_THREADS: '1', AMICUS_JOB_POLL_INTERVAL: '50ms' });
    sourceEnv = env;
    source = await bootTestApp(config, cleanup);
    const clerk = await source.createUser(UserRole.CLERK, 'CA');
    judge = await source.createUser(UserRole.JUDGE, 'CA');
    caseId = await createAssignedCase(source, [clerk, judge]);
    documentId = await uploadAndExtract(source, caseId, Buffer.from(TENANCY_JUDGMENT, 'utf8'), clerk.token);
    await summarizeCase(source, caseId, judge.token);
    const draft = await createDraftAndWait<{ id: string }>(
      source,
      { caseId, templateId: 'scheduling-order', values: JSON.stringify({ trialDate: '2026-06-01', orderDate: '2026-02-05' }) },
      'id',
      clerk.token,
    );
    draftId = draft.id;
  }, 120_000);

  afterAll(async () => {
    await source?.close();
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up the running instance and restores it into an empty target that serves the same records', async () => {
    const backup = await runCommand(['backup', '--out', archive], sourceEnv);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/1 stored documents, the ledger key/);
    // a second backup never overwrites the first
    expect((await runCommand(['backup', '--out', archive], sourceEnv)).code).toBe(2);

    const targetEnv = await freshTarget();
    const restore = await runCommand(['restore', archive], targetEnv);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/Audit chain intact/);

    const { config } = await testConfig(targetEnv);
    const restored = await bootTestApp(config);
    try {
      // the sign-in session is part of the database: the same token works on the restored instance
      const token = judge.token;
      expect(ok(await restored.gql(CASE_QUERY, { id: caseId }, token))).toEqual(ok(await source.gql(CASE_QUERY, { id: caseId }, token)));
      expect(ok(await restored.gql(SUMMARIES_QUERY, { c: caseId }, token))).toEqual(ok(await source.gql(SUMMARIES_QUERY, { c: caseId }, token)));
      expect(ok(await restored.gql(DRAFT_QUERY, { id: draftId }, token))).toEqual(ok(await source.gql(DRAFT_QUERY, { id: draftId }, token)));
      const original = await fetch(`${source.url}/api/documents/${documentId}/content`, { headers: { authorization: `Bearer ${token}` } });
      const copy = await fetch(`${restored.url}/api/documents/${documentId}/content`, { headers: { authorization: `Bearer ${token}` } });
      expect(copy.status).toBe(200);
      expect(Buffer.from(await copy.arrayBuffer()).equals(Buffer.from(await original.arrayBuffer()))).toBe(true);
    } finally {
      await restored.app.close();
    }

    // the target now holds data: refused without --force, replaced with it
    const again = await runCommand(['restore', archive], targetEnv);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty.*--force/);
    const forced = await runCommand(['restore', archive, '--force'], targetEnv);
    expect(forced.code).toBe(0);
    // the restored instance's checkpoints (written at its shutdown) belong to the replaced ledger
    expect(forced.stdout).toMatch(/checkpoints of the replaced ledger were moved to /);
    expect(forced.stdout).toMatch(/Audit chain intact/);
  }, 120_000);

  it('refuses a damaged archive, naming the changed file, and restores nothing', async () => {
    const unpacked = join(work, 'unpacked');
    rmSync(unpacked, { recursive: true, force: true });
    mkdirSync(unpacked);
    await tar.extract({ file: archive, cwd: unpacked });
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as { files: Array<{ path: string }> };
    const blob = manifest.files.find((f) => f.path.startsWith('blobs/'))!.path;
    const bytes = readFileSync(join(unpacked, blob));
    bytes[10] ^= 0x20;
    writeFileSync(join(unpacked, blob), bytes);
    const tampered = join(work, 'tampered.tar.gz');
    await tar.create({ gzip: true, file: tampered, cwd: unpacked }, ['manifest.json', ...manifest.files.map((f) => f.path)]);

    const targetEnv = await freshTarget();
    const run = await runCommand(['restore', tampered], targetEnv);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${blob}: sha256 differs from the manifest`);
    // a truncated archive cannot even be unpacked
    const truncated = join(work, 'truncated.tar.gz');
    writeFileSync(truncated, readFileSync(archive).subarray(0, 200));
    const cut = await runCommand(['restore', truncated], targetEnv);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/damaged/);
    // nothing was restored: a restore without --force is still accepted
    expect((await runCommand(['restore', archive], targetEnv)).code).toBe(0);
  }, 60_000);
});
