import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { Connection, decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, PageArgs } from '../../common/pagination/connection.js';
import { CaseAccessService } from '../cases/case-access.service.js';
import { DocumentEntity, DocumentMentionEntity, DocumentPageEntity, ExtractionStatus } from './document.entity.js';

/** Rows written per INSERT when storing pages and entities. */
const INSERT_BATCH = 200;

/** Persistence of documents, their pages and entities. Access control is applied here only where a principal is passed. */
@Injectable()
export class DocumentsRepository {
  constructor(
    @InjectRepository(DocumentEntity) readonly documents: Repository<DocumentEntity>,
    @InjectRepository(DocumentPageEntity) readonly pages: Repository<DocumentPageEntity>,
    @InjectRepository(DocumentMentionEntity) readonly mentions: Repository<DocumentMentionEntity>,
    private readonly access: CaseAccessService,
  ) {}

  /** The document when it exists and its case is visible to `principal`; otherwise null (the two are not distinguished). */
  findVisible(principal: Principal, id: string): Promise<DocumentEntity | null> {
    const qb = this.documents.createQueryBuilder('d').innerJoin('d.case', 'c').where('d.id = :id', { id });
    return this.access.applyVisibility(qb, principal, 'c').getOne();
  }

  findById(id: string): Promise<DocumentEntity | null> {
    return this.documents.findOneBy({ id });
  }

  findByCaseAndHash(caseId: string, sha256: string): Promise<DocumentEntity | null> {
    return this.documents.findOneBy({ caseId, sha256 });
  }

  countByHash(sha256: string): Promise<number> {
    return this.documents.countBy({ sha256 });
  }

  /**
   * One page of documents (oldest first) for each of several cases, in one query: the batch
   * function behind `Case.documents`. The cases must already be visible to the caller.
   */
  async pageOfCases(caseIds: readonly string[], args: PageArgs): Promise<Connection<DocumentEntity>[]> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const totals = await this.documents
      .createQueryBuilder('d')
      .select('d.case_id', 'caseId')
      .addSelect('COUNT(*)', 'count')
      .where('d.case_id IN (:...caseIds)', { caseIds })
      .groupBy('d.case_id')
      .getRawMany<{ caseId: string; count: string | number }>();
    const totalOf = new Map(totals.map((t) => [t.caseId, Number(t.count)]));
    let rows: DocumentEntity[] = [];
    if (first > 0) {
      const ranked = this.documents
        .createQueryBuilder('r')
        .select('r.id', 'id')
        .addSelect('ROW_NUMBER() OVER (PARTITION BY r.case_id ORDER BY r.created_at ASC, r.id ASC)', 'rn')
        .where('r.case_id IN (:...caseIds)', { caseIds });
      if (args.after) {
        const [at, id] = decodeCursor(args.after);
        ranked.andWhere('(r.created_at > :afterAt OR (r.created_at = :afterAt AND r.id > :afterId))', {
          afterAt: at instanceof Date ? at : new Date(at),
          afterId: id,
        });
      }
      rows = await this.documents
        .createQueryBuilder('d')
        .where(`d.id IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.rn <= :limit)`)
        .setParameters({ ...ranked.getParameters(), limit: first + 1 })
        .orderBy('d.createdAt', 'ASC')
        .addOrderBy('d.id', 'ASC')
        .getMany();
    }
    return caseIds.map((caseId) => {
      const mine = rows.filter((r) => r.caseId === caseId);
      const edges = mine.slice(0, first).map((node) => ({ cursor: encodeCursor(node.createdAt, node.id), node }));
      return {
        edges,
        pageInfo: { hasNextPage: mine.length > first, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
        totalCount: totalOf.get(caseId) ?? 0,
      };
    });
  }

  /** Documents of a case whose extraction is done, oldest first. */
  extractedOfCase(caseId: string): Promise<DocumentEntity[]> {
    return this.documents.find({ where: { caseId, extractionStatus: ExtractionStatus.DONE }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  pagesOf(documentIds: readonly string[]): Promise<DocumentPageEntity[]> {
    return this.pages.find({ where: { documentId: In([...documentIds]) }, order: { documentId: 'ASC', number: 'ASC' } });
  }

  mentionsOf(documentIds: readonly string[]): Promise<DocumentMentionEntity[]> {
    return this.mentions.find({ where: { documentId: In([...documentIds]) }, order: { documentId: 'ASC', seq: 'ASC' } });
  }

  async setStatus(id: string, status: ExtractionStatus, error: string | null = null): Promise<void> {
    await this.documents.update({ id }, { extractionStatus: status, extractionError: error });
  }

  /**
   * Replaces the pages and entities of a document and marks it extracted, in one transaction.
   * Keyed by document id, so running it again (a job retried after a crash) never duplicates rows.
   */
  async storeExtraction(
    manager: EntityManager,
    documentId: string,
    result: { mediaType: string; pages: DocumentPageEntity[]; mentions: DocumentMentionEntity[]; ocr: boolean },
  ): Promise<void> {
    await manager.delete(DocumentMentionEntity, { documentId });
    await manager.delete(DocumentPageEntity, { documentId });
    for (let i = 0; i < result.pages.length; i += INSERT_BATCH) {
      await manager.insert(DocumentPageEntity, result.pages.slice(i, i + INSERT_BATCH));
    }
    for (let i = 0; i < result.mentions.length; i += INSERT_BATCH) {
      await manager.insert(DocumentMentionEntity, result.mentions.slice(i, i + INSERT_BATCH));
    }
    await manager.update(
      DocumentEntity,
      { id: documentId },
      {
        pages: result.pages.length,
        ocr: result.ocr,
        mediaType: result.mediaType,
        extractionStatus: ExtractionStatus.DONE,
        extractionError: null,
      },
    );
  }
}

/** The whole text of a document, rebuilt from its pages (pages are separated as extraction separated them). */
export function joinPages(pages: readonly Pick<DocumentPageEntity, 'text' | 'start' | 'end'>[]): string {
  let text = '';
  for (const page of [...pages].sort((a, b) => a.start - b.start)) {
    if (page.start > text.length) text += '\n'.repeat(page.start - text.length);
    text += page.text;
  }
  return text;
}
