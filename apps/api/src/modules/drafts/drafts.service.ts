import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  applyEdit,
  checkSigningGate,
  diffDrafts,
  draftToDocx,
  draftToPdf,
  draftToText,
  editParagraph,
  PromptsError,
  renderTemplate,
  slotsFromCase,
  SlotError,
  type BriefInput,
  type Draft,
  type SlotValues,
  type SummaryInput,
  type Template,
  type TemplateRegistry,
} from '@amicus/prompts';
import { buildBrief } from '@amicus/legal-nlp';
import type { Principal } from '../../common/auth/principal.js';
import { isUniqueViolation } from '../../common/errors/graphql-error.mapper.js';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { inTransaction } from '../../database/transaction.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { CaseAccessService, CaseAction } from '../cases/case-access.service.js';
import { CaseAssignmentEntity } from '../cases/case-assignment.entity.js';
import { CaseEntity } from '../cases/case.entity.js';
import { PartyEntity } from '../cases/party.entity.js';
import type { BriefSourceType, CaseBriefType } from '../documents/dto/case-brief.type.js';
import { DocumentsService } from '../documents/documents.service.js';
import { SummariesService } from '../summaries/summaries.service.js';
import { SummaryEntity, type StoredSummarySentence, type StoredSummarySource } from '../summaries/summary.entity.js';
import { PermanentJobError } from '../jobs/job.exception.js';
import type { JobContext, JobRecord } from '../jobs/job-queue.js';
import { JobsService } from '../jobs/jobs.service.js';
import { UserEntity, UserRole } from '../users/user.entity.js';
import { originCounts, sha256Text } from './draft-content.js';
import { DraftEntity, DraftStatus, DraftVersionEntity } from './draft.entity.js';
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

/** Job type of drafting. */
export const DRAFT_JOB = 'draft';

/** A checked `createDraft` request and who made it. */
export interface DraftJobPayload {
  caseId: string;
  templateId: string;
  templateVersion: string;
  /** The summary chosen when the job was queued; null when the case had none. */
  summaryId: string | null;
  values: string | null;
  requesterId: string;
  requesterRole?: string | null;
}

export interface DraftJobResult {
  draftId: string;
}

interface Rendered {
  draft: Draft;
  inputHashes: string[];
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

export type ExportFormat = 'docx' | 'pdf';

const MEDIA_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * Drafting: drafts made from versioned templates, filled from the case record, its latest (or a
 * chosen) summary and the brief; versions with optimistic concurrency; approval by a judge assigned
 * to the case after the signing gate; export of approved drafts. Every read and change goes through
 * the case-access policy (a draft of an invisible case is answered as a missing one), and every
 * generation, edit, approval and export is recorded in the ledger.
 */
@Injectable()
export class DraftsService {
  constructor(
    @Inject(TEMPLATES) private readonly templates: TemplateRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: CaseAccessService,
    private readonly documents: DocumentsService,
    private readonly summaries: SummariesService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly dataSource: DataSource,
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
    await this.render(c, template, summary, payload.values);
    return this.jobs.enqueueFor(principal, DRAFT_JOB, payload, { caseId: c.id });
  }

  /**
   * Runs a `draft` job: renders the template and stores the draft, its first version and its ledger
   * entry in one transaction keyed by the job id; a job run again after a crash finds its draft and
   * stores nothing twice.
   */
  async generate(job: JobContext<DraftJobPayload>): Promise<DraftJobResult> {
    const p = job.payload;
    if (!p || typeof p.caseId !== 'string' || typeof p.templateId !== 'string' || typeof p.templateVersion !== 'string' || typeof p.requesterId !== 'string') {
      throw new PermanentJobError('INVALID_PAYLOAD', 'The draft job needs a caseId, a template and a requester');
    }
    const done = await this.dataSource.getRepository(DraftEntity).findOneBy({ jobId: job.id });
    if (done) return { draftId: done.id };

    await job.progress(10, 'reading the case');
    const c = await this.dataSource.getRepository(CaseEntity).findOneBy({ id: p.caseId });
    if (!c) throw new PermanentJobError('CASE_NOT_FOUND', 'The case no longer exists');
    if (!this.templates.has(p.templateId, p.templateVersion)) {
      throw new PermanentJobError(DraftErrorReason.TEMPLATE_NOT_FOUND, `Template ${p.templateId}@${p.templateVersion} not found`);
    }
    const template = this.templates.get(p.templateId, p.templateVersion);
    const summary = p.summaryId ? await this.dataSource.getRepository(SummaryEntity).findOneBy({ id: p.summaryId }) : null;
    if (p.summaryId && (!summary || summary.caseId !== c.id)) throw new PermanentJobError(DraftErrorReason.SUMMARY_NOT_FOUND, 'Summary not found');

    job.throwIfCancelled();
    await job.progress(40, 'rendering');
    let rendered: Rendered;
    try {
      rendered = await this.render(c, template, summary, p.values);
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
        const stored = await inTransaction(this.dataSource, async (m) => {
          const existing = await m.findOneBy(DraftEntity, { jobId: job.id });
          if (existing) return existing;
          await m.insert(DraftEntity, entity);
          await m.insert(DraftVersionEntity, version);
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

  /** Fills the template from the case record, the summary (or the brief of the case's documents) and the values. */
  private async render(c: CaseEntity, template: Template, summary: SummaryEntity | null, rawValues: string | null | undefined): Promise<Rendered> {
    const values = parseValues(rawValues);
    let brief: BriefInput | undefined;
    let inputHashes: string[];
    if (summary) {
      brief = briefInput(JSON.parse(summary.brief) as CaseBriefType);
      inputHashes = (JSON.parse(summary.sources) as StoredSummarySource[]).map((s) => s.sha256);
    } else {
      const documents = await this.documents.caseTexts(c.id);
      brief = documents.length > 0 ? buildBrief(documents.map((d) => ({ documentId: d.documentId, text: d.text }))) : undefined;
      inputHashes = documents.map((d) => d.sha256);
    }
    const caseRecord = await this.caseRecord(c);
    try {
      const filled = slotsFromCase({ caseRecord, ...(brief ? { brief } : {}), ...(summary ? { summary: summaryInput(summary) } : {}) }, template);
      return { draft: renderTemplate(template, { ...filled, ...values }), inputHashes };
    } catch (error) {
      if (error instanceof SlotError) {
        throw new DraftException(DraftErrorReason.INVALID_SLOTS, error.message, { missing: error.missing, invalid: error.invalid });
      }
      throw error;
    }
  }

  async update(principal: Principal, req: UpdateDraftRequest): Promise<DraftEntity> {
    const hasText = typeof req.text === 'string';
    const hasParagraphs = Array.isArray(req.paragraphs) && req.paragraphs.length > 0;
    if (hasText === hasParagraphs) throw new DraftException(DraftErrorReason.INVALID_EDIT, 'Give either text or paragraphs');
    return inTransaction(this.dataSource, async (m) => {
      const d = await this.requireVisible(principal, req.draftId, m);
      await this.requireAllowed(principal, d.caseId, CaseAction.EDIT_DRAFT);
      if (d.status === DraftStatus.APPROVED) throw new DraftException(DraftErrorReason.DRAFT_APPROVED, 'The draft is approved and can no longer be changed');
      if (req.baseVersion !== d.currentVersion) {
        throw new DraftException(DraftErrorReason.VERSION_CONFLICT, `The draft is at version ${d.currentVersion}, not ${req.baseVersion}`, { currentVersion: d.currentVersion });
      }
      const base = await m.findOneByOrFail(DraftVersionEntity, { draftId: d.id, version: d.currentVersion });
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
      // the base version in the WHERE clause settles two editors racing from the same base
      const moved = await m.update(DraftEntity, { id: d.id, currentVersion: d.currentVersion, status: DraftStatus.DRAFT }, { currentVersion: next, updatedAt: now });
      if (!moved.affected) throw new DraftException(DraftErrorReason.VERSION_CONFLICT, 'The draft was changed meanwhile');
      await m.insert(DraftVersionEntity, version);
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

  async approve(principal: Principal, draftId: string, versionNumber: number): Promise<DraftEntity> {
    const d = await this.requireVisible(principal, draftId);
    await this.requireAllowed(principal, d.caseId, CaseAction.APPROVE);
    if (d.status === DraftStatus.APPROVED) throw new DraftException(DraftErrorReason.DRAFT_APPROVED, 'The draft is already approved');
    if (versionNumber !== d.currentVersion) {
      throw new DraftException(DraftErrorReason.VERSION_CONFLICT, `The draft is at version ${d.currentVersion}, not ${versionNumber}`, { currentVersion: d.currentVersion });
    }
    const [first, approved] = await Promise.all([
      this.dataSource.getRepository(DraftVersionEntity).findOneByOrFail({ draftId: d.id, version: 1 }),
      this.dataSource.getRepository(DraftVersionEntity).findOneByOrFail({ draftId: d.id, version: versionNumber }),
    ]);
    const draft = JSON.parse(approved.content) as Draft;
    const caseDocuments = (await this.documents.caseTexts(d.caseId)).map((t) => ({ documentId: t.documentId, text: t.text }));
    const gate = checkSigningGate(draft, caseDocuments);
    if (!gate.ok) {
      throw new DraftException(
        DraftErrorReason.UNANCHORED_CONTENT,
        `${gate.offending.length} sentence(s) block approval: machine-made text without a valid source, or citations not in the case documents`,
        { offending: gate.offending },
      );
    }
    const diff = diffDrafts(first.text, approved.text);
    const now = new Date();
    return inTransaction(this.dataSource, async (m) => {
      const moved = await m.update(
        DraftEntity,
        { id: d.id, currentVersion: versionNumber, status: DraftStatus.DRAFT },
        {
          status: DraftStatus.APPROVED,
          approvedVersion: versionNumber,
          approvedBy: principal.userId,
          approvedAt: now,
          approvalDiff: JSON.stringify(diff),
          approvedSha256: approved.sha256,
          updatedAt: now,
        },
      );
      if (!moved.affected) throw new DraftException(DraftErrorReason.VERSION_CONFLICT, 'The draft was changed meanwhile');
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
      return (await m.findOneByOrFail(DraftEntity, { id: d.id }));
    });
  }

  /** The approved draft as a DOCX or PDF file with the disclosure line; recorded in the ledger. */
  async export(principal: Principal, draftId: string, format: ExportFormat): Promise<{ draft: DraftEntity; bytes: Buffer; mediaType: string; fileName: string }> {
    const d = await this.requireVisible(principal, draftId);
    if (d.status !== DraftStatus.APPROVED || d.approvedVersion === null) {
      throw new DraftException(DraftErrorReason.DRAFT_NOT_APPROVED, 'Only an approved draft can be exported');
    }
    const version = await this.dataSource.getRepository(DraftVersionEntity).findOneByOrFail({ draftId: d.id, version: d.approvedVersion });
    const c = await this.dataSource.getRepository(CaseEntity).findOneByOrFail({ id: d.caseId });
    const approver = d.approvedBy ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: d.approvedBy }) : null;
    const draft = JSON.parse(version.content) as Draft;
    const options = {
      court: c.court,
      caseNumber: c.docketNumber,
      ...(approver ? { author: approver.displayName } : {}),
      ...(this.config.disclosureText ? { disclosure: this.config.disclosureText } : {}),
    };
    const bytes = format === 'docx' ? await draftToDocx(draft, options) : await draftToPdf(draft, options);
    await this.audit.record({
      action: AuditAction.Export,
      actor: { id: principal.userId, role: principal.role },
      caseId: d.caseId,
      details: { draftId: d.id, version: d.approvedVersion, format, bytes: bytes.byteLength },
      inputHashes: [version.sha256],
      outputHash: sha256Text(bytes),
      template: { id: d.templateId, version: d.templateVersion },
    });
    const base = `${c.docketNumber}-${d.templateId}-v${d.approvedVersion}`.replace(/[^A-Za-z0-9._-]+/g, '_');
    return { draft: d, bytes, mediaType: MEDIA_TYPES[format], fileName: `${base}.${format}` };
  }

  /** A visible draft, or null (missing and invisible are the same answer). */
  async find(principal: Principal, id: string): Promise<DraftEntity | null> {
    const d = await this.dataSource.getRepository(DraftEntity).findOneBy({ id });
    if (!d || !(await this.access.findVisibleCase(principal, d.caseId))) return null;
    return d;
  }

  /** Drafts of a visible case, newest first; empty for a missing or invisible case. */
  async list(principal: Principal, caseId: string): Promise<DraftEntity[]> {
    const c = await this.access.findVisibleCase(principal, caseId);
    if (!c) return [];
    return this.dataSource.getRepository(DraftEntity).find({ where: { caseId: c.id }, order: { createdAt: 'DESC' } });
  }

  /** Drafts of cases the caller already sees (batched `Case.drafts`). */
  ofCases(caseIds: readonly string[]): Promise<DraftEntity[]> {
    return this.dataSource.getRepository(DraftEntity).find({ where: { caseId: In([...caseIds]) }, order: { createdAt: 'DESC' } });
  }

  /** Versions of drafts the caller already holds (batched), oldest first. */
  versionsOf(draftIds: readonly string[]): Promise<DraftVersionEntity[]> {
    return this.dataSource.getRepository(DraftVersionEntity).find({ where: { draftId: In([...draftIds]) }, order: { version: 'ASC' } });
  }

  private async requireVisible(principal: Principal, id: string, m?: EntityManager): Promise<DraftEntity> {
    const d = await (m ?? this.dataSource.manager).findOneBy(DraftEntity, { id });
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

  private async caseRecord(c: CaseEntity) {
    const parties = await this.dataSource.getRepository(PartyEntity).find({ where: { caseId: c.id }, order: { createdAt: 'ASC' } });
    const judge = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoin(CaseAssignmentEntity, 'a', 'a.userId = u.id')
      .where('a.caseId = :caseId AND u.role = :role', { caseId: c.id, role: UserRole.JUDGE })
      .orderBy('a.createdAt', 'ASC')
      .getOne();
    return {
      docketNumber: c.docketNumber,
      title: c.title,
      court: c.court,
      caseType: c.caseType,
      filedDate: c.filedDate,
      parties: parties.map((p) => ({ name: p.name, role: p.role.replace(/_/g, ' '), counsel: p.counsel })),
      ...(judge ? { judge: judge.displayName } : {}),
    };
  }
}

function versionOf(draftId: string, version: number, draft: Draft, change: string, authorId: string, at: Date): DraftVersionEntity {
  const text = draftToText(draft);
  const counts = originCounts(draft);
  return Object.assign(new DraftVersionEntity(), {
    draftId,
    version,
    content: JSON.stringify(draft),
    text,
    sha256: sha256Text(text),
    change,
    authorId,
    recordSentences: counts.record,
    machineSentences: counts.machine,
    humanSentences: counts.human,
    createdAt: at,
  });
}

function parseValues(values: string | null | undefined): SlotValues {
  if (values === null || values === undefined || values.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(values);
  } catch {
    throw new DraftException(DraftErrorReason.INVALID_SLOTS, 'values must be a JSON object of slot values');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new DraftException(DraftErrorReason.INVALID_SLOTS, 'values must be a JSON object of slot values');
  }
  return parsed as SlotValues;
}

/** The stored brief (GraphQL shape, nulls for absent values) as drafting's input. */
export function briefInput(b: CaseBriefType): BriefInput {
  const span = (s: BriefSourceType) => ({
    ...(s.documentId ? { documentId: s.documentId } : {}),
    start: s.start,
    end: s.end,
    text: s.text,
    ...(s.page !== null && s.page !== undefined ? { page: s.page } : {}),
  });
  return {
    issues: b.issues.map((i) => ({ value: i.value, sources: i.sources.map(span) })),
    timeline: b.timeline.map((e) => ({ date: e.date, event: e.event, sources: e.sources.map(span) })),
    authorities: b.authorities.map((a) => ({ ...(a.caseName ? { caseName: a.caseName } : {}), citations: a.citations, citedAt: a.citedAt.map(span) })),
  };
}

/** Summary sentences as drafting's input; paragraphs of different documents never merge. */
export function summaryInput(s: SummaryEntity): SummaryInput {
  const sentences = JSON.parse(s.sentences) as StoredSummarySentence[];
  const docIndex = new Map<string, number>();
  for (const t of sentences) if (!docIndex.has(t.documentId)) docIndex.set(t.documentId, docIndex.size);
  return {
    sentences: sentences.map((t) => ({
      text: t.text,
      start: t.start,
      end: t.end,
      documentId: t.documentId,
      page: t.page,
      paragraph: (docIndex.get(t.documentId) ?? 0) * 1_000_000 + t.paragraph,
    })),
  };
}
