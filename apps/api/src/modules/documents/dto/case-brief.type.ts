import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CaseBrief, SourceSpan } from '@amicus/legal-nlp';

@ObjectType('BriefSource', { description: 'Where a fact of a brief comes from: a span of one document’s text.' })
export class BriefSourceType {
  @Field(() => ID, { nullable: true, description: 'The document.' })
  documentId: string | null;

  @Field(() => Int, { nullable: true, description: 'Page of the document the span starts on.' })
  page: number | null;

  @Field(() => Int, { description: 'Offset (UTF-16) of the first character in the document text (`Document.text`).' })
  start: number;

  @Field(() => Int, { description: 'Offset just after the last character.' })
  end: number;

  @Field({ description: 'The text of the span.' })
  text: string;
}

@ObjectType('BriefCourt', { description: 'The court that decided the case (never merely the court mentioned most).' })
export class BriefCourtType {
  @Field({ description: 'Name of the court.' })
  name: string;

  @Field({ description: 'Id of the court in the court table (uksc, insc, us-scotus, …).' })
  courtId: string;

  @Field({ description: 'Jurisdiction of the court: UK, IN, CN, US or AU.' })
  jurisdiction: string;

  @Field({ description: 'How it was found: heading, neutral_citation, self_reference or appeal_route.' })
  basis: string;

  @Field(() => Float, { description: 'Confidence, 0 to 1.' })
  confidence: number;

  @Field({ description: 'The evidence in words.' })
  reason: string;

  @Field(() => [BriefSourceType], { description: 'Sources.' })
  sources: BriefSourceType[];
}

@ObjectType('BriefValue', { description: 'A value of a brief (a case number, an issue) with its sources.' })
export class BriefValueType {
  @Field({ description: 'The value.' })
  value: string;

  @Field(() => [BriefSourceType], { description: 'Sources.' })
  sources: BriefSourceType[];
}

@ObjectType('BriefParty', { description: 'A party named in the documents.' })
export class BriefPartyType {
  @Field({ description: 'Name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Role (appellant, respondent, plaintiff …) when stated.' })
  role: string | null;

  @Field(() => Float, { description: 'Confidence, 0 to 1 (parties block 0.9, title 0.85, role stated in the body 0.7).' })
  confidence: number;

  @Field(() => [BriefSourceType], { description: 'Sources.' })
  sources: BriefSourceType[];
}

@ObjectType('BriefJudge', { description: 'A judge named in the documents.' })
export class BriefJudgeType {
  @Field({ description: 'Name.' })
  name: string;

  @Field({ description: 'Whether the judge sits on this case (rather than being mentioned).' })
  bench: boolean;

  @Field(() => Float, { description: 'Confidence, 0 to 1, that the judge sat (0 for judges only mentioned).' })
  confidence: number;

  @Field(() => [String], { description: 'How the judge was found to sit: coram, heading, delivered_by, signature, with_whom, agreement.' })
  evidence: string[];

  @Field(() => Int, { description: 'Times mentioned.' })
  mentions: number;

  @Field(() => [BriefSourceType], { description: 'Sources.' })
  sources: BriefSourceType[];
}

@ObjectType('BriefTimelineEvent', { description: 'A dated event, with the sentence stating it.' })
export class BriefTimelineEventType {
  @Field({ description: 'ISO 8601 date (YYYY-MM-DD, or YYYY-MM when only the month is given).' })
  date: string;

  @Field({ description: 'The date as written.' })
  dateText: string;

  @Field({ description: 'The sentence in which the date occurs.' })
  event: string;

  @Field(() => [BriefSourceType], { description: 'Sources.' })
  sources: BriefSourceType[];
}

@ObjectType('BriefOutcome', { description: 'The outcome or disposition.' })
export class BriefOutcomeType {
  @Field({ description: 'allowed, partly_allowed, dismissed, set_aside, remitted, granted, refused, no_order or order_accordingly.' })
  disposition: string;

  @Field(() => [String], { description: 'Further orders stated with it (remitted, set_aside, …).' })
  also: string[];

  @Field({ description: 'order (the order of the court), court_opinion (the judgment of the court) or majority (the lead opinion of the majority).' })
  basis: string;

  @Field(() => Float, { description: 'Confidence, 0 to 1.' })
  confidence: number;

  @Field({ description: 'The sentence that states the outcome.' })
  text: string;

  @Field(() => [BriefSourceType], { description: 'Sources.' })
  sources: BriefSourceType[];
}

@ObjectType('BriefMissing', { description: 'A field of the brief left empty, with the reason (rather than a guess).' })
export class BriefMissingType {
  @Field({ description: 'court, parties, bench or outcome.' })
  field: string;

  @Field({ description: 'Why it is empty.' })
  reason: string;
}

@ObjectType('BriefAuthority', { description: 'A case cited, deduplicated over its parallel citations and short forms.' })
export class BriefAuthorityType {
  @Field(() => String, { nullable: true, description: 'Case name when written beside the citation.' })
  caseName: string | null;

  @Field(() => [String], { description: 'Normalised citations, in order of first appearance.' })
  citations: string[];

  @Field(() => Int, { description: 'Times cited (short forms included).' })
  count: number;

  @Field(() => [BriefSourceType], { description: 'Where it is cited.' })
  citedAt: BriefSourceType[];
}

@ObjectType('BriefStatute', { description: 'A statute or instrument cited, with the provisions cited.' })
export class BriefStatuteType {
  @Field({ description: 'The instrument, such as "Income-tax Act, 1922".' })
  instrument: string;

  @Field(() => [String], { description: 'Provisions cited, such as "section 66".' })
  provisions: string[];

  @Field(() => Int, { description: 'Times cited.' })
  count: number;

  @Field(() => [BriefSourceType], { description: 'Where it is cited.' })
  citedAt: BriefSourceType[];
}

@ObjectType('CaseBrief', { description: 'Structured facts of a case drawn from its extracted documents; every field carries its sources.' })
export class CaseBriefType {
  @Field(() => [ID], { description: 'Documents the brief was built from (those whose extraction is done), oldest first.' })
  documentIds: string[];

  @Field(() => BriefCourtType, { nullable: true, description: 'The court.' })
  court: BriefCourtType | null;

  @Field(() => [BriefValueType], { description: 'Case and docket numbers.' })
  caseNumbers: BriefValueType[];

  @Field(() => [BriefPartyType], { description: 'Parties with roles.' })
  parties: BriefPartyType[];

  @Field(() => [BriefJudgeType], { description: 'Judges.' })
  judges: BriefJudgeType[];

  @Field(() => [BriefTimelineEventType], { description: 'Key dates, earliest first.' })
  timeline: BriefTimelineEventType[];

  @Field(() => [BriefValueType], { description: 'Issues for decision.' })
  issues: BriefValueType[];

  @Field(() => BriefOutcomeType, { nullable: true, description: 'Outcome: the disposition of the court (majority), never a dissent\'s or a cited case\'s.' })
  outcome: BriefOutcomeType | null;

  @Field(() => [BriefMissingType], { description: 'Fields left empty (court, parties, bench, outcome) and why.' })
  missing: BriefMissingType[];

  @Field(() => [BriefAuthorityType], { description: 'Authorities cited.' })
  authorities: BriefAuthorityType[];

  @Field(() => [BriefStatuteType], { description: 'Statutes and provisions cited.' })
  statutes: BriefStatuteType[];
}

/** Maps a legal-nlp brief to the GraphQL type; `pageOf` gives the page of an offset in a document. */
export function toCaseBriefType(brief: CaseBrief, documentIds: string[], pageOf: (documentId: string | undefined, offset: number) => number | null): CaseBriefType {
  const src = (spans: SourceSpan[]): BriefSourceType[] =>
    spans.map((s) => ({ documentId: s.documentId ?? null, page: pageOf(s.documentId, s.start), start: s.start, end: s.end, text: s.text }));
  return {
    documentIds,
    court: brief.court
      ? {
          name: brief.court.name,
          courtId: brief.court.courtId,
          jurisdiction: brief.court.jurisdiction,
          basis: brief.court.basis,
          confidence: brief.court.confidence,
          reason: brief.court.reason,
          sources: src(brief.court.sources),
        }
      : null,
    caseNumbers: brief.caseNumbers.map((v) => ({ value: v.value, sources: src(v.sources) })),
    parties: brief.parties.map((p) => ({ name: p.name, role: p.role ?? null, confidence: p.confidence, sources: src(p.sources) })),
    judges: brief.judges.map((j) => ({ name: j.name, bench: j.bench, confidence: j.confidence, evidence: j.evidence, mentions: j.mentions, sources: src(j.sources) })),
    timeline: brief.timeline.map((e) => ({ date: e.date, dateText: e.dateText, event: e.event, sources: src(e.sources) })),
    issues: brief.issues.map((v) => ({ value: v.value, sources: src(v.sources) })),
    outcome: brief.outcome
      ? {
          disposition: brief.outcome.disposition,
          also: brief.outcome.also,
          basis: brief.outcome.basis,
          confidence: brief.outcome.confidence,
          text: brief.outcome.text,
          sources: src(brief.outcome.sources),
        }
      : null,
    missing: brief.missing.map((m) => ({ field: m.field, reason: m.reason })),
    authorities: brief.authorities.map((a) => ({ caseName: a.caseName ?? null, citations: a.citations, count: a.count, citedAt: src(a.citedAt) })),
    statutes: brief.statutes.map((s) => ({ instrument: s.instrument, provisions: s.provisions, count: s.count, citedAt: src(s.citedAt) })),
  };
}
