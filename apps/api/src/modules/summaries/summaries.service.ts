import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { CaseAccessService, CaseAction } from '../cases/case-access.service.js';
import { DocumentEntity, ExtractionStatus } from '../documents/document.entity.js';
import { documentNotFound } from '../documents/documents.exception.js';
import { DocumentsService } from '../documents/documents.service.js';
import { JobRecord } from '../jobs/job-queue.js';
import { JobsService } from '../jobs/jobs.service.js';
import { SummaryLengthInput } from './dto/summary.type.js';
import { SUMMARIZE_JOB, SummarizeJobPayload } from './summarize.processor.js';
import { SummaryErrorReason, SummaryException } from './summaries.exception.js';
import { SummaryEntity } from './summary.entity.js';

/**
 * Summaries as callers see them: asking for one queues a `summarize` job (a judge's request runs
 * before bulk requests of service accounts); reads are limited to cases the caller may see, and a
 * summary of an invisible case is answered exactly as a missing one.
 */
@Injectable()
export class SummariesService {
  constructor(
    @InjectRepository(SummaryEntity) private readonly summaries: Repository<SummaryEntity>,
    @InjectRepository(DocumentEntity) private readonly documentsRepo: Repository<DocumentEntity>,
    private readonly access: CaseAccessService,
    private readonly documents: DocumentsService,
    private readonly jobs: JobsService,
  ) {}

  /** Queues the summary of every extracted document of a visible case. */
  async summarizeCase(principal: Principal, caseId: string, length: SummaryLengthInput, words?: number | null): Promise<JobRecord> {
    const c = await this.access.requireCase(principal, caseId, CaseAction.SUMMARIZE);
    if ((await this.documentsRepo.countBy({ caseId: c.id, extractionStatus: ExtractionStatus.DONE })) === 0) {
      throw new SummaryException(SummaryErrorReason.NOTHING_TO_SUMMARIZE, 'The case has no document whose text has been extracted');
    }
    return this.enqueue(principal, { caseId: c.id, documentId: null, length, words: words ?? null, requesterRole: principal.role });
  }

  /** Queues the summary of one document of a visible case. */
  async summarizeDocument(principal: Principal, documentId: string, length: SummaryLengthInput, words?: number | null): Promise<JobRecord> {
    const doc = await this.documents.find(principal, documentId);
    if (!doc) throw documentNotFound();
    await this.access.requireCase(principal, doc.caseId, CaseAction.SUMMARIZE);
    if (doc.extractionStatus !== ExtractionStatus.DONE) {
      throw new SummaryException(SummaryErrorReason.NOTHING_TO_SUMMARIZE, 'The document’s text has not been extracted');
    }
    return this.enqueue(principal, { caseId: doc.caseId, documentId: doc.id, length, words: words ?? null, requesterRole: principal.role });
  }

  /** Summaries of a visible case (optionally of one document), newest first; empty for an invisible case. */
  async list(principal: Principal, caseId: string, documentId?: string | null): Promise<SummaryEntity[]> {
    const c = await this.access.findVisibleCase(principal, caseId);
    if (!c) return [];
    return this.summaries.find({
      where: documentId ? { caseId: c.id, documentId } : { caseId: c.id },
      order: { createdAt: 'DESC', version: 'DESC' },
    });
  }

  /** Summaries of cases the caller already sees (batched `Case.summaries`), newest first. */
  ofCases(caseIds: readonly string[]): Promise<SummaryEntity[]> {
    return this.summaries.find({ where: { caseId: In([...caseIds]) }, order: { createdAt: 'DESC', version: 'DESC' } });
  }

  /** One summary, or null when it does not exist or its case is not visible. */
  async find(principal: Principal, id: string): Promise<SummaryEntity | null> {
    const s = await this.summaries.findOneBy({ id });
    if (!s || !(await this.access.findVisibleCase(principal, s.caseId))) return null;
    return s;
  }

  /** A summary by id WITHOUT an access check: for jobs, whose request was checked when it was queued. */
  findById(id: string): Promise<SummaryEntity | null> {
    return this.summaries.findOneBy({ id });
  }

  /** The latest summary of a case as a whole (for drafting), WITHOUT an access check. */
  latestOfCase(caseId: string): Promise<SummaryEntity | null> {
    return this.summaries.findOne({ where: { caseId, scope: 'case' }, order: { version: 'DESC' } });
  }

  private enqueue(principal: Principal, payload: SummarizeJobPayload): Promise<JobRecord> {
    return this.jobs.enqueueFor(principal, SUMMARIZE_JOB, payload, { caseId: payload.caseId });
  }
}
