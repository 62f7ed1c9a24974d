import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildBrief, countWords } from '@amicus/legal-nlp';
import { inferenceDuration, inferenceWordsPerSecond, secondsSince } from '../metrics/metrics.registry.js';
import type { SummarizeOptions, SummaryLength } from '@amicus/inference';
import { isUniqueViolation } from '../../common/errors/graphql-error.mapper.js';
import { inTransaction } from '../../database/transaction.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { canonicalJson } from '../audit/canonical-json.js';
import { pageAt } from '../documents/document-extraction.processor.js';
import { toCaseBriefType } from '../documents/dto/case-brief.type.js';
import { DocumentsService, DocumentText } from '../documents/documents.service.js';
import { PermanentJobError } from '../jobs/job.exception.js';
import { JobContext, JobQueue } from '../jobs/job-queue.js';
import { JOB_QUEUE } from '../jobs/job-queue.token.js';
import { ModelProvider, ReadyModel } from './model.provider.js';
import { CASE_SCOPE, StoredSummarySentence, StoredSummarySource, SummaryEntity } from './summary.entity.js';

/** Job type of summarization. */
export const SUMMARIZE_JOB = 'summarize';

/** Fewest words a document gets when a word budget is shared between several documents. */
const MIN_SHARE_WORDS = 30;

export interface SummarizeJobPayload {
  caseId: string;
  /** The one document to summarize; null summarizes every extracted document of the case. */
  documentId: string | null;
  length: SummaryLength;
  /** A word budget instead of the preset (for the whole case: shared between documents by their length). */
  words?: number | null;
  /** Role of the requester, recorded in the ledger. */
  requesterRole?: string | null;
}

export interface SummarizeJobResult {
  summaryId: string;
  version: number;
  words: number;
  sentences: number;
}

/** The settings stored with a summary. */
export interface SummarySettings {
  length: SummaryLength;
  words: number | null;
  perDocument: Array<{ documentId: string; options: SummarizeOptions }>;
  /** Inference threads of the worker that made it. */
  threads: number;
}

/**
 * Budget of each document of a case: a preset ratio (standard, detailed) applies to each document
 * as it is; a word budget (given, or the short preset's) is shared in proportion to the documents' words.
 */
export function documentBudgets(length: SummaryLength, words: number | null | undefined, docWords: number[]): SummarizeOptions[] {
  const total = words ?? (length === 'short' ? 150 : undefined);
  if (total === undefined) return docWords.map(() => ({ length }));
  if (docWords.length === 1) return [{ words: total }];
  const all = docWords.reduce((a, b) => a + b, 0) || 1;
  return docWords.map((w) => ({ words: Math.max(MIN_SHARE_WORDS, Math.round((total * w) / all)) }));
}

/**
 * Runs `summarize` jobs: the model (loaded once per process) summarizes the extracted text of each
 * document, every sentence keeping its document, page and offsets; the brief is built over the same
 * texts; the result is stored as the next version of the case's (or document's) summary, together
 * with its ledger entry, in one transaction keyed by the job id: a job run again after a crash finds
 * its summary and stores nothing twice.
 */
@Injectable()
export class SummarizeProcessor implements OnModuleInit {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly models: ModelProvider,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.queue.registerHandler<SummarizeJobPayload, SummarizeJobResult>(SUMMARIZE_JOB, (job) => this.run(job));
  }

  async run(job: JobContext<SummarizeJobPayload>): Promise<SummarizeJobResult> {
    const p = job.payload;
    if (!p || typeof p.caseId !== 'string' || !['short', 'standard', 'detailed'].includes(p.length)) {
      throw new PermanentJobError('INVALID_PAYLOAD', 'The summarize job needs a caseId and a length');
    }
    const done = await this.dataSource.getRepository(SummaryEntity).findOneBy({ jobId: job.id });
    if (done) return resultOf(done);

    await job.progress(5, 'loading the model');
    let ready: ReadyModel;
    try {
      ready = await this.models.get();
    } catch (error) {
      const code = (error as { code?: unknown })?.code;
      throw new PermanentJobError(typeof code === 'string' ? code : 'MODEL_UNAVAILABLE', `The model could not be loaded: ${(error as Error)?.message ?? String(error)}`);
    }

    await job.progress(10, 'reading documents');
    const docs = await this.texts(p);
    if (docs.length === 0) throw new PermanentJobError('NOTHING_TO_SUMMARIZE', 'No extracted document text to summarize');
    const docWords = docs.map((d) => countWords(d.text));
    const budgets = documentBudgets(p.length, p.words, docWords);

    const sentences: StoredSummarySentence[] = [];
    let words = 0;
    for (let i = 0; i < docs.length; i++) {
      job.throwIfCancelled();
      await job.progress(10 + Math.round((70 * i) / docs.length), docs.length > 1 ? `summarizing document ${i + 1} of ${docs.length}` : 'summarizing');
      const doc = docs[i];
      if (doc.text.trim() === '') continue;
      let result;
      try {
        const started = process.hrtime.bigint();
        result = await ready.summarizer.summarize(doc.text, budgets[i]);
        const seconds = secondsSince(started);
        const model = `${ready.model.manifest.name}@${ready.model.manifest.version}`;
        inferenceDuration.observe({ model }, seconds);
        if (seconds > 0) inferenceWordsPerSecond.observe({ model }, docWords[i] / seconds);
      } catch (error) {
        const code = (error as { code?: unknown })?.code;
        if (code === 'EMPTY_INPUT' || code === 'NOT_TEXT') continue;
        throw error;
      }
      words += result.words;
      for (const s of result.sentences) {
        sentences.push({ text: s.text, documentId: doc.documentId, page: pageAt(doc.pages, s.start), start: s.start, end: s.end, paragraph: s.paragraph, score: s.score });
      }
    }
    if (sentences.length === 0) throw new PermanentJobError('NOTHING_TO_SUMMARIZE', 'The documents hold no text the model can summarize');

    job.throwIfCancelled();
    await job.progress(85, 'building the brief');
    const pagesOf = new Map(docs.map((d) => [d.documentId, d.pages]));
    const brief = toCaseBriefType(
      buildBrief(docs.map((d) => ({ documentId: d.documentId, text: d.text }))),
      docs.map((d) => d.documentId),
      (documentId, offset) => {
        const pages = documentId ? pagesOf.get(documentId) : undefined;
        return pages && pages.length > 0 ? pageAt(pages, offset) : null;
      },
    );

    await job.progress(95, 'storing');
    const sources: StoredSummarySource[] = docs.map((d, i) => ({ documentId: d.documentId, sha256: d.sha256, words: docWords[i] }));
    const settings: SummarySettings = {
      length: p.length,
      words: p.words ?? null,
      perDocument: docs.map((d, i) => ({ documentId: d.documentId, options: budgets[i] })),
      threads: this.models.threads,
    };
    const outputSha256 = createHash('sha256').update(canonicalJson({ sentences, brief })).digest('hex');
    const model = ready.model;
    const row: SummaryEntity = Object.assign(new SummaryEntity(), {
      id: randomUUID(),
      caseId: p.caseId,
      documentId: p.documentId,
      scope: p.documentId ?? CASE_SCOPE,
      version: 0,
      length: p.words ? `words:${p.words}` : p.length,
      words,
      brief: JSON.stringify(brief),
      sentences: JSON.stringify(sentences),
      sources: JSON.stringify(sources),
      modelName: model.manifest.name,
      modelVersion: model.manifest.version,
      modelSha256: model.sha256,
      settings: JSON.stringify(settings),
      outputSha256,
      jobId: job.id,
      createdBy: job.createdBy,
      createdAt: new Date(),
    });
    const stored = await this.store(row, job.createdBy, p.requesterRole ?? null);
    return resultOf(stored);
  }

  private async texts(p: SummarizeJobPayload): Promise<DocumentText[]> {
    if (p.documentId === null) return this.documents.caseTexts(p.caseId);
    const doc = await this.documents.documentText(p.documentId);
    if (!doc || doc.caseId !== p.caseId) return [];
    return [doc];
  }

  /** Inserts the next version with its ledger entry, once per job (versions racing with another job are retried). */
  private async store(row: SummaryEntity, actorId: string | null, actorRole: string | null): Promise<SummaryEntity> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await inTransaction(this.dataSource, async (m) => {
          const existing = await m.findOneBy(SummaryEntity, { jobId: row.jobId });
          if (existing) return existing;
          const latest = await m
            .createQueryBuilder(SummaryEntity, 's')
            .select('MAX(s.version)', 'max')
            .where('s.caseId = :caseId AND s.scope = :scope', { caseId: row.caseId, scope: row.scope })
            .getRawOne<{ max: number | string | null }>();
          row.version = Number(latest?.max ?? 0) + 1;
          await m.insert(SummaryEntity, row);
          const sources = JSON.parse(row.sources) as StoredSummarySource[];
          await this.audit.record(
            {
              action: AuditAction.Generation,
              actor: { id: actorId, role: actorRole },
              caseId: row.caseId,
              details: { kind: 'summary', summaryId: row.id, version: row.version, documentId: row.documentId, length: row.length, jobId: row.jobId, words: row.words },
              inputHashes: sources.map((s) => s.sha256),
              outputHash: row.outputSha256,
              modelSha256: row.modelSha256,
            },
            m,
          );
          return row;
        });
      } catch (error) {
        if (attempt < 5 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }
}

function resultOf(s: SummaryEntity): SummarizeJobResult {
  return { summaryId: s.id, version: s.version, words: s.words, sentences: (JSON.parse(s.sentences) as unknown[]).length };
}
