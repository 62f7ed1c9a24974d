import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditAction } from './audit-action.js';
import { GENESIS_HASH } from './audit-chain.js';
import { appendOnlyTriggers } from './migrations/1764480060000-create-audit-log.js';
import { AuditService } from './audit.service.js';
import { LedgerKey } from './ledger-key.js';
import { createTestDatabase, TestDatabase, TestDatabaseKind } from '../jobs/testing/test-database.js';
import { projectDatabase, projectDatabaseAvailable } from '../jobs/testing/test-matrix.js';

const H = (c: string) => c.repeat(64);
const key = new LedgerKey(Buffer.from('a test ledger key of at least thirty-two bytes'));

describe.skipIf(!projectDatabaseAvailable())('responsibility ledger', () => {
  const kind: TestDatabaseKind = projectDatabase();
  let db: TestDatabase;
  let audit: AuditService;

  beforeEach(async () => {
    db = await createTestDatabase(kind);
    audit = new AuditService(db.dataSource, key);
  });

  afterEach(async () => {
    await db.destroy();
  });

  const seed = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await audit.record({
        action: i % 2 ? AuditAction.Generation : AuditAction.Upload,
        actor: { id: 'user-1', role: 'CLERK' },
        caseId: 'case-1',
        details: { index: i, file: `doc-${i}.pdf` },
        inputHashes: [H('a')],
        outputHash: H('b'),
        modelSha256: i % 2 ? H('c') : null,
        template: i % 2 ? { id: 'order-motion', version: '1.2.0' } : null,
      });
    }
  };

  it('chains entries from the genesis hash and verifies the chain', async () => {
    await seed(5);
    const page = await audit.list({}, 10);
    const rows = [...page.records].reverse();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(rows[1]).toMatchObject({ actorRole: 'clerk', template: 'order-motion@1.2.0', modelSha256: H('c'), details: { index: 1, file: 'doc-1.pdf' } });
    expect(await audit.verifyChain()).toEqual({ ok: true, entries: 5, lastSeq: 5, lastHash: rows[4].hash, checkpoints: 0 });
  });

  it('keeps one unbroken chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => audit.record({ action: AuditAction.Edit, details: { i } })));
    const verification = await audit.verifyChain();
    expect(verification).toMatchObject({ ok: true, entries: 40, lastSeq: 40 });
  });

  it('rejects UPDATE and DELETE issued directly in SQL', async () => {
    await seed(2);
    await expect(db.dataSource.query(`UPDATE audit_log SET action = 'export' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`DELETE FROM audit_log WHERE seq = 2`)).rejects.toThrow(/append-only/);
    if (kind === 'postgres') await expect(db.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await audit.verifyChain()).toMatchObject({ ok: true, entries: 2 });
  });

  it('names the entry whose contents were changed behind the triggers', async () => {
    await seed(6);
    await dropTriggers(db);
    await db.dataSource.query(`UPDATE audit_log SET details = '{"index":3,"file":"forged.pdf"}' WHERE seq = 4`);
    expect(await audit.verifyChain()).toMatchObject({ ok: false, seq: 4, reason: 'HASH_MISMATCH', entries: 3 });
  });

  it('names the entry after a row whose hash was recomputed to hide an edit', async () => {
    await seed(4);
    await dropTriggers(db);
    await db.dataSource.query(`UPDATE audit_log SET hash = '${H('f')}' WHERE seq = 2`);
    expect(await audit.verifyChain()).toMatchObject({ ok: false, seq: 2, reason: 'HASH_MISMATCH' });
    // forge row 2 consistently: then the break shows at row 3, whose prev_hash no longer matches
    const [row2] = await audit.list({}, 1, 3).then((p) => p.records);
    const { entryHash } = await import('./audit-chain.js');
    const forgedDetails = '{"forged":true}';
    const forged = entryHash({ ...row2, seq: row2.seq!, prevHash: row2.prevHash!, at: row2.at.getTime(), details: forgedDetails, inputHashes: JSON.stringify(row2.inputHashes), keyId: key.id }, key);
    await db.dataSource.query(`UPDATE audit_log SET details = '${forgedDetails}', hash = '${forged}' WHERE seq = 2`);
    expect(await audit.verifyChain()).toMatchObject({ ok: false, seq: 3, reason: 'PREV_HASH_MISMATCH' });
  });

  it('names a deleted entry', async () => {
    await seed(5);
    await dropTriggers(db);
    await db.dataSource.query(`DELETE FROM audit_log WHERE seq = 3`);
    expect(await audit.verifyChain()).toMatchObject({ ok: false, seq: 3, reason: 'MISSING_ENTRY' });
  });

  it('filters entries by case, actor, action and time, newest first with paging', async () => {
    await seed(6);
    await audit.record({ action: AuditAction.SignIn, actor: { id: 'user-2', role: 'judge' } });
    const byAction = await audit.list({ action: 'generation' }, 2);
    expect(byAction.records.map((r) => r.seq)).toEqual([6, 4]);
    expect(byAction).toMatchObject({ hasNextPage: true, totalCount: 3 });
    const next = await audit.list({ action: 'generation' }, 2, 4);
    expect(next.records.map((r) => r.seq)).toEqual([2]);
    expect((await audit.list({ actorId: 'user-2' }, 10)).records.map((r) => r.action)).toEqual(['sign_in']);
    expect((await audit.list({ caseIds: ['case-1'] }, 100)).totalCount).toBe(6);
    expect((await audit.list({ caseIds: [] }, 100)).totalCount).toBe(0);
    expect((await audit.list({ to: 0 }, 10)).totalCount).toBe(0);
  });

  it('exports JSON and CSV oldest first', async () => {
    await seed(3);
    await audit.record({ action: AuditAction.Export, details: { note: '=HYPERLINK("x"), "quoted"' } });
    const json = JSON.parse(await audit.export({}, 'json')) as Array<{ seq: number; hash: string }>;
    expect(json.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    const csv = await audit.export({ action: 'export' }, 'csv');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,actorId,actorRole,action,caseId,details,inputHashes,outputHash,modelSha256,template,prevHash,hash');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"{""note"":""=HYPERLINK(\\""x\\""), \\""quoted\\""""}"');
  });

  it('rejects actions outside the AuditAction enum (well-formed or not) and malformed hashes', async () => {
    await expect(audit.record({ action: 'Drop Table' as AuditAction })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ACTION' });
    await expect(audit.record({ action: 'made_up_action' as AuditAction })).rejects.toMatchObject({ reason: 'INVALID_ACTION' });
    await expect(audit.record({ action: AuditAction.Upload, inputHashes: ['abc'] })).rejects.toMatchObject({ reason: 'INVALID_HASH' });
    expect(await audit.verifyChain()).toMatchObject({ ok: true, entries: 0 });
  });

  it('has no schema drift between the entities and the migrations', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    const mine = pending.upQueries.filter((q) => /audit_log|"jobs"|\bjobs\b/.test(q.query));
    expect(mine.map((q) => q.query)).toEqual([]);
  });
});

async function dropTriggers(db: TestDatabase): Promise<void> {
  if (db.kind === 'postgres') {
    await db.dataSource.query('DROP TRIGGER audit_log_no_update_delete ON audit_log');
  } else {
    await db.dataSource.query('DROP TRIGGER audit_log_no_update');
    await db.dataSource.query('DROP TRIGGER audit_log_no_delete');
  }
  expect(appendOnlyTriggers(db.dataSource.options.type).length).toBeGreaterThan(0);
}
