import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { extractEntities, extractText, isExtractionError, type PageProgress } from '@amicus/legal-nlp';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { inTransaction } from '../../database/transaction.js';
import { PermanentJobError } from '../jobs/job.exception.js';
import { JobContext, JobQueue } from '../jobs/job-queue.js';
import { JOB_QUEUE } from '../jobs/job-queue.token.js';
import { BlobStore, sha256Hex } from './blob-store.js';
import { DocumentMentionEntity, DocumentPageEntity, ExtractionStatus } from './document.entity.js';
import { DocumentsRepository } from './documents.repository.js';
import { BLOB_STORE } from './documents.tokens.js';
import { extractionPages, extractionPagesPerSecond, secondsSince } from '../metrics/metrics.registry.js';

/** Job type of text extraction; the payload is `{ documentId }`. */
export const EXTRACT_JOB = 'extract';

export interface ExtractJobPayload {
  documentId: string;
}

export interface ExtractJobResult {
  documentId: string;
  pages: number;
  ocrPages: number;
  entities: number;
}

/**
 * Runs extraction jobs: reads the stored original, extracts its text page by page (OCR where a page
 * has no text layer) within the configured page and time limits, finds the entities, and stores
 * pages and entities in one transaction keyed by document id (a re-run replaces, never duplicates).
 * A document that cannot be read is marked failed with the extraction's typed code; the job then
 * fails without retrying, and the process carries on.
 */
@Injectable()
export class DocumentExtractionProcessor implements OnModuleInit {
  private readonly logger = new Logger('DocumentExtraction');

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    private readonly repo: DocumentsRepository,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.queue.registerHandler<ExtractJobPayload, ExtractJobResult>(EXTRACT_JOB, (job) => this.run(job));
  }

  async run(job: JobContext<ExtractJobPayload>): Promise<ExtractJobResult> {
    const documentId = job.payload?.documentId;
    if (typeof documentId !== 'string') throw new PermanentJobError('INVALID_PAYLOAD', 'The extract job needs a documentId');
    const doc = await this.repo.findById(documentId);
    if (!doc) throw new PermanentJobError('DOCUMENT_NOT_FOUND', `Document ${documentId} does not exist`);

    await this.repo.setStatus(doc.id, ExtractionStatus.RUNNING);
    try {
      await job.progress(5, 'reading');
      const bytes = await this.store.read(doc.sha256);
      if (sha256Hex(bytes) !== doc.sha256) {
        throw new PermanentJobError('BLOB_INTEGRITY', `The stored original of document ${doc.id} does not match its sha256`);
      }
      await job.progress(10, 'extracting');
      const limits = this.config.documents;
      const pages = pageReporter(job);
      const started = process.hrtime.bigint();
      const extracted = await extractText(bytes, {
        maxBytes: Math.max(limits.maxUploadBytes, bytes.byteLength),
        maxPages: limits.maxPages,
        timeoutMs: limits.extractTimeoutMs,
        ocrPageTimeoutMs: limits.ocrPageTimeoutMs,
        onPage: pages.report,
      });
      await pages.flush();
      const seconds = secondsSince(started);
      extractionPages.inc({ method: 'text' }, extracted.pages.length - extracted.ocrPages);
      extractionPages.inc({ method: 'ocr' }, extracted.ocrPages);
      if (seconds > 0 && extracted.pages.length > 0) extractionPagesPerSecond.observe(extracted.pages.length / seconds);
      job.throwIfCancelled();
      await job.progress(75, 'entities');
      const entities = extractEntities(extracted.text);
      const pageRows = extracted.pages.map((p) =>
        Object.assign(new DocumentPageEntity(), {
          documentId: doc.id,
          number: p.number,
          text: extracted.text.slice(p.start, p.end),
          start: p.start,
          end: p.end,
          ocr: p.ocr,
        }),
      );
      const mentions = entities.map((e, seq) =>
        Object.assign(new DocumentMentionEntity(), {
          documentId: doc.id,
          seq,
          type: e.type,
          text: e.text,
          start: e.start,
          end: e.end,
          normalized: e.normalized ?? null,
          page: pageAt(extracted.pages, e.start),
        }),
      );
      await job.progress(90, 'storing');
      await inTransaction(this.dataSource, (m) =>
        this.repo.storeExtraction(m, doc.id, { mediaType: extracted.mediaType, pages: pageRows, mentions, ocr: extracted.ocrPages > 0 }),
      );
      return { documentId: doc.id, pages: pageRows.length, ocrPages: extracted.ocrPages, entities: mentions.length };
    } catch (error) {
      if (isExtractionError(error)) {
        await this.repo.setStatus(doc.id, ExtractionStatus.FAILED, error.code);
        throw new PermanentJobError(error.code, error.message);
      }
      if (error instanceof PermanentJobError) {
        await this.repo.setStatus(doc.id, ExtractionStatus.FAILED, error.code);
        throw error;
      }
      // unexpected (database, file system, cancellation): the job decides whether to retry
      const code = (error as { code?: unknown } | null)?.code === 'JOB_CANCELLED' ? 'JOB_CANCELLED' : 'EXTRACTION_FAILED';
      await this.repo.setStatus(doc.id, ExtractionStatus.FAILED, code).catch(() => undefined);
      if (code === 'EXTRACTION_FAILED') this.logger.warn(`Extraction of document ${doc.id} failed: ${(error as Error)?.message ?? String(error)}`);
      throw error;
    }
  }
}

/**
 * Reports page progress of an extraction to the job (between 10 and 70 %): every OCR page
 * ("ocr page 3/12"), and text pages at most once per percent. Reports are sent one after another
 * (never overlapping) without holding up extraction; `flush` waits for the last one. A cancellation
 * is noticed at the next stage.
 */
function pageReporter(job: JobContext<unknown>): { report: (event: PageProgress) => void; flush: () => Promise<void> } {
  let last = -1;
  let chain: Promise<void> = Promise.resolve();
  return {
    report: ({ page, pages, ocr }) => {
      const percent = 10 + Math.floor((60 * (page - 1)) / Math.max(1, pages));
      if (!ocr && percent === last) return;
      last = percent;
      const stage = ocr ? `ocr page ${page}/${pages}` : `page ${page}/${pages}`;
      chain = chain.then(() => job.progress(percent, stage)).catch(() => undefined);
    },
    flush: () => chain,
  };
}

/** Number of the page whose text contains `offset` (the last page starting at or before it). */
export function pageAt(pages: ReadonlyArray<{ number: number; start: number }>, offset: number): number {
  let found = pages[0]?.number ?? 1;
  for (const p of pages) {
    if (p.start <= offset) found = p.number;
    else break;
  }
  return found;
}
