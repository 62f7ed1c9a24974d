import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
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

@ObjectType('BriefCourt', { description: 'The court that decided or heard the case.' })
export class BriefCourtType {
  @Field({ description: 'Name of the court.' })
  name: string;

  @Field({ description: 'How it was found: heading, citation or mentions.' })
  basis: string;

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

  @Field(() => [BriefSourceType], { description: 'Sources.' })
  sources: BriefSourceType[];
}

@ObjectType('BriefJudge', { description: 'A judge named in the documents.' })
export class BriefJudgeType {
  @Field({ description: 'Name.' })
  name: string;

  @Field({ description: 'Whether the judge sits on this case (rather than being mentioned).' })
  bench: boolean;

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
  @Field({ description: 'allowed, partly_allowed, dismissed, set_aside, remitted, granted, refused or order_accordingly.' })
  disposition: string;

  @Field({ description: 'The sentence that states the outcome.' })
  text: string;

  @Field(() => [BriefSourceType], { description: 'Sources.' })
  sources: BriefSourceType[];
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

  @Field(() => BriefOutcomeType, { nullable: true, description: 'Outcome or disposition.' })
  outcome: BriefOutcomeType | null;

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
    court: brief.court ? { name: brief.court.name, basis: brief.court.basis, sources: src(brief.court.sources) } : null,
    caseNumbers: brief.caseNumbers.map((v) => ({ value: v.value, sources: src(v.sources) })),
    parties: brief.parties.map((p) => ({ name: p.name, role: p.role ?? null, sources: src(p.sources) })),
    judges: brief.judges.map((j) => ({ name: j.name, bench: j.bench, mentions: j.mentions, sources: src(j.sources) })),
    timeline: brief.timeline.map((e) => ({ date: e.date, dateText: e.dateText, event: e.event, sources: src(e.sources) })),
    issues: brief.issues.map((v) => ({ value: v.value, sources: src(v.sources) })),
    outcome: brief.outcome ? { disposition: brief.outcome.disposition, text: brief.outcome.text, sources: src(brief.outcome.sources) } : null,
    authorities: brief.authorities.map((a) => ({ caseName: a.caseName ?? null, citations: a.citations, count: a.count, citedAt: src(a.citedAt) })),
    statutes: brief.statutes.map((s) => ({ instrument: s.instrument, provisions: s.provisions, count: s.count, citedAt: src(s.citedAt) })),
  };
}
