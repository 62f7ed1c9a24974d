// The ledger cannot be trimmed or rewritten unnoticed: `amicus audit verify` names a removed tail,
// a chain recomputed without the key, and a chain recomputed with the key against the checkpoints.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseAvailable, startTestApp, TestApp } from '../../../test/helpers/test-app.js';
import { runApiCommand } from '../../cli/api-command.js';
import { AuditAction } from './audit-action.js';
import { entryHash } from './audit-chain.js';
import { AuditCheckpointer } from './audit-checkpoints.js';
import { AuditEntryEntity } from './audit.entity.js';
import { AuditService } from './audit.service.js';
import { LedgerKey } from './ledger-key.js';

describe.skipIf(!databaseAvailable())('a ledger that cannot be trimmed or rewritten unnoticed', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
    const audit = t.app.get(AuditService);
    for (let i = 0; i < 40; i++) await audit.record({ action: AuditAction.Edit, actor: { id: null, role: 'clerk' }, details: { i } });
    await t.app.get(AuditCheckpointer).checkpoint();
  });
  afterEach(async () => {
    await t?.close();
  });

  const verify = async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stderr.on('data', (d: Buffer) => (out += d.toString()));
    const env = { NODE_ENV: 'test', AMICUS_DATA_DIR: t.config.dataDir, ...(t.config.database.type === 'postgres' ? { DATABASE_URL: `${t.config.database.url}${t.config.database.url.includes('?') ? '&' : '?'}schema=${t.config.database.schema}` } : {}) };
    const code = await runApiCommand(['audit', 'verify'], { stdout, stderr, env, cwd: process.cwd() });
    return { code, out };
  };

  const dropTriggers = async () => {
    if (t.config.database.type === 'postgres') await t.dataSource.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    else for (const name of ['audit_log_no_update', 'audit_log_no_delete']) await t.dataSource.query(`DROP TRIGGER ${name}`);
  };

  /** Rewrites entry `from`'s details and recomputes every later hash, keyed with `key` (or unkeyed when null). */
  const rewrite = async (from: number, key: LedgerKey | null) => {
    const rows = await t.dataSource.getRepository(AuditEntryEntity).find({ order: { seq: 'ASC' } });
    const anyKey = key ?? new LedgerKey(Buffer.alloc(32));
    let prev = from > 1 ? rows[from - 2].hash : rows[0].prevHash;
    for (const row of rows.slice(from - 1)) {
      const fields = { ...row, details: row.seq === from ? '{"i":-1}' : row.details, prevHash: prev, keyId: key ? key.id : null };
      const hash = entryHash(fields, anyKey);
      await t.dataSource.query(`UPDATE audit_log SET details = $1, prev_hash = $2, hash = $3, key_id = $4 WHERE seq = $5`.replace(/\$\d/g, t.config.database.type === 'postgres' ? (m) => m : () => '?'), [
        fields.details,
        prev,
        hash,
        fields.keyId,
        row.seq,
      ]);
      prev = hash;
    }
  };

  it('is intact after the writes, with its checkpoints matching', async () => {
    const result = await verify();
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Audit chain intact: \d+ entries, .* \d+ checkpoints match/);
  });

  it('names a removed tail: deleting the last 30 entries no longer verifies', async () => {
    const last = (await t.app.get(AuditService).head())!.seq;
    await dropTriggers();
    await t.dataSource.query(`DELETE FROM audit_log WHERE seq > ${last - 30}`);
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.out).toContain(`BROKEN at entry #${last - 29} (TAIL_REMOVED)`);
  });

  it('names a rewritten entry whose later hashes were recomputed without the key', async () => {
    await dropTriggers();
    await rewrite(10, new LedgerKey(Buffer.from('a guessed key that is not the ledger key')));
    const keyed = await verify();
    expect(keyed.code).toBe(1);
    expect(keyed.out).toContain('BROKEN at entry #10 (KEY_MISMATCH)');
    // recomputed as plain sha256 from the first entry on: the checkpoint no longer matches
    await rewrite(1, null);
    const unkeyed = await verify();
    expect(unkeyed.code).toBe(1);
    expect(unkeyed.out).toContain('(CHECKPOINT_MISMATCH)');
  });

  it('names a chain recomputed even with the key, by the checkpoint outside the database', async () => {
    await dropTriggers();
    const key = t.app.get(LedgerKey);
    await rewrite(10, key);
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/BROKEN at entry #\d+ \(CHECKPOINT_MISMATCH\).*recomputed/);
  });

  it('names a forged or edited checkpoint', async () => {
    const file = t.config.audit.checkpointFile;
    const [line] = readFileSync(file, 'utf8').trim().split('\n');
    const edited = JSON.parse(line) as { seq: number };
    writeFileSync(file, '');
    appendFileSync(file, `${JSON.stringify({ ...edited, seq: edited.seq - 5 })}\n`);
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.out).toContain('(CHECKPOINT_FORGED)');
  });
});
