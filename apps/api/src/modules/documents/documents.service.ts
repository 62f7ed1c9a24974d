import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { CaseBrief } from '@amicus/legal-nlp';
import type { Principal } from '../../common/auth/principal.js';
import { isUniqueViolation } from '../../database/errors.js';
import { LocalDateScalar } from '../../common/graphql/local-date.scalar.js';
import { Connection, PageArgs } from '../../common/pagination/connection.js';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { CaseAccessService, CaseAction } from '../cases/case-access.service.js';
import { CpuPool } from '../cpu-pool/cpu-pool.service.js';
import { JobEntity } from '../jobs/job.entity.js';
import { JobRecord } from '../jobs/job-queue.js';
import { toJobRecord } from '../jobs/job.repository.js';
import { JobsService } from '../jobs/jobs.service.js';
import { BlobStore } from './blob-store.js';
import { DocumentEntity, DocumentKind, DocumentMentionEntity, DocumentPageEntity, ExtractionStatus } from './document.entity.js';
import { EXTRACT_JOB, ExtractJobPayload } from './document-extraction.processor.js';
import { parseUpload } from './document-upload.js';
import { DocumentErrorReason, DocumentException, documentNotFound } from './documents.exception.js';
import { DocumentsRepository, joinPages } from './documents.repository.js';
import { BLOB_STORE } from './documents.tokens.js';

/** Audit action of a download of a document's original. */

/** The extracted text of one document, with its page offsets: what summaries and drafting read. */
export interface DocumentText {
  documentId: string;
  caseId: string;
  title: string;
  kind: DocumentKind;
  filedDate: string | null;
  /** sha256 of the original (record it as the input hash of whatever is made from this text). */
  sha256: string;
  mediaType: string;
  /** The whole text; offsets of pages, entities and segments are UTF-16 indices into it. */
  text: string;
  pages: Array<{ number: number; start: number; end: number; ocr: boolean }>;
}

// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const CONTROL = /[\u0000-\u001f\u007f]/;
const KINDS = new Set<string>(Object.values(DocumentKind));

const invalid = (message: string, field: string) => new DocumentException(DocumentErrorReason.INVALID_UPLOAD, message, { field });

/** The upload's text fields, checked. */
export function validateUploadFields(fields: Record<string, string>): { title: string; kind: DocumentKind; filedDate: string | null } {
  const title = (fields.title ?? '').trim();
  if (title.length === 0 || title.length > 500 || CONTROL.test(title)) {
    throw invalid('title is required: 1 to 500 characters without control characters', 'title');
  }
  const kind = (fields.kind ?? '').trim().toLowerCase();
  if (!KINDS.has(kind)) throw invalid(`kind must be one of ${[...KINDS].join(', ')}`, 'kind');
  const rawDate = (fields.filedDate ?? '').trim();
  let filedDate: string | null = null;
  if (rawDate !== '') {
    try {
      filedDate = LocalDateScalar.parseValue(rawDate) as string;
    } catch {
      throw invalid('filedDate must be a calendar date in the form YYYY-MM-DD', 'filedDate');
    }
  }
  return { title, kind: kind as DocumentKind, filedDate };
}

/**
 * A file name safe to keep and to send back in Content-Disposition: no path, no control characters,
 * no bidirectional controls (a right-to-left override would show `gpj.exe` as `exe.jpg`).
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- strip control characters and bidirectional overrides
  const clean = base.replace(/[\u0000-\u001f\u007f"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim().slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? 'document' : clean;
}

/**
 * Documents of cases: upload into the content-addressed store, extraction through the job queue,
 * reads for GraphQL and for other modules. Every call taking a principal checks the case-access
 * policy; a document of a case the caller may not see is answered exactly as a missing one.
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger('Documents');

  constructor(
    private readonly repo: DocumentsRepository,
    private readonly access: CaseAccessService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    private readonly cpu: CpuPool,
  ) {}

  /**
   * Stores a multipart upload (`title`, `kind`, `filedDate`, one file) as a document of the case and
   * queues its extraction. The caller must be allowed to change the case; the case is checked
   * before a byte of the body is read.
   */
  async upload(principal: Principal, caseId: string, req: IncomingMessage): Promise<DocumentEntity> {
    const c = await this.access.requireCase(principal, caseId, CaseAction.UPLOAD);
    const parsed = await parseUpload(req, this.store, this.config.documents.maxUploadBytes);
    let doc: DocumentEntity;
    try {
      const meta = validateUploadFields(parsed.fields);
      if (await this.repo.findByCaseAndHash(c.id, parsed.file.sha256)) throw duplicate();
      const stored = await this.store.commit(parsed.file);
      doc = this.repo.documents.create({
        id: randomUUID(),
        caseId: c.id,
        title: meta.title,
        kind: meta.kind,
        filedDate: meta.filedDate,
        sha256: parsed.file.sha256,
        bytes: parsed.file.bytes,
        mediaType: parsed.file.sniffed.mediaType,
        originalName: safeFileName(parsed.fileName),
        pages: null,
        ocr: false,
        extractionStatus: ExtractionStatus.QUEUED,
        extractionError: null,
        jobId: null,
        uploadedBy: principal.userId,
        createdAt: new Date(),
      });
      try {
        await this.repo.documents.insert(doc);
      } catch (error) {
        // nothing half-stored: a blob this upload added and no row references is taken back
        if (stored && (await this.repo.countByHash(parsed.file.sha256)) === 0) await this.store.remove(parsed.file.sha256);
        if (isUniqueViolation(error)) throw duplicate();
        throw error;
      }
    } finally {
      await this.store.abandon(parsed.file);
    }

    await this.audit.record({
      action: AuditAction.Upload,
      actor: { id: principal.userId, role: principal.role },
      caseId: c.id,
      details: { documentId: doc.id, title: doc.title, kind: doc.kind, bytes: doc.bytes, mediaType: doc.mediaType },
      inputHashes: [doc.sha256],
    });

    try {
      const payload: ExtractJobPayload = { documentId: doc.id };
      const job = await this.jobs.enqueueFor(principal, EXTRACT_JOB, payload, { caseId: c.id });
      await this.repo.documents.update({ id: doc.id }, { jobId: job.id });
      doc.jobId = job.id;
    } catch (error) {
      this.logger.error(`Extraction of document ${doc.id} could not be queued: ${(error as Error)?.message ?? String(error)}`);
      await this.repo.setStatus(doc.id, ExtractionStatus.FAILED, 'EXTRACTION_NOT_QUEUED');
    }
    return (await this.repo.findById(doc.id)) ?? doc;
  }

  /** The document, or null when it does not exist or its case is not visible to the caller. */
  find(principal: Principal, id: string): Promise<DocumentEntity | null> {
    return this.repo.findVisible(principal, id);
  }

  /** The stored original of a visible document, for download; recorded in the ledger. */
  async openContent(principal: Principal, id: string): Promise<{ document: DocumentEntity; stream: Readable }> {
    const document = await this.repo.findVisible(principal, id);
    if (!document || !(await this.store.exists(document.sha256))) throw documentNotFound();
    await this.audit.record({
      action: AuditAction.Download,
      actor: { id: principal.userId, role: principal.role },
      caseId: document.caseId,
      details: { documentId: document.id },
      inputHashes: [document.sha256],
    });
    return { document, stream: await this.store.stream(document.sha256) };
  }

  /** One page of documents for each case (batched); the cases must already be visible to the caller. */
  pageOfCases(caseIds: readonly string[], args: PageArgs): Promise<Connection<DocumentEntity>[]> {
    return this.repo.pageOfCases(caseIds, args);
  }

  /** Pages of documents the caller already holds (batched). */
  pagesOf(documentIds: readonly string[]): Promise<DocumentPageEntity[]> {
    return this.repo.pagesOf(documentIds);
  }

  /** Entities of documents the caller already holds (batched). */
  mentionsOf(documentIds: readonly string[]): Promise<DocumentMentionEntity[]> {
    return this.repo.mentionsOf(documentIds);
  }

  /** Extraction jobs by id (batched); only for documents the caller already holds. */
  async jobsByIds(jobIds: readonly string[]): Promise<JobRecord[]> {
    const rows = await this.dataSource.getRepository(JobEntity).findBy({ id: In([...jobIds]) });
    return rows.map(toJobRecord);
  }

  /**
   * The extracted texts of a case's documents (extraction done), oldest first, after checking that
   * the caller may see the case. For resolvers and services acting for a user.
   */
  async caseTextsFor(principal: Principal, caseId: string): Promise<DocumentText[]> {
    const c = await this.access.requireCase(principal, caseId);
    return this.caseTexts(c.id);
  }

  /**
   * The extracted texts of a case's documents, oldest first, WITHOUT an access check: for job
   * handlers whose job was queued by `JobsService.enqueueFor` (which checked access).
   */
  async caseTexts(caseId: string): Promise<DocumentText[]> {
    const docs = await this.repo.extractedOfCase(caseId);
    if (docs.length === 0) return [];
    const pages = await this.repo.pagesOf(docs.map((d) => d.id));
    return docs.map((d) => toDocumentText(d, pages.filter((p) => p.documentId === d.id)));
  }

  /**
   * The structured brief of a visible case, built from the texts of its extracted documents (every
   * field with source spans naming the document); null when the case is missing or not visible.
   */
  async caseBrief(principal: Principal, caseId: string): Promise<{ brief: CaseBrief; documents: DocumentText[] } | null> {
    const c = await this.access.findVisibleCase(principal, caseId);
    if (!c) return null;
    const documents = await this.caseTexts(c.id);
    return { brief: await this.cpu.run('brief', { documents: documents.map((d) => ({ documentId: d.documentId, text: d.text })) }), documents };
  }

  /** The extracted text of one visible document; null when missing, invisible or not extracted (yet). */
  async documentTextFor(principal: Principal, documentId: string): Promise<DocumentText | null> {
    const doc = await this.repo.findVisible(principal, documentId);
    return doc ? this.documentText(doc.id) : null;
  }

  /** The extracted text of one document WITHOUT an access check (job handlers); null when not extracted. */
  async documentText(documentId: string): Promise<DocumentText | null> {
    const doc = await this.repo.findById(documentId);
    if (!doc || doc.extractionStatus !== ExtractionStatus.DONE) return null;
    return toDocumentText(doc, await this.repo.pagesOf([doc.id]));
  }
}

function duplicate(): DocumentException {
  return new DocumentException(DocumentErrorReason.DUPLICATE_DOCUMENT, 'The same file is already a document of this case');
}

function toDocumentText(doc: DocumentEntity, pages: DocumentPageEntity[]): DocumentText {
  const sorted = [...pages].sort((a, b) => a.number - b.number);
  return {
    documentId: doc.id,
    caseId: doc.caseId,
    title: doc.title,
    kind: doc.kind,
    filedDate: doc.filedDate,
    sha256: doc.sha256,
    mediaType: doc.mediaType,
    text: joinPages(sorted),
    pages: sorted.map((p) => ({ number: p.number, start: p.start, end: p.end, ocr: p.ocr })),
  };
}
