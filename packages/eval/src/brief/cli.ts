#!/usr/bin/env node
import { cpus } from 'node:os';
import { buildBrief, type CaseBrief } from '@amicus/legal-nlp';
import { loadConfig } from '../config.js';
import { isValidation, readPairs, type DatasetName } from '../data/datasets.js';
import { EvalError } from '../errors.js';
import { agrees, referenceResult, type ReferenceResult } from './reference.js';
import { briefPart, formatBriefTable, loadAnnotations, scoreBrief, summarize, type BriefAnnotation, type JudgmentScore } from './score.js';

const USAGE = `Usage: npm run eval:brief -- [--errors] [--auto-limit N] [--no-auto] [--data-dir DIR]

Scores the case brief (court, parties, bench, outcome) against the annotated judgments of
packages/eval/fixtures/brief/annotations.json (texts read from the shared data at run time), on the
development and held-out parts, then checks the brief's outcome against every training judgment whose
reference summary states the result.
  --errors        list each judgment whose brief differs from its annotation
  --auto-limit N  check at most N judgments per dataset in the automatic check
  --no-auto       skip the automatic check`;

interface Options {
  errors: boolean;
  autoLimit: number;
  auto: boolean;
  dataDir?: string;
}

function parse(argv: readonly string[]): Options | 'help' {
  const o: Options = { errors: false, autoLimit: Infinity, auto: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--errors') o.errors = true;
    else if (a === '--no-auto') o.auto = false;
    else if (a === '--auto-limit' || a === '--data-dir') {
      const v = argv[++i];
      if (v === undefined) throw new EvalError('BAD_ARGUMENT', `${a} needs a value`);
      if (a === '--data-dir') o.dataDir = v;
      else if (!/^\d+$/.test(v)) throw new EvalError('BAD_ARGUMENT', `--auto-limit must be a whole number, not "${v}"`);
      else o.autoLimit = Number(v);
    } else throw new EvalError('BAD_ARGUMENT', `unknown argument "${a}"`);
  }
  return o;
}

interface AutoCheck {
  stated: number;
  given: number;
  agree: number;
  byResult: Record<ReferenceResult, { stated: number; agree: number }>;
}

function pct(a: number, b: number): string {
  return b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`;
}

function describeErrors(s: JudgmentScore, a: BriefAnnotation, brief: CaseBrief): string[] {
  const out: string[] = [];
  if (!s.court.correct) out.push(`court: annotated ${a.court ?? 'none'}, brief ${s.court.predicted ?? 'none'}`);
  if (s.parties.found === false || s.parties.predictedMatched < s.parties.predicted) {
    out.push(`parties: annotated ${a.parties.map((p) => p.name).join('; ') || 'none'}; brief ${brief.parties.map((p) => `${p.name} (${p.role ?? '?'})`).join('; ') || 'none'}`);
  }
  const missed = s.bench.gold.filter((k) => !s.bench.predicted.includes(k));
  const extra = s.bench.predicted.filter((k) => !s.bench.gold.includes(k));
  if (missed.length > 0 || extra.length > 0) out.push(`bench: missed [${missed.join(', ')}], not annotated [${extra.join(', ')}]`);
  if (!s.outcome.correct) out.push(`outcome: annotated ${a.outcome?.disposition.join('/') ?? 'none'}, brief ${s.outcome.predicted ?? 'none'}: ${(s.outcome.predictedText ?? '').slice(0, 160)}`);
  else if (s.outcome.sentenceChecked && !s.outcome.sentenceCorrect) out.push(`outcome sentence: brief "${(s.outcome.predictedText ?? '').slice(0, 160)}"`);
  return out;
}

export async function main(argv: readonly string[]): Promise<number> {
  let opts: Options | 'help';
  try {
    opts = parse(argv);
  } catch (err) {
    if (err instanceof EvalError) {
      process.stderr.write(`error: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (opts === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const dataDir = opts.dataDir ?? loadConfig().dataDir;
  const annotations = loadAnnotations();
  const wanted = new Map(annotations.map((a) => [`${a.dataset}:${a.id}`, a]));
  const scores = new Map<string, JudgmentScore>();
  const briefsById = new Map<string, CaseBrief>();
  const auto = new Map<DatasetName, AutoCheck>();
  const started = performance.now();
  let briefMs = 0;
  let briefs = 0;
  const brief = (text: string): CaseBrief => {
    const t0 = performance.now();
    const b = buildBrief([{ text }]);
    briefMs += performance.now() - t0;
    briefs++;
    return b;
  };
  for (const dataset of ['uk', 'in'] as const) {
    const check: AutoCheck = { stated: 0, given: 0, agree: 0, byResult: { allowed: { stated: 0, agree: 0 }, dismissed: { stated: 0, agree: 0 }, partly_allowed: { stated: 0, agree: 0 } } };
    auto.set(dataset, check);
    for await (const pair of readPairs(dataset, { dataDir })) {
      const annotation = wanted.get(`${dataset}:${pair.id}`);
      const result = opts.auto && !isValidation(pair.id) && check.stated < opts.autoLimit ? referenceResult(pair.summary) : null;
      if (!annotation && !result) continue;
      const b = brief(pair.text);
      if (annotation) {
        scores.set(`${dataset}:${pair.id}`, scoreBrief(annotation, b));
        if (opts.errors) briefsById.set(`${dataset}:${pair.id}`, b);
      }
      if (result) {
        check.stated++;
        check.byResult[result].stated++;
        if (b.outcome) check.given++;
        if (agrees(b.outcome?.disposition, result)) {
          check.agree++;
          check.byResult[result].agree++;
        }
      }
    }
  }
  const missing = annotations.filter((a) => !scores.has(`${a.dataset}:${a.id}`));
  if (missing.length > 0) throw new EvalError('DATASET_NOT_FOUND', `annotated judgments not in the data: ${missing.map((a) => `${a.dataset}:${a.id}`).join(', ')}`);

  const pick = (part: string, dataset?: string) =>
    summarize(annotations.filter((a) => briefPart(a.id) === part && (!dataset || a.dataset === dataset)).map((a) => scores.get(`${a.dataset}:${a.id}`)!));
  process.stdout.write(`Case brief against ${annotations.length} annotated judgments (fixtures/brief/annotations.json)\n\n`);
  process.stdout.write(formatBriefTable([['dev', pick('dev')], ['held-out', pick('held-out')]]) + '\n\n');
  process.stdout.write('By dataset:\n\n');
  process.stdout.write(
    formatBriefTable([
      ['UK dev', pick('dev', 'uk')],
      ['UK held-out', pick('held-out', 'uk')],
      ['IN dev', pick('dev', 'in')],
      ['IN held-out', pick('held-out', 'in')],
    ]) + '\n',
  );
  if (opts.errors) {
    process.stdout.write('\nDifferences (dev part only; the held-out part is not for tuning):\n');
    for (const a of annotations) {
      if (briefPart(a.id) !== 'dev') continue;
      const lines = describeErrors(scores.get(`${a.dataset}:${a.id}`)!, a, briefsById.get(`${a.dataset}:${a.id}`)!);
      if (lines.length > 0) process.stdout.write(`- ${a.dataset}:${a.id}\n${lines.map((l) => `    ${l}`).join('\n')}\n`);
    }
  }
  if (opts.auto) {
    process.stdout.write('\nAutomatic check: training judgments whose reference summary states the result\n\n');
    for (const [dataset, c] of auto) {
      process.stdout.write(
        `${dataset}: ${c.stated} judgments state the result; the brief states an outcome for ${pct(c.given, c.stated)}; agrees with the reference for ${pct(c.agree, c.stated)}` +
          ` (allowed ${pct(c.byResult.allowed.agree, c.byResult.allowed.stated)}, dismissed ${pct(c.byResult.dismissed.agree, c.byResult.dismissed.stated)}, allowed in part ${pct(c.byResult.partly_allowed.agree, c.byResult.partly_allowed.stated)})\n`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`\n${briefs} briefs, ${(briefMs / Math.max(1, briefs)).toFixed(0)} ms each on average, ${seconds.toFixed(0)} s in all (${cpus()[0]?.model ?? 'unknown CPU'}).\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
