import { DataSource, Repository } from 'typeorm';
import { AuditEntryEntity } from './audit.entity.js';

export interface AuditQuery {
  caseId?: string;
  /** Restrict to entries of these cases (access filtering for non-admins). */
  caseIds?: readonly string[];
  actorId?: string;
  action?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
}

/** Reads of the ledger. The only write is `AuditService.record` (an insert); nothing updates or deletes. */
export class AuditRepository {
  readonly repo: Repository<AuditEntryEntity>;

  constructor(readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(AuditEntryEntity);
  }

  /** Newest first; `beforeSeq` continues a page. */
  async page(query: AuditQuery, first: number, beforeSeq?: number): Promise<{ rows: AuditEntryEntity[]; hasNextPage: boolean; totalCount: number }> {
    if (query.caseIds && query.caseIds.length === 0) return { rows: [], hasNextPage: false, totalCount: 0 };
    const qb = this.repo.createQueryBuilder('e');
    if (query.caseId) qb.andWhere('e.caseId = :caseId', { caseId: query.caseId });
    if (query.caseIds) qb.andWhere('e.caseId IN (:...caseIds)', { caseIds: [...query.caseIds] });
    if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from !== undefined) qb.andWhere('e.at >= :from', { from: query.from });
    if (query.to !== undefined) qb.andWhere('e.at < :to', { to: query.to });
    const totalCount = await qb.clone().getCount();
    if (beforeSeq !== undefined) qb.andWhere('e.seq < :beforeSeq', { beforeSeq });
    const rows = await qb.orderBy('e.seq', 'DESC').take(first + 1).getMany();
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }

  /** Entries in chain order from `afterSeq` (exclusive), `limit` at a time. */
  batch(afterSeq: number, limit: number): Promise<AuditEntryEntity[]> {
    return this.repo.createQueryBuilder('e').where('e.seq > :afterSeq', { afterSeq }).orderBy('e.seq', 'ASC').take(limit).getMany();
  }

  last(): Promise<AuditEntryEntity | null> {
    return this.repo.createQueryBuilder('e').orderBy('e.seq', 'DESC').limit(1).getOne();
  }
}
