import { Injectable } from '@nestjs/common';
import { SlotError, type BriefInput, type Draft, type SlotValues, type SummaryInput, type Template } from '@amicus/prompts';
import type { CaseEntity } from '../cases/case.entity.js';
import { CasesService } from '../cases/cases.service.js';
import { CpuPool } from '../cpu-pool/cpu-pool.service.js';
import type { BriefSourceType, CaseBriefType } from '../documents/dto/case-brief.type.js';
import { DocumentsService } from '../documents/documents.service.js';
import type { StoredSummarySentence, StoredSummarySource, SummaryEntity } from '../summaries/summary.entity.js';
import { UserRole } from '../users/user.entity.js';
import { DraftErrorReason, DraftException } from './drafts.exception.js';

export interface Rendered {
  draft: Draft;
  /** sha256 of every document the draft was made from (recorded in the ledger). */
  inputHashes: string[];
}

/**
 * Fills a template from the case record, the summary (or, without one, the brief of the case's
 * documents) and the values the user gave. Used when a draft is asked for (to answer bad input at
 * once) and by the `draft` job.
 */
@Injectable()
export class DraftRenderer {
  constructor(
    private readonly cases: CasesService,
    private readonly documents: DocumentsService,
    private readonly cpu: CpuPool,
  ) {}

  async render(c: CaseEntity, template: Template, summary: SummaryEntity | null, rawValues: string | null | undefined): Promise<Rendered> {
    const values = parseValues(rawValues);
    let brief: BriefInput | undefined;
    let inputHashes: string[];
    if (summary) {
      brief = briefInput(JSON.parse(summary.brief) as CaseBriefType);
      inputHashes = (JSON.parse(summary.sources) as StoredSummarySource[]).map((s) => s.sha256);
    } else {
      const documents = await this.documents.caseTexts(c.id);
      brief = documents.length > 0 ? await this.cpu.run('brief', { documents: documents.map((d) => ({ documentId: d.documentId, text: d.text })) }) : undefined;
      inputHashes = documents.map((d) => d.sha256);
    }
    const caseRecord = await this.caseRecord(c);
    try {
      const caseInput = { caseRecord, ...(brief ? { brief } : {}), ...(summary ? { summary: summaryInput(summary) } : {}) };
      return { draft: await this.cpu.run('renderDraft', { template, caseInput, values }), inputHashes };
    } catch (error) {
      if (error instanceof SlotError) {
        throw new DraftException(DraftErrorReason.INVALID_SLOTS, error.message, { missing: error.missing, invalid: error.invalid });
      }
      throw error;
    }
  }

  /** The case as templates see it: parties in the order they were added, the first judge assigned. */
  private async caseRecord(c: CaseEntity) {
    const [parties, assignees] = await Promise.all([this.cases.partiesOfCases([c.id]), this.cases.assigneesOfCases([c.id])]);
    const judge = assignees.find((a) => a.user.role === UserRole.JUDGE)?.user;
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
      paragraph: (docIndex.get(t.documentId) ?? 0) * 1_000_000 + (t.paragraphIndex ?? t.paragraph ?? 0),
    })),
  };
}
