import { DataSource, Repository } from 'typeorm';
import { JobEntity } from './job.entity.js';
import { JobRecord } from './job-queue.js';
import { JobState } from './job-state.js';

/** Outcome of a guarded write by the lease owner. */
export interface LeaseCheck {
  /** False when the row is no longer running under this owner (lease lost, job finished elsewhere). */
  owned: boolean;
  cancelRequested: boolean;
}

/**
 * Every state transition of the job table. Each one is a single guarded UPDATE (a compare-and-set on
 * state and lease owner), so a transition happens once however many workers race for it.
 */
export class JobRepository {
  private readonly repo: Repository<JobEntity>;
  private readonly postgres: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(JobEntity);
    this.postgres = dataSource.options.type === 'postgres';
  }

  async insert(row: JobEntity): Promise<void> {
    await this.repo.insert(row);
  }

  findEntity(id: string): Promise<JobEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async find(id: string): Promise<JobRecord | null> {
    const row = await this.findEntity(id);
    return row ? toJobRecord(row) : null;
  }

  /**
   * Claims the most urgent due job of the given types: lowest priority number, then oldest.
   * PostgreSQL skips rows other workers hold locked; SQLite has a single writer, and the outer
   * `state = 'queued'` re-check makes the update a compare-and-set either way.
   */
  async claimNext(owner: string, types: readonly string[], leaseMs: number, now = Date.now()): Promise<JobEntity | null> {
    if (types.length === 0) return null;
    const params: unknown[] = [owner, now + leaseMs, now];
    const typeList = types.map((t) => this.param(params, t)).join(', ');
    const lock = this.postgres ? ' FOR UPDATE SKIP LOCKED' : '';
    const sql =
      `UPDATE jobs SET state = 'running', lease_owner = ${this.p(1)}, lease_expires_at = ${this.p(2)}, ` +
      `attempts = attempts + 1, started_at = ${this.p(3)}, updated_at = ${this.p(3)} ` +
      `WHERE id = (SELECT id FROM jobs WHERE state = 'queued' AND run_after <= ${this.p(3)} ` +
      `AND cancel_requested_at IS NULL AND type IN (${typeList}) ORDER BY priority, created_at, id LIMIT 1${lock}) ` +
      `AND state = 'queued' RETURNING id`;
    const ids = await this.returningIds(sql, params);
    return ids.length ? this.findEntity(ids[0]) : null;
  }

  /** Claims one specific job (BullMQ delivery) when it is queued and due. */
  async claimById(id: string, owner: string, leaseMs: number, now = Date.now()): Promise<JobEntity | null> {
    const sql =
      `UPDATE jobs SET state = 'running', lease_owner = ${this.p(1)}, lease_expires_at = ${this.p(2)}, ` +
      `attempts = attempts + 1, started_at = ${this.p(3)}, updated_at = ${this.p(3)} ` +
      `WHERE id = ${this.p(4)} AND state = 'queued' AND run_after <= ${this.p(3)} AND cancel_requested_at IS NULL RETURNING id`;
    const ids = await this.returningIds(sql, [owner, now + leaseMs, now, id]);
    return ids.length ? this.findEntity(id) : null;
  }

  /**
   * Returns jobs whose worker stopped renewing the lease (killed, hung host) to the queue, or fails
   * them when no attempt is left. Returns the ids put back in the queue.
   */
  async reclaimExpired(now = Date.now()): Promise<string[]> {
    await this.exec(
      `UPDATE jobs SET state = 'cancelled', lease_owner = NULL, lease_expires_at = NULL, finished_at = ${this.p(1)}, updated_at = ${this.p(1)} ` +
        `WHERE state = 'running' AND lease_expires_at < ${this.p(1)} AND cancel_requested_at IS NOT NULL`,
      [now],
    );
    await this.exec(
      `UPDATE jobs SET state = 'failed', lease_owner = NULL, lease_expires_at = NULL, error_code = 'WORKER_LOST', ` +
        `error_message = 'The worker stopped while running the job and no attempt is left', finished_at = ${this.p(1)}, updated_at = ${this.p(1)} ` +
        `WHERE state = 'running' AND lease_expires_at < ${this.p(1)} AND attempts >= max_attempts`,
      [now],
    );
    return this.returningIds(
      `UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_expires_at = NULL, run_after = ${this.p(1)}, updated_at = ${this.p(1)} ` +
        `WHERE state = 'running' AND lease_expires_at < ${this.p(1)} RETURNING id`,
      [now],
    );
  }

  /** Queued jobs due for at least `graceMs` (for re-delivery when a delivery message was lost). */
  async dueQueuedIds(now: number, graceMs: number, limit = 500): Promise<Array<{ id: string; attempts: number; priority: number }>> {
    const rows = await this.returning<{ id: string; attempts: number | string; priority: number | string }>(
      `SELECT id, attempts, priority FROM jobs WHERE state = 'queued' AND run_after <= ${this.p(1)} AND updated_at <= ${this.p(1)} ` +
        `ORDER BY priority, created_at LIMIT ${Number(limit)}`,
      [now - graceMs],
    );
    return rows.map((r) => ({ id: r.id, attempts: Number(r.attempts), priority: Number(r.priority) }));
  }

  /** Renews the lease; reports whether cancellation was requested. */
  heartbeat(id: string, owner: string, leaseMs: number, now = Date.now()): Promise<LeaseCheck> {
    return this.leaseUpdate(`lease_expires_at = ${this.p(3)}, updated_at = ${this.p(4)}`, [id, owner, now + leaseMs, now]);
  }

  progress(id: string, owner: string, percent: number, stage: string | null, leaseMs: number, now = Date.now()): Promise<LeaseCheck> {
    return this.leaseUpdate(
      `progress = ${this.p(3)}, stage = ${this.p(4)}, lease_expires_at = ${this.p(5)}, updated_at = ${this.p(6)}`,
      [id, owner, percent, stage, now + leaseMs, now],
    );
  }

  /** running → succeeded, only for the lease owner. False when this worker no longer owns the job. */
  async complete(id: string, owner: string, result: unknown, now = Date.now()): Promise<boolean> {
    const n = await this.exec(
      `UPDATE jobs SET state = 'succeeded', progress = 100, result = ${this.p(3)}, error_code = NULL, error_message = NULL, ` +
        `lease_owner = NULL, lease_expires_at = NULL, finished_at = ${this.p(4)}, updated_at = ${this.p(4)} ` +
        `WHERE id = ${this.p(1)} AND state = 'running' AND lease_owner = ${this.p(2)}`,
      [id, owner, result === undefined ? null : JSON.stringify(result), now],
    );
    return n === 1;
  }

  /** running → queued (retry at `retryAt`) or failed, only for the lease owner. */
  async fail(id: string, owner: string, code: string, message: string, retryAt: number | null, now = Date.now()): Promise<boolean> {
    const sql =
      retryAt === null
        ? `UPDATE jobs SET state = 'failed', error_code = ${this.p(3)}, error_message = ${this.p(4)}, lease_owner = NULL, ` +
          `lease_expires_at = NULL, finished_at = ${this.p(5)}, updated_at = ${this.p(5)} ` +
          `WHERE id = ${this.p(1)} AND state = 'running' AND lease_owner = ${this.p(2)}`
        : `UPDATE jobs SET state = 'queued', error_code = ${this.p(3)}, error_message = ${this.p(4)}, lease_owner = NULL, ` +
          `lease_expires_at = NULL, updated_at = ${this.p(5)}, run_after = ${this.p(6)} ` +
          `WHERE id = ${this.p(1)} AND state = 'running' AND lease_owner = ${this.p(2)}`;
    const params = retryAt === null ? [id, owner, code, message.slice(0, 4000), now] : [id, owner, code, message.slice(0, 4000), now, retryAt];
    return (await this.exec(sql, params)) === 1;
  }

  /** running → cancelled after the handler honoured the cancellation, only for the lease owner. */
  async markCancelled(id: string, owner: string, now = Date.now()): Promise<boolean> {
    const n = await this.exec(
      `UPDATE jobs SET state = 'cancelled', lease_owner = NULL, lease_expires_at = NULL, finished_at = ${this.p(3)}, updated_at = ${this.p(3)} ` +
        `WHERE id = ${this.p(1)} AND state = 'running' AND lease_owner = ${this.p(2)}`,
      [id, owner, now],
    );
    return n === 1;
  }

  /** running → queued without spending the attempt (graceful worker shutdown), only for the lease owner. */
  async release(id: string, owner: string, now = Date.now()): Promise<boolean> {
    const n = await this.exec(
      `UPDATE jobs SET state = 'queued', attempts = attempts - 1, lease_owner = NULL, lease_expires_at = NULL, ` +
        `run_after = ${this.p(3)}, updated_at = ${this.p(3)} WHERE id = ${this.p(1)} AND state = 'running' AND lease_owner = ${this.p(2)}`,
      [id, owner, now],
    );
    return n === 1;
  }

  /** queued → cancelled at once; running → cancellation requested. Returns true when something changed. */
  async requestCancel(id: string, now = Date.now()): Promise<boolean> {
    const queued = await this.exec(
      `UPDATE jobs SET state = 'cancelled', cancel_requested_at = ${this.p(2)}, finished_at = ${this.p(2)}, updated_at = ${this.p(2)} ` +
        `WHERE id = ${this.p(1)} AND state = 'queued'`,
      [id, now],
    );
    if (queued === 1) return true;
    const running = await this.exec(
      `UPDATE jobs SET cancel_requested_at = ${this.p(2)}, updated_at = ${this.p(2)} ` +
        `WHERE id = ${this.p(1)} AND state = 'running' AND cancel_requested_at IS NULL`,
      [id, now],
    );
    return running === 1;
  }

  /** failed/cancelled → queued with a fresh attempt budget. */
  async requeue(id: string, now = Date.now()): Promise<boolean> {
    const n = await this.exec(
      `UPDATE jobs SET state = 'queued', attempts = 0, progress = 0, stage = NULL, result = NULL, error_code = NULL, ` +
        `error_message = NULL, cancel_requested_at = NULL, started_at = NULL, finished_at = NULL, lease_owner = NULL, ` +
        `lease_expires_at = NULL, run_after = ${this.p(2)}, updated_at = ${this.p(2)} ` +
        `WHERE id = ${this.p(1)} AND state IN ('failed', 'cancelled')`,
      [id, now],
    );
    return n === 1;
  }

  /** Queued and running jobs per type (the queue depth a status page shows). */
  async depthByType(): Promise<Array<{ type: string; queued: number; running: number }>> {
    const rows = await this.repo
      .createQueryBuilder('job')
      .select('job.type', 'type')
      .addSelect('job.state', 'state')
      .addSelect('COUNT(*)', 'n')
      .where('job.state IN (:...live)', { live: [JobState.QUEUED, JobState.RUNNING] })
      .groupBy('job.type')
      .addGroupBy('job.state')
      .getRawMany<{ type: string; state: JobState; n: string | number }>();
    const byType = new Map<string, { type: string; queued: number; running: number }>();
    for (const r of rows) {
      const entry = byType.get(r.type) ?? { type: r.type, queued: 0, running: 0 };
      if (r.state === JobState.QUEUED) entry.queued = Number(r.n);
      else entry.running = Number(r.n);
      byType.set(r.type, entry);
    }
    return [...byType.values()].sort((a, b) => a.type.localeCompare(b.type));
  }

  private async leaseUpdate(set: string, params: unknown[]): Promise<LeaseCheck> {
    const sql = `UPDATE jobs SET ${set} WHERE id = ${this.p(1)} AND state = 'running' AND lease_owner = ${this.p(2)} RETURNING cancel_requested_at`;
    const rows = await this.returning<{ cancel_requested_at: string | number | null }>(sql, params);
    if (rows.length === 0) return { owned: false, cancelRequested: false };
    return { owned: true, cancelRequested: rows[0].cancel_requested_at !== null };
  }

  private p(i: number): string {
    return this.postgres ? `$${i}` : `?${i}`;
  }

  /** Appends a parameter and returns its placeholder (for variable-length lists). */
  private param(params: unknown[], value: unknown): string {
    params.push(value);
    return this.p(params.length);
  }

  private async exec(sql: string, params: unknown[]): Promise<number> {
    return (await this.structured(sql, params)).affected ?? 0;
  }

  private async returning<T>(sql: string, params: unknown[]): Promise<T[]> {
    return ((await this.structured(sql, params)).records ?? []) as T[];
  }

  private async structured(sql: string, params: unknown[]): Promise<{ affected?: number; records?: unknown[] }> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const text = this.postgres ? sql : positional(sql);
      const values = this.postgres ? params : expand(sql, params);
      return (await runner.query(text, values, true)) as { affected?: number; records?: unknown[] };
    } finally {
      await runner.release();
    }
  }

  private async returningIds(sql: string, params: unknown[]): Promise<string[]> {
    return (await this.returning<{ id: string }>(sql, params)).map((r) => r.id);
  }
}

/**
 * One SQL text serves both databases: placeholders are numbered (`$1` on PostgreSQL, `?1` on SQLite).
 * For better-sqlite3 the numbered markers become plain `?` and the parameters are laid out in order
 * of appearance, so a parameter can be referenced more than once.
 */
function positional(sql: string): string {
  return sql.replace(/\?(\d+)/g, '?');
}

function expand(sql: string, params: unknown[]): unknown[] {
  const refs = [...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1]));
  return refs.length ? refs.map((i) => params[i - 1]) : params;
}

export function toJobRecord(row: JobEntity): JobRecord {
  return {
    id: row.id,
    type: row.type,
    payload: parseJson(row.payload),
    caseId: row.caseId,
    priority: row.priority,
    state: row.state as JobState,
    progress: row.progress,
    stage: row.stage,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAfter: new Date(row.runAfter),
    leaseOwner: row.leaseOwner,
    leaseExpiresAt: row.leaseExpiresAt === null ? null : new Date(row.leaseExpiresAt),
    cancelRequested: row.cancelRequestedAt !== null,
    result: row.result === null ? null : parseJson(row.result),
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt),
    startedAt: row.startedAt === null ? null : new Date(row.startedAt),
    finishedAt: row.finishedAt === null ? null : new Date(row.finishedAt),
    updatedAt: new Date(row.updatedAt),
  };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
