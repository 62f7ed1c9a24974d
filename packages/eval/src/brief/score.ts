import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { findCourtName, judgeKey, type CaseBrief } from '@amicus/legal-nlp';
import { EvalError } from '../errors.js';

/** One judgment of the annotated brief set, checked by reading its text. */
export interface BriefAnnotation {
  dataset: 'uk' | 'in';
  id: string;
  /** Id of the deciding court in the court table, or null when the text gives no evidence of it. */
  court: string | null;
  /** Parties named in the text with their roles (empty when the text names none). */
  parties: Array<{ name: string; role: string | null }>;
  /** Surname keys of the judges the text shows sitting (headings, "with whom", "delivered by", agreement with colleagues). */
  bench: string[];
  /** The court's (majority) disposition: acceptable labels and the sentence (or sentences, or their openings) stating it; null when the text states none. */
  outcome: { disposition: string[]; sentence: string | string[] | null } | null;
  note?: string;
}

export type BriefPart = 'dev' | 'held-out';

/**
 * The annotated set is split by a stable hash of the id: a third is held out (never used for tuning). Every
 * annotated judgment comes from the training split of the summarizer (`isValidation` false).
 */
export function briefPart(id: string): BriefPart {
  const hex = createHash('sha256').update(`brief-split:${id}`, 'utf8').digest('hex').slice(0, 8);
  return parseInt(hex, 16) % 3 === 0 ? 'held-out' : 'dev';
}

export const ANNOTATIONS_URL = new URL('../../fixtures/brief/annotations.json', import.meta.url);

export function loadAnnotations(url: URL = ANNOTATIONS_URL): BriefAnnotation[] {
  let json: { judgments?: unknown };
  try {
    json = JSON.parse(readFileSync(url, 'utf8')) as { judgments?: unknown };
  } catch (err) {
    throw new EvalError('DATASET_CORRUPT', `cannot read brief annotations ${url.pathname}: ${(err as Error).message}`);
  }
  if (!Array.isArray(json.judgments)) throw new EvalError('DATASET_CORRUPT', `${url.pathname}: expected a "judgments" array`);
  return json.judgments as BriefAnnotation[];
}

const TITLES = /\b(?:mr|mrs|ms|miss|dr|shri|smt|sri|the|m\/s|messrs|hm|her|his|majesty's|majestys)\b/g;

function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(TITLES, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 1);
}

/** Two names of a party match when every word of the shorter one is in the longer one ("Mrs Owens" ~ "Owens"). */
export function sameParty(a: string, b: string): boolean {
  const x = nameTokens(a);
  const y = nameTokens(b);
  if (x.length === 0 || y.length === 0) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.every((t) => long.includes(t));
}

/** The court id a brief names (its `courtId`, or the table's court for a name alone). */
export function courtIdOf(brief: Pick<CaseBrief, 'court'>): string | null {
  const court = brief.court as (CaseBrief['court'] & { courtId?: string }) | null;
  if (!court) return null;
  if (court.courtId) return court.courtId;
  return findCourtName(court.name)?.court.id ?? court.name;
}

function overlaps(a: string, b: string): boolean {
  const x = a.replace(/\s+/g, ' ').trim();
  const y = b.replace(/\s+/g, ' ').trim();
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

export interface JudgmentScore {
  id: string;
  court: { gold: string | null; predicted: string | null; correct: boolean };
  parties: { gold: number; predicted: number; predictedMatched: number; found: boolean | null; rolesChecked: number; rolesCorrect: number };
  bench: { gold: string[]; predicted: string[]; truePositives: number };
  outcome: { gold: string[] | null; predicted: string | null; correct: boolean; sentenceChecked: boolean; sentenceCorrect: boolean; predictedText: string | null };
}

/** Scores one brief against its annotation. */
export function scoreBrief(a: BriefAnnotation, brief: CaseBrief): JudgmentScore {
  const court = courtIdOf(brief);
  const matchedGold = new Set<number>();
  let predictedMatched = 0;
  let rolesChecked = 0;
  let rolesCorrect = 0;
  for (const p of brief.parties) {
    const k = a.parties.findIndex((g) => sameParty(g.name, p.name));
    if (k < 0) continue;
    predictedMatched++;
    if (!matchedGold.has(k) && a.parties[k].role) {
      rolesChecked++;
      if (p.role === a.parties[k].role) rolesCorrect++;
    }
    matchedGold.add(k);
  }
  const predictedBench = [...new Set(brief.judges.filter((j) => j.bench).map((j) => judgeKey(j.name)).filter((k) => k))];
  const gold = new Set(a.bench);
  const outcome = brief.outcome;
  const correct = a.outcome === null ? outcome === null : outcome !== null && a.outcome.disposition.includes(outcome.disposition);
  const sentenceChecked = correct && a.outcome !== null && a.outcome.sentence !== null;
  return {
    id: a.id,
    court: { gold: a.court, predicted: court, correct: court === a.court },
    parties: {
      gold: a.parties.length,
      predicted: brief.parties.length,
      predictedMatched,
      found: a.parties.length === 0 ? null : matchedGold.size > 0,
      rolesChecked,
      rolesCorrect,
    },
    bench: { gold: a.bench, predicted: predictedBench, truePositives: predictedBench.filter((k) => gold.has(k)).length },
    outcome: {
      gold: a.outcome?.disposition ?? null,
      predicted: outcome?.disposition ?? null,
      correct,
      sentenceChecked,
      sentenceCorrect: sentenceChecked && outcome !== null && outcome.sources.some((s) => [a.outcome!.sentence!].flat().some((g) => overlaps(s.text, g))),
      predictedText: outcome?.text ?? null,
    },
  };
}

export interface Ratio {
  hits: number;
  total: number;
}

export interface BriefSummary {
  judgments: number;
  court: Ratio;
  /** Briefs that name a court other than the annotated one (a wrong court, worse than an empty field). */
  courtWrong: Ratio;
  partiesFound: Ratio;
  partiesPrecision: Ratio;
  partyRoles: Ratio;
  benchPrecision: Ratio;
  benchRecall: Ratio;
  outcome: Ratio;
  /** Briefs that state an outcome other than the annotated one. */
  outcomeWrong: Ratio;
  outcomeSentence: Ratio;
}

/** Accuracy, precision and recall per field over a list of scored judgments. */
export function summarize(scores: JudgmentScore[]): BriefSummary {
  const ratio = (hits: number, total: number): Ratio => ({ hits, total });
  const sum = (f: (s: JudgmentScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const withParties = scores.filter((s) => s.parties.found !== null);
  return {
    judgments: scores.length,
    court: ratio(sum((s) => Number(s.court.correct)), scores.length),
    courtWrong: ratio(sum((s) => Number(s.court.predicted !== null && !s.court.correct)), scores.length),
    partiesFound: ratio(withParties.filter((s) => s.parties.found).length, withParties.length),
    partiesPrecision: ratio(sum((s) => s.parties.predictedMatched), sum((s) => s.parties.predicted)),
    partyRoles: ratio(sum((s) => s.parties.rolesCorrect), sum((s) => s.parties.rolesChecked)),
    benchPrecision: ratio(sum((s) => s.bench.truePositives), sum((s) => s.bench.predicted.length)),
    benchRecall: ratio(sum((s) => s.bench.truePositives), sum((s) => s.bench.gold.length)),
    outcome: ratio(sum((s) => Number(s.outcome.correct)), scores.length),
    outcomeWrong: ratio(sum((s) => Number(s.outcome.predicted !== null && !s.outcome.correct)), scores.length),
    outcomeSentence: ratio(sum((s) => Number(s.outcome.sentenceCorrect)), sum((s) => Number(s.outcome.sentenceChecked))),
  };
}

const ROWS: Array<[keyof Omit<BriefSummary, 'judgments'>, string]> = [
  ['court', 'court: accuracy (empty counts right only where the text gives no evidence)'],
  ['courtWrong', 'court: a wrong court named (lower is better)'],
  ['partiesFound', 'parties found (a named party listed, where the text names parties)'],
  ['partiesPrecision', 'parties: precision of the parties listed'],
  ['partyRoles', 'party roles: accuracy on found parties'],
  ['benchPrecision', 'bench: precision'],
  ['benchRecall', 'bench: recall'],
  ['outcome', 'outcome: accuracy (the majority disposition, or empty where none is stated)'],
  ['outcomeWrong', 'outcome: a wrong disposition stated (lower is better)'],
  ['outcomeSentence', 'outcome sentence: the source is the annotated sentence'],
];

function pct(r: Ratio): string {
  return r.total === 0 ? '—' : `${((100 * r.hits) / r.total).toFixed(1)}% (${r.hits}/${r.total})`;
}

/** A text table with one column per part. */
export function formatBriefTable(parts: Array<[string, BriefSummary]>): string {
  const header = ['field', ...parts.map(([name, s]) => `${name} (${s.judgments} judgments)`)];
  const rows = ROWS.map(([k, label]) => [label, ...parts.map(([, s]) => pct(s[k]))]);
  const widths = header.map((_, c) => Math.max(header[c].length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
