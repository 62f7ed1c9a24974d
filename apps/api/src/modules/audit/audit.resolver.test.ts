import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, databaseAvailable, errorCode, ok, TEST_PASSWORD, testConfig, TestApp, TestUser } from '../../../test/helpers/test-app.js';
import { runApiCommand } from '../../cli/api-command.js';
import type { Env } from '../../config/config.loader.js';
import { UserRole } from '../users/user.entity.js';
import { AuditAction } from './audit-action.js';
import { AuditService } from './audit.service.js';

interface EntryView {
  seq: number;
  action: string;
  caseId: string | null;
  actorId: string | null;
  details: string;
}
type AuditLogData = { auditLog: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: EntryView }> } };

const AUDIT_LOG = `query($filter: AuditLogFilterInput, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { seq action caseId actorId details } }
  }
}`;

describe.skipIf(!databaseAvailable())('responsibility ledger over GraphQL and the CLI', () => {
  let t: TestApp;
  let env: Env;
  let admin: TestUser;
  let judge: TestUser;
  let otherJudge: TestUser;
  let clerk: TestUser;
  let openCaseId: string;
  let sealedCaseId: string;

  beforeAll(async () => {
    const prepared = await testConfig();
    env = prepared.env;
    t = await bootTestApp(prepared.config, prepared.cleanup);
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
    openCaseId = await create('HC-10', false);
    sealedCaseId = await create('HC-11', true);
    ok(await t.gql(`mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }`, { c: sealedCaseId, u: judge.user.id }, admin.token));
    const audit = t.app.get(AuditService);
    await audit.record({ action: AuditAction.Generation, actor: { id: judge.user.id, role: 'judge' }, caseId: sealedCaseId, modelSha256: 'a'.repeat(64) });
    await audit.record({ action: AuditAction.Upload, actor: { id: clerk.user.id, role: 'clerk' }, caseId: openCaseId, inputHashes: ['b'.repeat(64)] });
  });

  afterAll(async () => {
    await t?.close();
  });

  const log = async (token: string, variables: Record<string, unknown> = {}) => ok(await t.gql<AuditLogData>(AUDIT_LOG, { first: 50, ...variables }, token)).auditLog;

  it('records sign-ins, failed sign-ins and assignments', async () => {
    const failed = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: clerk.user.email, p: 'wrong password!!' });
    expect(errorCode(failed)).toBeDefined();
    ok(await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: clerk.user.email, p: TEST_PASSWORD }));
    const all = await log(admin.token);
    const actions = all.edges.map((e) => e.node.action);
    expect(actions).toEqual(expect.arrayContaining(['sign_in', 'sign_in_failed', 'permission_change', 'generation', 'upload']));
    const failedEntry = all.edges.find((e) => e.node.action === 'sign_in_failed')!.node;
    expect(failedEntry.actorId).toBe(clerk.user.id);
    expect(JSON.parse(failedEntry.details)).toMatchObject({ email: clerk.user.email });
    const assignment = all.edges.find((e) => e.node.action === 'permission_change')!.node;
    expect(assignment).toMatchObject({ caseId: sealedCaseId, actorId: admin.user.id });
    expect(JSON.parse(assignment.details)).toMatchObject({ change: 'assign', userId: judge.user.id });
  });

  it("shows non-admins only entries of cases they may see: never a sealed case's entries to an unassigned judge", async () => {
    const outsider = await log(otherJudge.token);
    expect(outsider.edges.map((e) => e.node.caseId)).not.toContain(sealedCaseId);
    expect(outsider.edges.every((e) => e.node.caseId === openCaseId)).toBe(true);
    expect(outsider.totalCount).toBe(outsider.edges.length);
    const filtered = await log(otherJudge.token, { filter: { caseId: sealedCaseId } });
    expect(filtered.totalCount).toBe(0);
    const assigned = await log(judge.token, { filter: { caseId: sealedCaseId } });
    expect(assigned.edges.map((e) => e.node.action).sort()).toEqual(['case_created', 'generation', 'permission_change']);
    expect(errorCode(await t.gql(AUDIT_LOG, {}))).toBe('UNAUTHENTICATED');
  });

  it('a page of 100 entries with every field fits the complexity limit', async () => {
    const FULL = `query($first: Int) { auditLog(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
      seq at action actorId actorRole caseId template modelSha256 inputHashes outputHash details prevHash hash } } } }`;
    const page = ok(await t.gql<{ auditLog: { edges: unknown[]; totalCount: number } }>(FULL, { first: 100 }, admin.token)).auditLog;
    expect(page.edges.length).toBe(Math.min(100, page.totalCount));
  });

  it('filters and pages newest first', async () => {
    const first = await log(admin.token, { first: 2 });
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges[0].node.seq).toBeGreaterThan(first.edges[1].node.seq);
    const next = await log(admin.token, { first: 2, after: first.pageInfo.endCursor });
    expect(next.edges[0].node.seq).toBeLessThan(first.edges[1].node.seq);
    const byActor = await log(admin.token, { filter: { actorId: clerk.user.id, action: 'upload' } });
    expect(byActor.edges.map((e) => e.node.action)).toEqual(['upload']);
    const future = await log(admin.token, { filter: { from: new Date(Date.now() + 3_600_000).toISOString() } });
    expect(future.totalCount).toBe(0);
  });

  it('exports JSON and CSV for admins only, and records the export', async () => {
    const EXPORT = `mutation($f: AuditExportFormat!) { exportAuditLog(format: $f) { format contentType filename entries content } }`;
    const csv = ok(await t.gql<{ exportAuditLog: { content: string; entries: number; contentType: string } }>(EXPORT, { f: 'CSV' }, admin.token)).exportAuditLog;
    const lines = csv.content.trim().split('\r\n');
    expect(lines[0]).toMatch(/^seq,at,actorId,actorRole,action,caseId,/);
    expect(lines).toHaveLength(csv.entries + 1);
    expect(csv.contentType).toMatch(/^text\/csv/);
    const json = ok(await t.gql<{ exportAuditLog: { content: string } }>(EXPORT, { f: 'JSON' }, admin.token)).exportAuditLog;
    const rows = JSON.parse(json.content) as Array<{ seq: number; action: string }>;
    expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((a, b) => a - b));
    expect(rows.some((r) => r.action === 'audit_exported')).toBe(true);
    expect(errorCode(await t.gql(EXPORT, { f: 'CSV' }, clerk.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(EXPORT, { f: 'JSON' }, judge.token))).toBe('FORBIDDEN');
  });

  it('verifies the chain through GraphQL and `audit verify`, and names a tampered entry', async () => {
    const VERIFY = `{ verifyAuditChain { ok entries brokenSeq reason message } }`;
    expect(ok(await t.gql<{ verifyAuditChain: { ok: boolean } }>(VERIFY, {}, admin.token)).verifyAuditChain.ok).toBe(true);
    expect(errorCode(await t.gql(VERIFY, {}, clerk.token))).toBe('FORBIDDEN');
    const run = async () => {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let out = '';
      stdout.on('data', (d: Buffer) => (out += d.toString()));
      stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await runApiCommand(['audit', 'verify'], { stdout, stderr, env, cwd: process.cwd() });
      return { code, out };
    };
    const intact = await run();
    // Pointed at a directory without an Amicus database, it says so and creates nothing.
    const empty = mkdtempSync(join(tmpdir(), 'amicus-no-db-'));
    const noDbOut = new PassThrough();
    let noDb = '';
    noDbOut.on('data', (d: Buffer) => (noDb += d.toString()));
    const noDbCode = await runApiCommand(['audit', 'verify'], { stdout: noDbOut, stderr: noDbOut, env: { AMICUS_DATA_DIR: empty }, cwd: empty });
    expect(noDbCode).toBe(2);
    expect(noDb).toContain(`No Amicus database was found at ${join(empty, 'amicus.sqlite')}`);
    expect(readdirSync(empty)).toEqual([]);
    rmSync(empty, { recursive: true });
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.out).toMatch(/^Audit chain intact: \d+ entries/);

    // tamper behind the append-only triggers
    const uploadSeq = (await log(admin.token, { filter: { action: 'upload' } })).edges[0].node.seq;
    if (t.config.database.type === 'postgres') {
      await t.dataSource.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    } else {
      await t.dataSource.query('DROP TRIGGER audit_log_no_update');
    }
    await t.dataSource.query(`UPDATE audit_log SET actor_id = NULL WHERE seq = ${uploadSeq}`);
    const broken = await run();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`BROKEN at entry #${uploadSeq} (HASH_MISMATCH)`);
    const viaApi = ok(await t.gql<{ verifyAuditChain: { ok: boolean; brokenSeq: number; reason: string } }>(VERIFY, {}, admin.token)).verifyAuditChain;
    expect(viaApi).toMatchObject({ ok: false, brokenSeq: uploadSeq, reason: 'HASH_MISMATCH' });
  });
});
