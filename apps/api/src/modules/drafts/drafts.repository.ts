import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { inTransaction } from '../../database/transaction.js';
import { DraftEntity, DraftStatus, DraftVersionEntity } from './draft.entity.js';

/** Persistence of drafts and their versions. Access control is applied by the caller. */
@Injectable()
export class DraftsRepository {
  constructor(
    @InjectRepository(DraftEntity) private readonly drafts: Repository<DraftEntity>,
    @InjectRepository(DraftVersionEntity) private readonly versions: Repository<DraftVersionEntity>,
  ) {}

  /** Runs `work` in one transaction (the draft rows and their ledger entry commit together). */
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.drafts.manager.connection, work);
  }

  findById(id: string, m?: EntityManager): Promise<DraftEntity | null> {
    return (m ?? this.drafts.manager).findOneBy(DraftEntity, { id });
  }

  /** The draft a `draft` job made, if it got that far. */
  findByJob(jobId: string, m?: EntityManager): Promise<DraftEntity | null> {
    return (m ?? this.drafts.manager).findOneBy(DraftEntity, { jobId });
  }

  /** Drafts of the given cases, newest first. */
  ofCases(caseIds: readonly string[]): Promise<DraftEntity[]> {
    return this.drafts.find({ where: { caseId: In([...caseIds]) }, order: { createdAt: 'DESC' } });
  }

  /** Versions of the given drafts, oldest first. */
  versionsOf(draftIds: readonly string[]): Promise<DraftVersionEntity[]> {
    return this.versions.find({ where: { draftId: In([...draftIds]) }, order: { version: 'ASC' } });
  }

  version(draftId: string, version: number, m?: EntityManager): Promise<DraftVersionEntity> {
    return (m ?? this.versions.manager).findOneByOrFail(DraftVersionEntity, { draftId, version });
  }

  /** Stores a new draft with its first version. */
  async insert(m: EntityManager, draft: DraftEntity, first: DraftVersionEntity): Promise<void> {
    await m.insert(DraftEntity, draft);
    await m.insert(DraftVersionEntity, first);
  }

  /**
   * Adds the next version of a draft still at `baseVersion` and not approved; false when another
   * change came first (the base version in the WHERE clause settles two editors racing from one base).
   */
  async addVersion(m: EntityManager, baseVersion: number, version: DraftVersionEntity): Promise<boolean> {
    const moved = await m.update(
      DraftEntity,
      { id: version.draftId, currentVersion: baseVersion, status: DraftStatus.DRAFT },
      { currentVersion: version.version, updatedAt: version.createdAt },
    );
    if (!moved.affected) return false;
    await m.insert(DraftVersionEntity, version);
    return true;
  }

  /** Marks a draft approved at `version` when it is still at that version and not approved; false otherwise. */
  async approve(
    m: EntityManager,
    draftId: string,
    version: number,
    approval: Pick<DraftEntity, 'approvedBy' | 'approvedAt' | 'approvalDiff' | 'approvedSha256'>,
  ): Promise<boolean> {
    const moved = await m.update(
      DraftEntity,
      { id: draftId, currentVersion: version, status: DraftStatus.DRAFT },
      { ...approval, status: DraftStatus.APPROVED, approvedVersion: version, updatedAt: approval.approvedAt ?? new Date() },
    );
    return Boolean(moved.affected);
  }
}
