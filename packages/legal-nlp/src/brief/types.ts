import type { Disposition } from '../structure/types.js';

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
  /** How the court was found: a heading near the top, the document's own neutral citation, or the most mentions. */
  basis: 'heading' | 'citation' | 'mentions';
  sources: SourceSpan[];
}

export interface BriefValue {
  value: string;
  sources: SourceSpan[];
}

export interface BriefParty {
  name: string;
  role?: string;
  sources: SourceSpan[];
}

export interface BriefJudge {
  name: string;
  /** True when the judge sits on this case (heading, "delivered by", "with whom ... agree"); false for judges only mentioned. */
  bench: boolean;
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
  authorities: BriefAuthority[];
  statutes: BriefStatute[];
}

export interface BriefOptions {
  /** Most timeline events kept (earliest first); default 60. */
  maxTimelineEvents?: number;
  /** Most issue sentences kept; default 8. */
  maxIssues?: number;
}
