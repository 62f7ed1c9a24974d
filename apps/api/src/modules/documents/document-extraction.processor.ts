import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isExtractionError } from '@amicus/legal-nlp';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { inTransaction } from '../../database/transaction.js';
import { CpuPool } from '../cpu-pool/cpu-pool.service.js';
import type { CpuProgress } from '../cpu-pool/cpu-tasks.js';
import { PermanentJobError } from '../jobs/job.exception.js';
import { JobContext, JobQueue } from '../jobs/job-queue.js';
import { JOB_QUEUE } from '../jobs/job-queue.token.js';
import type { JobPayload, JobResult } from '../jobs/job-types.js';
import { BlobStore, sha256Hex } from './blob-store.js';
import { DocumentMentionEntity, DocumentPageEntity, ExtractionStatus } from './document.entity.js';
import { pageAt } from './document-pages.js';
import { DocumentsRepository } from './documents.repository.js';
import { BLOB_STORE } from './documents.tokens.js';
import { extractionPages, extractionPagesPerSecond, secondsSince } from '../metrics/metrics.registry.js';

/** Job type of text extraction; the payload is `{ documentId }`. */
export const EXTRACT_JOB = 'extract';

/** The payload and result of an `extract` job, as the job registry defines them. */
export type ExtractJobPayload = JobPayload<'extract'>;
export type ExtractJobResult = JobResult<'extract'>;

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
    private readonly cpu: CpuPool,
  ) {}

  onModuleInit(): void {
    this.queue.registerHandler<ExtractJobPayload, ExtractJobResult>(EXTRACT_JOB, (job) => this.run(job));
  }

  async run(job: JobContext<ExtractJobPayload>): Promise<ExtractJobResult> {
    // the payload was checked against the job registry before the handler runs
    const documentId = job.payload.documentId;
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
      // extraction, OCR and entity finding run in a worker thread; cancelling the job stops it there
      const extracted = await this.cpu.run(
        'extract',
        {
          bytes,
          options: {
            maxBytes: Math.max(limits.maxUploadBytes, bytes.byteLength),
            maxPages: limits.maxPages,
            timeoutMs: limits.extractTimeoutMs,
            ocrPageTimeoutMs: limits.ocrPageTimeoutMs,
          },
        },
        { signal: job.signal, onProgress: pages.report },
      );
      await pages.flush();
      const seconds = secondsSince(started);
      extractionPages.inc({ method: 'text' }, extracted.pages.length - extracted.ocrPages);
      extractionPages.inc({ method: 'ocr' }, extracted.ocrPages);
      if (seconds > 0 && extracted.pages.length > 0) extractionPagesPerSecond.observe(extracted.pages.length / seconds);
      job.throwIfCancelled();
      await job.progress(75, 'entities');
      const entities = extracted.entities;
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
 * aborts the job's signal, which stops the extraction in its thread at once.
 */
function pageReporter(job: JobContext<unknown>): { report: (event: CpuProgress) => void; flush: () => Promise<void> } {
  let last = -1;
  let chain: Promise<void> = Promise.resolve();
  return {
    report: ({ percent: ofTask, stage }) => {
      if (stage === 'entities') return;
      const ocr = stage?.startsWith('ocr') ?? false;
      const percent = 10 + Math.floor((60 * ofTask) / 100);
      if (!ocr && percent === last) return;
      last = percent;
      chain = chain.then(() => job.progress(percent, stage)).catch(() => undefined);
    },
    flush: () => chain,
  };
}
