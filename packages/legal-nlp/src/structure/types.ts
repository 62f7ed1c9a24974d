import type { Entity } from '../entities/index.js';
import type { Sentence } from '../segment/index.js';

/** A span of the judgment's text: `text === source.slice(start, end)` (UTF-16 offsets). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Jurisdictions of the court table. */
export type Jurisdiction = 'UK' | 'IN' | 'CN' | 'US' | 'AU';

/** One court of the court table (data/courts). */
export interface Court {
  id: string;
  name: string;
  jurisdiction: Jurisdiction;
  /** apex (court of last resort), appellate, trial or tribunal. */
  level: 'apex' | 'appellate' | 'trial' | 'tribunal' | 'other';
  aliases: string[];
  /** Neutral-citation court codes ("UKSC", "EWCA"). */
  citationCodes: string[];
  /** The court that hears appeals from this one, when there is a single one. */
  appealsTo?: string;
}

/** How the deciding court was identified, strongest first. */
export type CourtBasis = 'heading' | 'neutral_citation' | 'self_reference' | 'appeal_route';

export interface DecidingCourt {
  court: Court;
  basis: CourtBasis;
  /** 0..1: heading 0.95, neutral citation 0.95, "this Court" named 0.9, appeal route 0.8. */
  confidence: number;
  /** The evidence in words ("named on the heading line", "appeal from the High Court of Bombay, heard by this Court"). */
  reason: string;
  sources: Span[];
}

export type PartyRole =
  | 'appellant'
  | 'respondent'
  | 'petitioner'
  | 'claimant'
  | 'defendant'
  | 'plaintiff'
  | 'applicant'
  | 'intervener'
  | 'accused'
  | 'complainant';

export interface PartyMention {
  name: string;
  role?: PartyRole;
  /** Where it was read: the parties block of the header ("Between … and …", role lines, title) or the body. */
  from: 'header' | 'title' | 'body';
  source: Span;
}

export interface JudgmentHeader {
  /** The header block before the judgment proper (empty span at 0 when there is none). */
  span: Span;
  /** Court named on a heading line of the header (not the court appealed from). */
  court: { court: Court; source: Span } | null;
  /** Court appealed from ("Appeal from the High Court of Judicature, Bombay"). */
  lowerCourt: { court: Court | null; source: Span } | null;
  neutralCitation: Span | null;
  caseNumbers: Span[];
  /** Date of judgment (ISO 8601) with its source, when the header states it. */
  date: { iso: string; source: Span } | null;
  parties: PartyMention[];
}

/** How a judge was found to be sitting. */
export type BenchEvidence = 'coram' | 'heading' | 'delivered_by' | 'signature' | 'with_whom' | 'agreement';

export interface BenchMember {
  /** Display name with title: "Lord Phillips", "Lady Hale", "Mehr Chand Mahajan J". */
  name: string;
  /** Lower-case surname used to match mentions of the same judge ("phillips", "mahajan"). */
  key: string;
  evidence: BenchEvidence[];
  sources: Span[];
}

export type OpinionKind = 'majority' | 'concurrence' | 'dissent' | 'unknown';

export type Vote = 'allowed' | 'dismissed' | 'partly_allowed';

export interface Opinion {
  /** Judges giving the opinion (keys of `bench`); empty when the text does not say. */
  judges: string[];
  /** Judges stated to agree with it ("with whom Lord Mance agrees"). */
  joinedBy: string[];
  /** The judgment of the whole court ("The judgment of the Court was delivered by …", "This is a judgment of the Court"). */
  ofTheCourt: boolean;
  heading: Span | null;
  start: number;
  end: number;
  kind: OpinionKind;
  /** Why the kind was given ("heading says dissenting", "votes to dismiss against the majority to allow", …). */
  kindReason: string;
  /** The opinion's own vote on the appeal, from its last disposition sentence. */
  vote: Vote | null;
  voteSentence: number | null;
}

/** Dispositions of a case. */
export type Disposition =
  | 'allowed'
  | 'partly_allowed'
  | 'dismissed'
  | 'set_aside'
  | 'remitted'
  | 'granted'
  | 'refused'
  | 'no_order'
  | 'order_accordingly';

export interface CourtDisposition {
  disposition: Disposition;
  /** Further orders stated in the same sentence ("allowed … and the matter remitted"). */
  also: Disposition[];
  /** Index of the sentence stating it (into `sentences`). */
  sentence: number;
  source: Span;
  /** 'order': a closing order line ("Appeal allowed.") or order section; 'court_opinion': the judgment of the court;
   * 'majority': the lead opinion of the majority of votes. */
  basis: 'order' | 'court_opinion' | 'majority';
  confidence: number;
  /** Opinion the sentence belongs to, or null for an order line outside the opinions. */
  opinion: number | null;
}

/**
 * What a sentence is, for the summarizer's features and filters. Structural roles win over opinion roles:
 * header, heading, furniture (page numbers, running heads, reporters' initials), citation_only, quotation
 * (block quotation of a judgment, statute or document), submission (counsel's arguments as reported),
 * order (the court's disposition and consequential orders); otherwise by the opinion it belongs to:
 * dissent, concurrence, or, in the majority (or unknown) opinion, facts or majority (reasoning).
 */
export type SentenceRole =
  | 'header'
  | 'heading'
  | 'furniture'
  | 'citation_only'
  | 'quotation'
  | 'submission'
  | 'order'
  | 'dissent'
  | 'concurrence'
  | 'facts'
  | 'majority';

export const SENTENCE_ROLES: readonly SentenceRole[] = [
  'header',
  'heading',
  'furniture',
  'citation_only',
  'quotation',
  'submission',
  'order',
  'dissent',
  'concurrence',
  'facts',
  'majority',
];

export interface SentenceInfo {
  index: number;
  start: number;
  end: number;
  role: SentenceRole;
  /** Index into `opinions`, or null for header and text outside opinions. */
  opinion: number | null;
  /** The kind of that opinion. */
  stance: OpinionKind | null;
}

export interface JudgmentStructure {
  header: JudgmentHeader;
  bench: BenchMember[];
  opinions: Opinion[];
  headings: Span[];
  quotations: Span[];
  citationOnly: Span[];
  furniture: Span[];
  /** The court's disposition (never a dissent's, a submission's, a lower court's or a cited case's). */
  disposition: CourtDisposition | null;
  /** The deciding court with the evidence for it. */
  court: DecidingCourt | null;
  /** Sentences (as given or from `segment`) and their roles, index-aligned. */
  sentences: Sentence[];
  roles: SentenceInfo[];
}

export interface AnalyzeOptions {
  /** Sentences of `text` (from `segment(text).sentences`); computed when absent. */
  sentences?: Sentence[];
  /** Entities of `text` (from `extractEntities(text)`); computed when absent. */
  entities?: Entity[];
}
