import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { TemplateRegistry } from '@amicus/prompts';
import { isUniqueViolation } from '../../database/errors.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { CasesService } from '../cases/cases.service.js';
import { PermanentJobError } from '../jobs/job.exception.js';
import { JobContext, JobQueue } from '../jobs/job-queue.js';
import { JOB_QUEUE } from '../jobs/job-queue.token.js';
import type { JobPayload, JobResult } from '../jobs/job-types.js';
import { SummariesService } from '../summaries/summaries.service.js';
import { versionOf } from './draft-content.js';
import { DraftEntity, DraftStatus } from './draft.entity.js';
import { DraftRenderer, type Rendered } from './draft.renderer.js';
import { DraftsRepository } from './drafts.repository.js';
import { DraftErrorReason, DraftException } from './drafts.exception.js';
import { TEMPLATES } from './templates.provider.js';

/** Job type of drafting. */
export const DRAFT_JOB = 'draft';

/** A checked `createDraft` request and who made it, and what the job made: as the job registry defines them. */
export type DraftJobPayload = JobPayload<'draft'>;
export type DraftJobResult = JobResult<'draft'>;

/**
 * Runs `draft` jobs in any worker: renders the template and stores the draft, its first version and
 * its ledger entry in one transaction keyed by the job id; a job run again after a crash finds its
 * draft and stores nothing twice.
 */
@Injectable()
export class DraftProcessor implements OnModuleInit {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(TEMPLATES) private readonly templates: TemplateRegistry,
    private readonly repo: DraftsRepository,
    private readonly renderer: DraftRenderer,
    private readonly cases: CasesService,
    private readonly summaries: SummariesService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.queue.registerHandler<DraftJobPayload, DraftJobResult>(DRAFT_JOB, (job) => this.generate(job));
  }

  async generate(job: JobContext<DraftJobPayload>): Promise<DraftJobResult> {
    // the payload was checked against the job registry before the handler runs
    const p = job.payload;
    const done = await this.repo.findByJob(job.id);
    if (done) return { draftId: done.id };

    await job.progress(10, 'reading the case');
    const c = await this.cases.findById(p.caseId);
    if (!c) throw new PermanentJobError('CASE_NOT_FOUND', 'The case no longer exists');
    if (!this.templates.has(p.templateId, p.templateVersion)) {
      throw new PermanentJobError(DraftErrorReason.TEMPLATE_NOT_FOUND, `Template ${p.templateId}@${p.templateVersion} not found`);
    }
    const template = this.templates.get(p.templateId, p.templateVersion);
    const summary = p.summaryId ? await this.summaries.findById(p.summaryId) : null;
    if (p.summaryId && (!summary || summary.caseId !== c.id)) throw new PermanentJobError(DraftErrorReason.SUMMARY_NOT_FOUND, 'Summary not found');

    job.throwIfCancelled();
    await job.progress(40, 'rendering');
    let rendered: Rendered;
    try {
      rendered = await this.renderer.render(c, template, summary, p.values);
    } catch (error) {
      if (error instanceof DraftException) throw new PermanentJobError(error.reason ?? 'DRAFT_FAILED', error.message);
      throw error;
    }
    const { draft, inputHashes } = rendered;

    job.throwIfCancelled();
    await job.progress(90, 'storing');
    const now = new Date();
    const entity = Object.assign(new DraftEntity(), {
      id: randomUUID(),
      caseId: c.id,
      templateId: template.id,
      templateVersion: template.version,
      title: draft.title.slice(0, 500),
      summaryId: summary?.id ?? null,
      status: DraftStatus.DRAFT,
      jobId: job.id,
      currentVersion: 1,
      createdBy: p.requesterId,
      createdAt: now,
      updatedAt: now,
      approvedVersion: null,
      approvedBy: null,
      approvedAt: null,
      approvalDiff: null,
      approvedSha256: null,
    });
    const version = versionOf(entity.id, 1, draft, 'generated', p.requesterId, now);
    for (let attempt = 0; ; attempt++) {
      try {
        const stored = await this.repo.transaction(async (m) => {
          const existing = await this.repo.findByJob(job.id, m);
          if (existing) return existing;
          await this.repo.insert(m, entity, version);
          await this.audit.record(
            {
              action: AuditAction.Generation,
              actor: { id: p.requesterId, role: p.requesterRole ?? null },
              caseId: c.id,
              details: {
                kind: 'draft',
                draftId: entity.id,
                version: 1,
                summaryId: entity.summaryId,
                jobId: job.id,
                origins: { record: version.recordSentences, machine: version.machineSentences, human: version.humanSentences },
              },
              inputHashes,
              outputHash: version.sha256,
              modelSha256: summary?.modelSha256 ?? null,
              template: { id: template.id, version: template.version },
            },
            m,
          );
          return entity;
        });
        return { draftId: stored.id };
      } catch (error) {
        if (attempt < 1 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }
}
