import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { applyEdit, checkSigningGate, diffDrafts, editParagraph, PromptsError, type Draft, type DraftDiff, type SigningGateResult, type Template, type TemplateRegistry } from '@amicus/prompts';
import type { Principal } from '../../common/auth/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { CaseAccessService, CaseAction } from '../cases/case-access.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import { SummariesService } from '../summaries/summaries.service.js';
import type { SummaryEntity } from '../summaries/summary.entity.js';
import type { JobRecord } from '../jobs/job-queue.js';
import { JobsService } from '../jobs/jobs.service.js';
import { versionOf } from './draft-content.js';
import { DraftExporter, type ExportedDraft, type ExportFormat } from './draft.exporter.js';
import { DRAFT_JOB, type DraftJobPayload } from './draft.processor.js';
import { DraftRenderer } from './draft.renderer.js';
import { DraftEntity, DraftStatus, DraftVersionEntity } from './draft.entity.js';
import { DraftsRepository } from './drafts.repository.js';
import { DraftErrorReason, DraftException, draftNotFound } from './drafts.exception.js';
import { TEMPLATES } from './templates.provider.js';

export interface CreateDraftRequest {
  caseId: string;
  templateId: string;
  templateVersion?: string | null;
  summaryId?: string | null;
  /** JSON object text: values of the template's user slots (and overrides of filled ones). */
  values?: string | null;
}

export interface ParagraphEdit {
  section: number;
  paragraph: number;
  text: string;
}

export interface UpdateDraftRequest {
  draftId: string;
  baseVersion: number;
  text?: string | null;
  paragraphs?: ParagraphEdit[] | null;
}


/**
 * Drafting as callers see it: drafts made from versioned templates (asking for one checks the input
 * and queues a `draft` job, see DraftProcessor); versions with optimistic concurrency; approval by a
 * judge assigned to the case after the signing gate; export of approved drafts (DraftExporter). Every
 * read and change goes through the case-access policy (a draft of an invisible case is answered as a
 * missing one), and every edit and approval is recorded in the ledger.
 */
@Injectable()
export class DraftsService {
  constructor(
    @Inject(TEMPLATES) private readonly templates: TemplateRegistry,
    private readonly repo: DraftsRepository,
    private readonly renderer: DraftRenderer,
    private readonly exporter: DraftExporter,
    private readonly access: CaseAccessService,
    private readonly documents: DocumentsService,
    private readonly summaries: SummariesService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  /** Every loaded template version, by id then version. */
  listTemplates(): Template[] {
    return this.templates.list();
  }

  /**
   * Checks the request (case visible, caller an editor, template known, values valid, summary of the
   * case) and queues a `draft` job; bad input is answered at once with its typed error. The summary
   * is chosen now (the given one, else the case's latest), so the job renders what was asked for.
   */
  async create(principal: Principal, req: CreateDraftRequest): Promise<JobRecord> {
    const c = await this.access.requireCase(principal, req.caseId);
    await this.requireAllowed(principal, c.id, CaseAction.DRAFT);
    const template = this.template(req.templateId, req.templateVersion);
    let summary: SummaryEntity | null;
    if (req.summaryId) {
      summary = await this.summaries.find(principal, req.summaryId);
      if (!summary || summary.caseId !== c.id) throw new DraftException(DraftErrorReason.SUMMARY_NOT_FOUND, 'Summary not found');
    } else {
      summary = await this.summaries.latestOfCase(c.id);
    }
    const payload: DraftJobPayload = {
      caseId: c.id,
      templateId: template.id,
      templateVersion: template.version,
      summaryId: summary?.id ?? null,
      values: req.values ?? null,
      requesterId: principal.userId,
      requesterRole: principal.role,
    };
    await this.renderer.render(c, template, summary, payload.values);
    return this.jobs.enqueueFor(principal, DRAFT_JOB, payload, { caseId: c.id });
  }

  async update(principal: Principal, req: UpdateDraftRequest): Promise<DraftEntity> {
    const hasText = typeof req.text === 'string';
    const hasParagraphs = Array.isArray(req.paragraphs) && req.paragraphs.length > 0;
    if (hasText === hasParagraphs) throw new DraftException(DraftErrorReason.INVALID_EDIT, 'Give either text or paragraphs');
    return this.repo.transaction(async (m) => {
      const d = await this.requireVisible(principal, req.draftId, m);
      await this.requireAllowed(principal, d.caseId, CaseAction.EDIT_DRAFT);
      if (d.status === DraftStatus.APPROVED) throw new DraftException(DraftErrorReason.DRAFT_APPROVED, 'The draft is approved and can no longer be changed');
      if (req.baseVersion !== d.currentVersion) {
        throw new DraftException(DraftErrorReason.VERSION_CONFLICT, `The draft is at version ${d.currentVersion}, not ${req.baseVersion}`, { currentVersion: d.currentVersion });
      }
      const base = await this.repo.version(d.id, d.currentVersion, m);
      let draft = JSON.parse(base.content) as Draft;
      try {
        if (hasText) draft = applyEdit(draft, req.text as string);
        else for (const p of req.paragraphs as ParagraphEdit[]) draft = editParagraph(draft, { section: p.section, paragraph: p.paragraph }, p.text);
      } catch (error) {
        if (error instanceof PromptsError) throw new DraftException(DraftErrorReason.INVALID_EDIT, error.message);
        throw error;
      }
      const next = d.currentVersion + 1;
      const now = new Date();
      const version = versionOf(d.id, next, draft, 'edit', principal.userId, now);
      if (!(await this.repo.addVersion(m, d.currentVersion, version))) {
        throw new DraftException(DraftErrorReason.VERSION_CONFLICT, 'The draft was changed meanwhile');
      }
      await this.audit.record(
        {
          action: AuditAction.Edit,
          actor: { id: principal.userId, role: principal.role },
          caseId: d.caseId,
          details: { draftId: d.id, version: next, baseVersion: d.currentVersion, mode: hasText ? 'text' : 'paragraphs' },
          inputHashes: [base.sha256],
          outputHash: version.sha256,
          template: { id: d.templateId, version: d.templateVersion },
        },
        m,
      );
      return Object.assign(d, { currentVersion: next, updatedAt: now });
    });
  }

  /** A version against the machine text (version 1) and the signing gate: what a judge sees before approving. */
  private async checkVersion(d: DraftEntity, versionNumber: number) {
    const [first, approved] = await Promise.all([this.repo.version(d.id, 1), this.repo.version(d.id, versionNumber)]);
    const draft = JSON.parse(approved.content) as Draft;
    const caseDocuments = (await this.documents.caseTexts(d.caseId)).map((t) => ({ documentId: t.documentId, text: t.text }));
    return { first, approved, gate: checkSigningGate(draft, caseDocuments) };
  }

  /** The changes of a version from the machine text and the signing gate's answer, without approving. */
  async review(principal: Principal, draftId: string, versionNumber: number): Promise<{ version: number; diff: DraftDiff; gate: SigningGateResult } | null> {
    const d = await this.requireVisible(principal, draftId);
    if (versionNumber < 1 || versionNumber > d.currentVersion) return null;
    const { first, approved, gate } = await this.checkVersion(d, versionNumber);
    return { version: versionNumber, diff: diffDrafts(first.text, approved.text), gate };
  }

  async approve(principal: Principal, draftId: string, versionNumber: number): Promise<DraftEntity> {
    const d = await this.requireVisible(principal, draftId);
    await this.requireAllowed(principal, d.caseId, CaseAction.APPROVE);
    if (d.status === DraftStatus.APPROVED) throw new DraftException(DraftErrorReason.DRAFT_APPROVED, 'The draft is already approved');
    if (versionNumber !== d.currentVersion) {
      throw new DraftException(DraftErrorReason.VERSION_CONFLICT, `The draft is at version ${d.currentVersion}, not ${versionNumber}`, { currentVersion: d.currentVersion });
    }
    const { first, approved, gate } = await this.checkVersion(d, versionNumber);
    if (!gate.ok) {
      throw new DraftException(
        DraftErrorReason.UNANCHORED_CONTENT,
        `${gate.offending.length} sentence(s) block approval: machine-made text without a valid source, or citations not in the case documents`,
        { offending: gate.offending },
      );
    }
    const diff = diffDrafts(first.text, approved.text);
    const now = new Date();
    return this.repo.transaction(async (m) => {
      const approval = { approvedBy: principal.userId, approvedAt: now, approvalDiff: JSON.stringify(diff), approvedSha256: approved.sha256 };
      if (!(await this.repo.approve(m, d.id, versionNumber, approval))) {
        throw new DraftException(DraftErrorReason.VERSION_CONFLICT, 'The draft was changed meanwhile');
      }
      await this.audit.record(
        {
          action: AuditAction.Approval,
          actor: { id: principal.userId, role: principal.role },
          caseId: d.caseId,
          details: { draftId: d.id, version: versionNumber, diff: diff.counts, identical: diff.identical },
          inputHashes: [first.sha256],
          outputHash: approved.sha256,
          template: { id: d.templateId, version: d.templateVersion },
        },
        m,
      );
      return (await this.repo.findById(d.id, m)) as DraftEntity;
    });
  }

  /** The approved draft as a DOCX or PDF file with the disclosure line; recorded in the ledger. */
  async export(principal: Principal, draftId: string, format: ExportFormat): Promise<ExportedDraft> {
    return this.exporter.export(principal, await this.requireVisible(principal, draftId), format);
  }

  /** A visible draft, or null (missing and invisible are the same answer). */
  async find(principal: Principal, id: string): Promise<DraftEntity | null> {
    const d = await this.repo.findById(id);
    if (!d || !(await this.access.findVisibleCase(principal, d.caseId))) return null;
    return d;
  }

  /** Drafts of a visible case, newest first; empty for a missing or invisible case. */
  async list(principal: Principal, caseId: string): Promise<DraftEntity[]> {
    const c = await this.access.findVisibleCase(principal, caseId);
    if (!c) return [];
    return this.repo.ofCases([c.id]);
  }

  /** Drafts of cases the caller already sees (batched `Case.drafts`). */
  ofCases(caseIds: readonly string[]): Promise<DraftEntity[]> {
    return this.repo.ofCases(caseIds);
  }

  /** Versions of drafts the caller already holds (batched), oldest first. */
  versionsOf(draftIds: readonly string[]): Promise<DraftVersionEntity[]> {
    return this.repo.versionsOf(draftIds);
  }

  private async requireVisible(principal: Principal, id: string, m?: EntityManager): Promise<DraftEntity> {
    const d = await this.repo.findById(id, m);
    if (!d || !(await this.access.findVisibleCase(principal, d.caseId))) throw draftNotFound();
    return d;
  }

  /** Asks the case-access policy; refusals keep the drafting feature's own reason and wording. */
  private async requireAllowed(principal: Principal, caseId: string, action: CaseAction): Promise<void> {
    if (this.access.allows(principal, action, await this.access.isAssigned(principal, caseId))) return;
    throw new DraftException(
      DraftErrorReason.NOT_ALLOWED,
      action === CaseAction.APPROVE ? 'Only a judge assigned to the case may approve a draft' : 'Only clerks and judges draft and edit',
    );
  }

  private template(id: string, version?: string | null): Template {
    if (!this.templates.has(id, version ?? undefined)) {
      throw new DraftException(DraftErrorReason.TEMPLATE_NOT_FOUND, `Template ${id}${version ? `@${version}` : ''} not found`);
    }
    return version ? this.templates.get(id, version) : this.templates.latest(id);
  }
}
