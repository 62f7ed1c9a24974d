import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractEntities } from './index.js';
import { ENTITY_TYPES, type Entity, type EntityType } from './types.js';

/** A labelled span in a fixture. */
export interface GoldSpan {
  type: EntityType;
  start: number;
  end: number;
  text: string;
  form?: 'short' | 'case_name';
  normalized?: string;
}

export interface EntityFixture {
  id: string;
  source: { dataset: string; id: string; offset?: number };
  text: string;
  spans: GoldSpan[];
}

export interface TypeScore {
  type: string;
  gold: number;
  predicted: number;
  /** Exact matches: same type, same start and end. */
  exact: number;
  precision: number;
  recall: number;
  f1: number;
  /** Overlap matches (same type, spans overlap; each gold span used once). */
  lenientPrecision: number;
  lenientRecall: number;
}

export interface EntityEvaluation {
  fixtures: number;
  scores: TypeScore[];
  /** Dates and money whose normalised form matches the label, among exact matches that carry one. */
  normalization: { checked: number; correct: number };
  errors: Array<{ fixture: string; kind: 'missed' | 'spurious'; type: string; text: string; start: number }>;
}

/** Directory of the entity fixtures shipped with the package. */
export const ENTITY_FIXTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/entities');

export function loadEntityFixtures(dir = ENTITY_FIXTURE_DIR): EntityFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as EntityFixture);
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

function score(type: string, gold: number, predicted: number, exact: number, lenientTp: number, lenientGold: number): TypeScore {
  const precision = ratio(exact, predicted);
  const recall = ratio(exact, gold);
  return {
    type,
    gold,
    predicted,
    exact,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    lenientPrecision: ratio(lenientTp, predicted),
    lenientRecall: ratio(lenientGold, gold),
  };
}

/** Score `extract` (by default `extractEntities`) against the fixtures: precision and recall per type. */
export function evaluateEntities(
  fixtures: EntityFixture[] = loadEntityFixtures(),
  extract: (text: string) => Entity[] = extractEntities,
): EntityEvaluation {
  type Key = string;
  const tally = new Map<Key, { gold: number; predicted: number; exact: number; lenientTp: number; lenientGold: number }>();
  const bump = (key: Key, field: 'gold' | 'predicted' | 'exact' | 'lenientTp' | 'lenientGold'): void => {
    const t = tally.get(key) ?? { gold: 0, predicted: 0, exact: 0, lenientTp: 0, lenientGold: 0 };
    t[field]++;
    tally.set(key, t);
  };
  const keysOf = (type: string, form: string | undefined): Key[] =>
    type === 'case_citation'
      ? [type, form === 'short' ? 'case_citation (short form)' : form === 'case_name' ? 'case_citation (name only)' : 'case_citation (full)']
      : [type];
  const errors: EntityEvaluation['errors'] = [];
  let checked = 0;
  let correct = 0;
  for (const fixture of fixtures) {
    const predicted = extract(fixture.text);
    const gold = fixture.spans;
    const goldUsed = new Set<number>();
    for (const g of gold) for (const k of keysOf(g.type, g.form)) bump(k, 'gold');
    for (const p of predicted) {
      for (const k of keysOf(p.type, p.form)) bump(k, 'predicted');
      const exactIndex = gold.findIndex((g) => g.type === p.type && g.start === p.start && g.end === p.end);
      if (exactIndex >= 0) {
        for (const k of keysOf(p.type, gold[exactIndex].form)) bump(k, 'exact');
        const g = gold[exactIndex];
        if (g.normalized !== undefined) {
          checked++;
          if (p.normalized === g.normalized) correct++;
        }
      } else {
        errors.push({ fixture: fixture.id, kind: 'spurious', type: p.type, text: p.text, start: p.start });
      }
      const overlapIndex = gold.findIndex((g, i) => !goldUsed.has(i) && g.type === p.type && g.start < p.end && p.start < g.end);
      if (overlapIndex >= 0) {
        goldUsed.add(overlapIndex);
        for (const k of keysOf(p.type, gold[overlapIndex].form)) {
          bump(k, 'lenientTp');
          bump(k, 'lenientGold');
        }
      }
    }
    for (const g of gold) {
      if (!predicted.some((p) => p.type === g.type && p.start === g.start && p.end === g.end)) {
        errors.push({ fixture: fixture.id, kind: 'missed', type: g.type, text: g.text, start: g.start });
      }
    }
  }
  const order = [...ENTITY_TYPES.flatMap((t) => (t === 'case_citation' ? [t, `${t} (full)`, `${t} (name only)`, `${t} (short form)`] : [t]))];
  const scores = order
    .filter((k) => tally.has(k))
    .map((k) => {
      const t = tally.get(k)!;
      return score(k, t.gold, t.predicted, t.exact, t.lenientTp, t.lenientGold);
    });
  const all = [...tally.entries()].filter(([k]) => !k.includes('('));
  const sum = (f: 'gold' | 'predicted' | 'exact' | 'lenientTp' | 'lenientGold'): number => all.reduce((s, [, t]) => s + t[f], 0);
  scores.push(score('all', sum('gold'), sum('predicted'), sum('exact'), sum('lenientTp'), sum('lenientGold')));
  return { fixtures: fixtures.length, scores, normalization: { checked, correct }, errors };
}

/** The scores as a fixed-width table. */
export function formatEntityTable(evaluation: EntityEvaluation): string {
  const pct = (x: number): string => x.toFixed(3);
  const rows = [
    ['type', 'gold', 'pred', 'exact', 'P', 'R', 'F1', 'P~', 'R~'],
    ...evaluation.scores.map((s) => [
      s.type, String(s.gold), String(s.predicted), String(s.exact), pct(s.precision), pct(s.recall), pct(s.f1),
      pct(s.lenientPrecision), pct(s.lenientRecall),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  lines.push('');
  lines.push(`P/R/F1: exact span and type; P~/R~: overlapping span, same type. ${evaluation.fixtures} fixtures.`);
  lines.push(`Normalised values (dates, money) correct on exact matches: ${evaluation.normalization.correct}/${evaluation.normalization.checked}.`);
  return lines.join('\n');
}

/** reporters-db's example citation strings (held out: the matcher is never tuned on them). */
export const REPORTER_EXAMPLES_FILE = path.join(ENTITY_FIXTURE_DIR, 'us-reporter-examples', 'examples.json');

export interface ReporterExampleRecall {
  total: number;
  found: number;
  recall: number;
  /** Recall by reporters-db cite type (federal, state, state_regional, specialty, neutral, …). */
  byType: Array<{ citeType: string; total: number; found: number; recall: number }>;
  missed: string[];
}

/**
 * Recall of case citations on reporters-db's example strings, each set in a sentence ("The court relied on
 * Doe v. Roe, EXAMPLE, and nothing else."): an example counts as found when one case citation covers it.
 */
export function evaluateReporterExamples(
  file = REPORTER_EXAMPLES_FILE,
  extract: (text: string) => Entity[] = extractEntities,
): ReporterExampleRecall {
  const { examples } = JSON.parse(readFileSync(file, 'utf8')) as { examples: Array<{ reporter: string; citeType: string; text: string }> };
  const lead = 'The court relied on Doe v. Roe, ';
  const byType = new Map<string, { total: number; found: number }>();
  const missed: string[] = [];
  let found = 0;
  for (const e of examples) {
    const text = `${lead}${e.text}, and nothing else.`;
    const start = lead.length;
    const end = start + e.text.length;
    const hit = extract(text).some((x) => x.type === 'case_citation' && x.start <= start && x.end >= end);
    const t = byType.get(e.citeType) ?? { total: 0, found: 0 };
    t.total++;
    if (hit) {
      t.found++;
      found++;
    } else missed.push(e.text);
    byType.set(e.citeType, t);
  }
  return {
    total: examples.length,
    found,
    recall: ratio(found, examples.length),
    byType: [...byType.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([citeType, t]) => ({ citeType, ...t, recall: ratio(t.found, t.total) })),
    missed,
  };
}

export function formatReporterRecall(r: ReporterExampleRecall): string {
  const lines = [`all ${r.found}/${r.total} = ${r.recall.toFixed(3)}`];
  for (const t of r.byType) lines.push(`  ${t.citeType.padEnd(18)} ${String(t.found).padStart(4)}/${String(t.total).padEnd(4)} ${t.recall.toFixed(3)}`);
  return lines.join('\n');
}
