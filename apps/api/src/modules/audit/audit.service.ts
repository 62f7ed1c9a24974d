import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../database/errors.js';
import { AuditAction, isAuditAction } from './audit-action.js';
import { ChainBreakReason, ChainVerification, entryHash, GENESIS_HASH } from './audit-chain.js';
import type { Checkpoint } from './audit-checkpoints.js';
import { LedgerKey } from './ledger-key.js';
import { AuditEntryEntity } from './audit.entity.js';
import { AuditErrorReason, AuditException } from './audit.exception.js';
import { AuditQuery, AuditRepository } from './audit.repository.js';
import { canonicalJson } from './canonical-json.js';
import { ledgerEntries } from '../metrics/metrics.registry.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Key of the PostgreSQL advisory lock that serializes appends (ASCII "AMICAUDT"). */
const AUDIT_LOCK_KEY = '4705233475637093460';
const VERIFY_BATCH = 1000;

export interface AuditActor {
  id: string | null;
  /** Role at the time of the action (admin, judge, clerk, service); null for anonymous attempts. */
  role: string | null;
}

/** What a module records. Time, sequence and hashes are assigned by the ledger. */
export interface AuditEntryInput {
  action: AuditAction;
  actor?: AuditActor | null;
  caseId?: string | null;
  /** Free-form facts (ids, names of fields changed, formats); never secrets or document text. */
  details?: Record<string, unknown>;
  /** sha256 hex digests of the inputs (documents, prompts) the action used. */
  inputHashes?: readonly string[];
  /** sha256 hex digest of what the action produced. */
  outputHash?: string | null;
  /** sha256 of the model (its manifest's sha256). */
  modelSha256?: string | null;
  /** Template as `{ id, version }` or `id@version`. */
  template?: { id: string; version: string } | string | null;
}

/** An entry as read back, with parsed details. */
export interface AuditRecord {
  /** Position in the chain; null where the reader may not see the chain (non-admins). */
  seq: number | null;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  caseId: string | null;
  details: Record<string, unknown>;
  inputHashes: string[];
  outputHash: string | null;
  modelSha256: string | null;
  template: string | null;
  /** Hash of the previous entry; null where the reader may not see the chain (non-admins). */
  prevHash: string | null;
  hash: string;
}

export type AuditExportFormat = 'json' | 'csv';

/**
 * The responsibility ledger: an append-only, hash-chained log. Appends are serialized (an advisory
 * lock on PostgreSQL, a single writer on SQLite) and each entry's sequence number is its primary key,
 * so two writers can never both extend the same entry: the chain cannot fork.
 */
@Injectable()
export class AuditService {
  private readonly repository: AuditRepository;
  private readonly postgres: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly key: LedgerKey,
  ) {
    this.repository = new AuditRepository(dataSource);
    this.postgres = dataSource.options.type === 'postgres';
  }

  /**
   * Appends one entry. Pass `manager` to append inside the caller's transaction (the entry then
   * commits or rolls back with the caller's change).
   */
  async record(input: AuditEntryInput, manager?: EntityManager): Promise<AuditRecord> {
    const record = await this.append(input, manager);
    ledgerEntries.inc({ action: record.action });
    return record;
  }

  private async append(input: AuditEntryInput, manager?: EntityManager): Promise<AuditRecord> {
    const fields = this.validate(input);
    if (this.postgres) {
      const append = (m: EntityManager) => this.appendLocked(m, fields);
      return toRecord(manager ? await append(manager) : await this.dataSource.transaction(append));
    }
    // SQLite: one writer per process (queue), and the seq primary key settles races between processes
    const run = this.tail.then(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.appendLocked(manager ?? this.dataSource.manager, fields);
        } catch (error) {
          if (attempt >= 20 || !isUniqueViolation(error)) throw error;
        }
      }
    });
    this.tail = run.catch(() => undefined);
    return toRecord(await run);
  }

  /** The last entry of the chain (its head), or null for an empty ledger. */
  async head(): Promise<{ seq: number; hash: string } | null> {
    const last = await this.repository.last();
    return last ? { seq: last.seq, hash: last.hash } : null;
  }

  /**
   * Walks the whole chain and reports the first broken link, then compares it with `checkpoints`
   * (signed heads written outside the database): a checkpoint beyond the last entry means the tail
   * was removed; one that no longer matches its entry means the chain was rewritten and recomputed.
   */
  async verifyChain(checkpoints: readonly Checkpoint[] = []): Promise<ChainVerification> {
    const forged = checkpoints.find((c) => !c.valid);
    const wanted = new Map(checkpoints.map((c) => [c.seq, c]));
    const seen = new Map<number, string>();
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let entries = 0;
    let keyed = false;
    for (;;) {
      const batch = await this.repository.batch(expectedSeq - 1, VERIFY_BATCH);
      if (batch.length === 0) break;
      for (const row of batch) {
        const broken = (reason: ChainBreakReason, message: string): ChainVerification => ({ ok: false, entries, seq: row.seq, reason, message });
        if (row.seq !== expectedSeq) {
          return { ok: false, entries, seq: expectedSeq, reason: 'MISSING_ENTRY', message: `Entry ${expectedSeq} is missing (the next entry is ${row.seq})` };
        }
        if (row.prevHash !== prevHash) return broken('PREV_HASH_MISMATCH', `Entry ${row.seq} does not link to entry ${row.seq - 1}`);
        if (row.keyId !== null && row.keyId !== this.key.id) {
          return broken('KEY_MISMATCH', `Entry ${row.seq} was hashed with another ledger key (${row.keyId}, this key is ${this.key.id})`);
        }
        if (row.keyId === null && keyed) return broken('KEY_MISMATCH', `Entry ${row.seq} is unkeyed although earlier entries are keyed`);
        if (entryHash(row, this.key) !== row.hash) return broken('HASH_MISMATCH', `Entry ${row.seq} was changed after it was recorded`);
        keyed ||= row.keyId !== null;
        if (wanted.has(row.seq)) seen.set(row.seq, row.hash);
        prevHash = row.hash;
        expectedSeq++;
        entries++;
      }
    }
    const lastSeq = expectedSeq - 1;
    if (forged) {
      return { ok: false, entries, seq: forged.seq, reason: 'CHECKPOINT_FORGED', message: `Checkpoint on line ${forged.line} has no valid signature` };
    }
    for (const c of [...checkpoints].sort((a, b) => a.seq - b.seq)) {
      if (c.seq > lastSeq) {
        return {
          ok: false,
          entries,
          seq: lastSeq + 1,
          reason: 'TAIL_REMOVED',
          message: `Entries ${lastSeq + 1} to ${c.seq} are missing: the checkpoint of ${c.at} saw the chain up to entry ${c.seq}`,
        };
      }
      if (seen.get(c.seq) !== c.hash) {
        return {
          ok: false,
          entries,
          seq: c.seq,
          reason: 'CHECKPOINT_MISMATCH',
          message: `Entry ${c.seq} differs from the checkpoint of ${c.at}: the chain was rewritten and its hashes recomputed`,
        };
      }
    }
    return { ok: true, entries, lastSeq, lastHash: prevHash, checkpoints: checkpoints.length };
  }

  /** A page of entries, newest first. */
  async list(query: AuditQuery, first: number, beforeSeq?: number): Promise<{ records: AuditRecord[]; hasNextPage: boolean; totalCount: number }> {
    const page = await this.repository.page(query, first, beforeSeq);
    return { records: page.rows.map(toRecord), hasNextPage: page.hasNextPage, totalCount: page.totalCount };
  }

  /** Every entry matching the query, oldest first, as JSON or CSV text. */
  async export(query: AuditQuery, format: AuditExportFormat): Promise<string> {
    const records: AuditRecord[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await this.repository.page(query, VERIFY_BATCH, before);
      records.push(...page.rows.map(toRecord));
      if (!page.hasNextPage || page.rows.length === 0) break;
      before = page.rows[page.rows.length - 1].seq;
    }
    records.reverse();
    return format === 'json' ? toJsonExport(records) : toCsvExport(records);
  }

  private async appendLocked(manager: EntityManager, fields: Omit<AuditEntryEntity, 'seq' | 'at' | 'prevHash' | 'hash' | 'keyId'>): Promise<AuditEntryEntity> {
    if (this.postgres) await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
    const last = await manager.getRepository(AuditEntryEntity).createQueryBuilder('e').orderBy('e.seq', 'DESC').limit(1).getOne();
    const entry = Object.assign(new AuditEntryEntity(), fields, {
      seq: (last?.seq ?? 0) + 1,
      // never earlier than the previous entry, so time order and chain order agree
      at: Math.max(Date.now(), last?.at ?? 0),
      prevHash: last?.hash ?? GENESIS_HASH,
      keyId: this.key.id,
    });
    entry.hash = entryHash(entry, this.key);
    await manager.getRepository(AuditEntryEntity).insert(entry);
    return entry;
  }

  private validate(input: AuditEntryInput): Omit<AuditEntryEntity, 'seq' | 'at' | 'prevHash' | 'hash' | 'keyId'> {
    if (!isAuditAction(input.action)) {
      throw new AuditException(AuditErrorReason.INVALID_ACTION, `Invalid audit action "${input.action}"`);
    }
    const hashes = [...(input.inputHashes ?? [])];
    for (const h of [...hashes, input.outputHash, input.modelSha256]) {
      if (h !== undefined && h !== null && !SHA256_HEX.test(h)) {
        throw new AuditException(AuditErrorReason.INVALID_HASH, 'Hashes must be lowercase sha256 hex digests');
      }
    }
    const template = typeof input.template === 'object' && input.template !== null ? `${input.template.id}@${input.template.version}` : (input.template ?? null);
    return {
      actorId: input.actor?.id ?? null,
      actorRole: input.actor?.role ? input.actor.role.toLowerCase() : null,
      action: input.action,
      caseId: input.caseId ?? null,
      details: canonicalJson(input.details ?? {}),
      inputHashes: canonicalJson(hashes),
      outputHash: input.outputHash ?? null,
      modelSha256: input.modelSha256 ?? null,
      template: template === null ? null : template.slice(0, 200),
    };
  }
}

export function toRecord(row: AuditEntryEntity): AuditRecord {
  return {
    seq: row.seq,
    at: new Date(row.at),
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    caseId: row.caseId,
    details: safeParse(row.details, {}) as Record<string, unknown>,
    inputHashes: safeParse(row.inputHashes, []) as string[],
    outputHash: row.outputHash,
    modelSha256: row.modelSha256,
    template: row.template,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

function safeParse(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

const CSV_COLUMNS = [
  'seq',
  'at',
  'actorId',
  'actorRole',
  'action',
  'caseId',
  'details',
  'inputHashes',
  'outputHash',
  'modelSha256',
  'template',
  'prevHash',
  'hash',
] as const;

function toJsonExport(records: AuditRecord[]): string {
  return JSON.stringify(
    records.map((r) => ({ ...r, at: r.at.toISOString() })),
    null,
    2,
  );
}

function toCsvExport(records: AuditRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) {
    lines.push(
      CSV_COLUMNS.map((c) => {
        const v = r[c];
        const text = v === null ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? canonicalJson(v) : String(v);
        return csvCell(text);
      }).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
