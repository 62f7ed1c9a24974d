import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIT_ACTION_PATTERN, AuditAction } from './audit-action.js';
import { ChainVerification, entryHash, GENESIS_HASH } from './audit-chain.js';
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
  action: AuditAction | string;
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
  seq: number;
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
  prevHash: string;
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

  constructor(private readonly dataSource: DataSource) {
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

  /** Walks the whole chain and reports the first broken link. */
  async verifyChain(): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let entries = 0;
    for (;;) {
      const batch = await this.repository.batch(expectedSeq - 1, VERIFY_BATCH);
      if (batch.length === 0) break;
      for (const row of batch) {
        if (row.seq !== expectedSeq) {
          return {
            ok: false,
            entries,
            seq: expectedSeq,
            reason: 'MISSING_ENTRY',
            message: `Entry ${expectedSeq} is missing (the next entry is ${row.seq})`,
          };
        }
        if (row.prevHash !== prevHash) {
          return { ok: false, entries, seq: row.seq, reason: 'PREV_HASH_MISMATCH', message: `Entry ${row.seq} does not link to entry ${row.seq - 1}` };
        }
        if (entryHash(row) !== row.hash) {
          return { ok: false, entries, seq: row.seq, reason: 'HASH_MISMATCH', message: `Entry ${row.seq} was changed after it was recorded` };
        }
        prevHash = row.hash;
        expectedSeq++;
        entries++;
      }
    }
    return { ok: true, entries, lastSeq: expectedSeq - 1, lastHash: prevHash };
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

  private async appendLocked(manager: EntityManager, fields: Omit<AuditEntryEntity, 'seq' | 'at' | 'prevHash' | 'hash'>): Promise<AuditEntryEntity> {
    if (this.postgres) await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
    const last = await manager.getRepository(AuditEntryEntity).createQueryBuilder('e').orderBy('e.seq', 'DESC').limit(1).getOne();
    const entry = Object.assign(new AuditEntryEntity(), fields, {
      seq: (last?.seq ?? 0) + 1,
      // never earlier than the previous entry, so time order and chain order agree
      at: Math.max(Date.now(), last?.at ?? 0),
      prevHash: last?.hash ?? GENESIS_HASH,
    });
    entry.hash = entryHash(entry);
    await manager.getRepository(AuditEntryEntity).insert(entry);
    return entry;
  }

  private validate(input: AuditEntryInput): Omit<AuditEntryEntity, 'seq' | 'at' | 'prevHash' | 'hash'> {
    if (!AUDIT_ACTION_PATTERN.test(input.action)) {
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

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e.driverError?.code ?? e.code ?? '';
  return code === '23505' || code.startsWith('SQLITE_CONSTRAINT') || /UNIQUE constraint failed/.test(e.message ?? '');
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
