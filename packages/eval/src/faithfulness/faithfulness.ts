import * as legalNlp from '@amicus/legal-nlp';
import { extractFacts, foldText, normalizeNumber, type Fact, type FactKind } from './facts.js';

/** Entity as @amicus/legal-nlp's `extractEntities` returns it. */
interface LegalEntity {
  type: string;
  text: string;
  start: number;
  end: number;
  normalized?: string;
}

export type FactExtractor = (text: string) => Fact[];

export interface FaithfulnessReport {
  /** Facts found in the output. */
  checked: number;
  supported: number;
  /** Facts of the output that do not occur in the source. */
  unsupported: Fact[];
  /** supported / checked, or 1 when the output states no checkable fact. */
  score: number;
  /** Which extractor found the facts. */
  extractor: 'legal-nlp' | 'regex' | 'custom';
}

/** Entity types whose mentions must occur in the source (statutes, judges and courts are not checked). */
const ENTITY_KINDS: Record<string, FactKind> = {
  case_citation: 'citation',
  party: 'party',
  date: 'date',
  money: 'money',
  case_number: 'case_number',
};

type ExtractEntities = (text: string) => LegalEntity[];

/**
 * The entity extractor of @amicus/legal-nlp when that package provides one (`extractEntities`); the checker
 * then uses its citations, parties, dates, money amounts and case numbers, plus this package's number regex.
 */
function legalNlpExtractor(): ExtractEntities | undefined {
  const candidate = (legalNlp as Record<string, unknown>).extractEntities;
  return typeof candidate === 'function' ? (candidate as ExtractEntities) : undefined;
}

function overlapsAny(facts: readonly Fact[], start: number, end: number): boolean {
  return facts.some((f) => start < f.end && end > f.start);
}

/**
 * Citations, parties, dates, money amounts and case numbers from @amicus/legal-nlp, completed by this
 * package's regular expressions (party names in "X v Y", citations, dates, numbers) where they find a
 * fact that no entity covers.
 */
function factsFromEntities(text: string, extract: ExtractEntities): Fact[] {
  const facts: Fact[] = [];
  for (const e of extract(text)) {
    const kind = ENTITY_KINDS[e.type];
    if (kind === undefined || e.text.includes('\n')) continue;
    facts.push({ kind, text: e.text, start: e.start, end: e.end, normalized: e.normalized ?? foldText(e.text) });
  }
  const fromEntities = [...facts];
  for (const f of extractFacts(text)) if (!overlapsAny(fromEntities, f.start, f.end)) facts.push(f);
  return facts.sort((a, b) => a.start - b.start);
}

export function defaultFactExtractor(): { name: 'legal-nlp' | 'regex'; extract: FactExtractor } {
  const entities = legalNlpExtractor();
  if (entities) return { name: 'legal-nlp', extract: (text) => factsFromEntities(text, entities) };
  return { name: 'regex', extract: extractFacts };
}

/**
 * Checks that every number, date, party name and citation stated in `output` occurs in `source`.
 * A fact is supported when the source holds a fact of the same kind with the same normalized form, or when
 * its folded text occurs in the folded source.
 */
export function checkFaithfulness(output: string, source: string, options: { extractor?: FactExtractor } = {}): FaithfulnessReport {
  const chosen = options.extractor ? { name: 'custom' as const, extract: options.extractor } : defaultFactExtractor();
  const outFacts = chosen.extract(output);
  if (outFacts.length === 0) return { checked: 0, supported: 0, unsupported: [], score: 1, extractor: chosen.name };
  const sourceFacts = chosen.extract(source);
  const known = new Set(sourceFacts.map((f) => `${f.kind}\u0000${f.normalized}`));
  const sourceNumbers = new Set(sourceFacts.filter((f) => f.kind === 'number').map((f) => f.normalized));
  // Numbers inside source dates and citations count as occurring in the source.
  for (const m of source.matchAll(/\d+(?:[.,]\d+)*/g)) sourceNumbers.add(normalizeNumber(m[0]));
  let folded: string | undefined;
  const unsupported: Fact[] = [];
  for (const fact of outFacts) {
    if (known.has(`${fact.kind}\u0000${fact.normalized}`)) continue;
    if (fact.kind === 'number') {
      if (sourceNumbers.has(fact.normalized)) continue;
      unsupported.push(fact);
      continue;
    }
    folded ??= ` ${foldText(source)} `;
    if (folded.includes(` ${foldText(fact.text)} `)) continue;
    unsupported.push(fact);
  }
  const supported = outFacts.length - unsupported.length;
  return { checked: outFacts.length, supported, unsupported, score: supported / outFacts.length, extractor: chosen.name };
}
