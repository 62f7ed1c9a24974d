import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { countWords } from '@amicus/legal-nlp';
import { inferenceDuration, inferenceWordsPerSecond } from '../metrics/metrics.registry.js';
import type { SummarizeOptions, SummaryLength } from '@amicus/inference';
import { isUniqueViolation } from '../../database/errors.js';
import { inTransaction } from '../../database/transaction.js';
import { CpuPool } from '../cpu-pool/cpu-pool.service.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { canonicalJson } from '../audit/canonical-json.js';
import { pageAt, pageLookup } from '../documents/document-pages.js';
import { toCaseBriefType } from '../documents/dto/case-brief.type.js';
import { DocumentsService, DocumentText } from '../documents/documents.service.js';
import { PermanentJobError } from '../jobs/job.exception.js';
import { JobContext, JobQueue } from '../jobs/job-queue.js';
import { JOB_QUEUE } from '../jobs/job-queue.token.js';
import type { JobPayload, JobResult } from '../jobs/job-types.js';
import { ModelProvider } from './model.provider.js';
import { CASE_SCOPE, StoredSummarySentence, StoredSummarySource, SummaryEntity } from './summary.entity.js';

/** Job type of summarization. */
export const SUMMARIZE_JOB = 'summarize';

/** Fewest words a document gets when a word budget is shared between several documents. */
const MIN_SHARE_WORDS = 30;

/** The payload and result of a `summarize` job, as the job registry defines them. */
export type SummarizeJobPayload = JobPayload<'summarize'>;
export type SummarizeJobResult = JobResult<'summarize'>;

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
  // One document keeps the short preset itself, which also orders it question → holding → result.
  if (docWords.length === 1) return [words ? { words } : { length }];
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
    private readonly cpu: CpuPool,
  ) {}

  onModuleInit(): void {
    this.queue.registerHandler<SummarizeJobPayload, SummarizeJobResult>(SUMMARIZE_JOB, (job) => this.run(job));
  }

  async run(job: JobContext<SummarizeJobPayload>): Promise<SummarizeJobResult> {
    // the payload was checked against the job registry before the handler runs
    const p = job.payload;
    const done = await this.dataSource.getRepository(SummaryEntity).findOneBy({ jobId: job.id });
    if (done) return resultOf(done);

    await job.progress(5, 'reading documents');
    const docs = await this.texts(p);
    if (docs.length === 0) throw new PermanentJobError('NOTHING_TO_SUMMARIZE', 'No extracted document text to summarize');
    const docWords = docs.map((d) => countWords(d.text));
    const budgets = documentBudgets(p.length, p.words, docWords);

    // the model, featurization, segmentation and the brief run in a worker thread with its own model
    // session; its progress (10-90 %) is relayed to the job, and cancelling the job stops the thread
    await job.progress(10, 'waiting for a worker thread');
    let dir: string;
    try {
      dir = await this.models.dir();
    } catch (error) {
      // an activated model that is not installed on this host
      this.models.failed();
      throw new PermanentJobError('MODEL_UNAVAILABLE', (error as Error).message);
    }
    this.models.using(dir);
    let output: Awaited<ReturnType<SummarizeProcessor['summarizeInThread']>>;
    try {
      output = await this.summarizeInThread(job, dir, docs, budgets);
    } catch (error) {
      if ((error as Error)?.name !== 'ModelLoadError') throw error;
      this.models.failed();
      const code = (error as { code?: unknown }).code;
      throw new PermanentJobError(typeof code === 'string' ? code : 'MODEL_UNAVAILABLE', (error as Error).message);
    }
    this.models.loaded(dir, output.model);
    const modelLabel = `${output.model.name}@${output.model.version}`;

    const sentences: StoredSummarySentence[] = [];
    const perDocument = new Map<string, Pick<StoredSummarySource, 'language' | 'warnings' | 'outcome'>>();
    let words = 0;
    output.documents.forEach((result, i) => {
      if (!result) return;
      const doc = docs[i];
      inferenceDuration.observe({ model: modelLabel }, result.seconds);
      if (result.seconds > 0) inferenceWordsPerSecond.observe({ model: modelLabel }, docWords[i] / result.seconds);
      words += result.words;
      for (const s of result.sentences) {
        sentences.push({
          text: s.text,
          documentId: doc.documentId,
          page: pageAt(doc.pages, s.start),
          start: s.start,
          end: s.end,
          paragraph: s.paragraph,
          paragraphIndex: s.paragraphIndex,
          role: s.role,
          result: s.result,
          score: s.score,
        });
      }
      const stated = result.outcome ? result.sentences[result.outcome.sentence] : undefined;
      perDocument.set(doc.documentId, {
        language: { code: result.language.code, name: result.language.name, supported: result.language.supported },
        warnings: result.warnings,
        outcome:
          result.outcome && stated
            ? {
                disposition: result.outcome.disposition,
                label: result.outcome.label,
                basis: result.outcome.basis,
                confidence: result.outcome.confidence,
                start: stated.start,
                end: stated.end,
              }
            : null,
      });
    });
    if (sentences.length === 0) throw new PermanentJobError('NOTHING_TO_SUMMARIZE', 'The documents hold no text the model can summarize');

    job.throwIfCancelled();
    const brief = toCaseBriefType(
      output.brief,
      docs.map((d) => d.documentId),
      pageLookup(docs),
    );

    await job.progress(95, 'storing');
    const sources: StoredSummarySource[] = docs.map((d, i) => ({ documentId: d.documentId, sha256: d.sha256, words: docWords[i], ...perDocument.get(d.documentId) }));
    const settings: SummarySettings = {
      length: p.length,
      words: p.words ?? null,
      perDocument: docs.map((d, i) => ({ documentId: d.documentId, options: budgets[i] })),
      threads: this.models.threads,
    };
    const outputSha256 = createHash('sha256').update(canonicalJson({ sentences, brief })).digest('hex');
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
      modelName: output.model.name,
      modelVersion: output.model.version,
      modelSha256: output.model.sha256,
      settings: JSON.stringify(settings),
      outputSha256,
      jobId: job.id,
      createdBy: job.createdBy,
      createdAt: new Date(),
    });
    const stored = await this.store(row, job.createdBy, p.requesterRole ?? null);
    return resultOf(stored);
  }

  private summarizeInThread(job: JobContext<SummarizeJobPayload>, dir: string, docs: DocumentText[], budgets: SummarizeOptions[]) {
    return this.cpu.run(
      'summarize',
      {
        model: { dir, intraOpThreads: this.models.threads },
        documents: docs.map((d, i) => ({ documentId: d.documentId, text: d.text, options: budgets[i] })),
      },
      {
        signal: job.signal,
        onProgress: ({ percent, stage }) => void job.progress(10 + Math.round((80 * percent) / 100), stage).catch(() => undefined),
      },
    );
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
