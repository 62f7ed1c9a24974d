import type { BenchEvidence, CourtBasis, Disposition, Jurisdiction } from '../structure/types.js';

/** Where a fact comes from: a span of one document's text. */
export interface SourceSpan {
  documentId?: string;
  start: number;
  end: number;
  text: string;
}

export interface BriefDocument {
  documentId?: string;
  text: string;
}

export interface BriefCourt {
  name: string;
  /** Id in the court table (`uksc`, `insc`, `us-scotus`, …). */
  courtId: string;
  jurisdiction: Jurisdiction;
  /** How the deciding court was found: a heading of the header, the judgment's own neutral citation, the text
   * naming itself ("appeal to the Supreme Court", "this House"), or the route of appeal (from a court whose
   * appeals go to one court). Never the court mentioned most. */
  basis: CourtBasis;
  /** 0..1. */
  confidence: number;
  /** The evidence in words. */
  reason: string;
  sources: SourceSpan[];
}

/** A field of the brief left empty, with the reason. */
export interface BriefMissing {
  field: 'court' | 'parties' | 'bench' | 'outcome';
  reason: string;
}

export interface BriefValue {
  value: string;
  sources: SourceSpan[];
}

export interface BriefParty {
  name: string;
  role?: string;
  /** 0..1: a parties block or role line of the header 0.9, a title line 0.85, a role stated in the body 0.7. */
  confidence: number;
  sources: SourceSpan[];
}

export interface BriefJudge {
  name: string;
  /** True when the judge sits on this case (heading, "delivered by", "with whom ... agree"); false for judges only mentioned. */
  bench: boolean;
  /** 0..1 that the judge sat: heading, coram, "delivered by", signature or "with whom" 0.95; only named as agreed with 0.7; 0 when only mentioned. */
  confidence: number;
  /** How the judge was found to sit (empty for judges only mentioned). */
  evidence: BenchEvidence[];
  mentions: number;
  sources: SourceSpan[];
}

export interface TimelineEvent {
  /** ISO 8601: YYYY-MM-DD, or YYYY-MM when only the month is given. */
  date: string;
  /** The date as written. */
  dateText: string;
  /** The sentence in which the date occurs. */
  event: string;
  sources: SourceSpan[];
}

export type { Disposition };

export interface BriefOutcome {
  disposition: Disposition;
  /** Further orders in the same sentence or closing line ("remitted", "set_aside"). */
  also: Disposition[];
  /** 'order': the order of the court (a closing line such as "Appeal allowed.", confirmed by the majority's sentence);
   * 'court_opinion': the judgment of the court; 'majority': the lead opinion of the majority. */
  basis: 'order' | 'court_opinion' | 'majority';
  confidence: number;
  /** The sentence that states the outcome. */
  text: string;
  sources: SourceSpan[];
}

export interface BriefAuthority {
  caseName?: string;
  /** Every citation given for the case (parallel reports), normalised, in order of first appearance. */
  citations: string[];
  /** Times cited, short forms (Id., ibid, supra) included. */
  count: number;
  citedAt: SourceSpan[];
}

export interface BriefStatute {
  /** The instrument ("Income-tax Act, 1922", "Constitution"), or the whole reference when it has no separate instrument. */
  instrument: string;
  /** Provisions cited ("section 66", "Article 14"), in order of first appearance. */
  provisions: string[];
  count: number;
  citedAt: SourceSpan[];
}

export interface CaseBrief {
  court: BriefCourt | null;
  caseNumbers: BriefValue[];
  parties: BriefParty[];
  judges: BriefJudge[];
  timeline: TimelineEvent[];
  issues: BriefValue[];
  outcome: BriefOutcome | null;
  /** Fields left empty and why (court, parties, bench, outcome). */
  missing: BriefMissing[];
  authorities: BriefAuthority[];
  statutes: BriefStatute[];
}

export interface BriefOptions {
  /** Most timeline events kept (earliest first); default 60. */
  maxTimelineEvents?: number;
  /** Most issue sentences kept; default 8. */
  maxIssues?: number;
}
