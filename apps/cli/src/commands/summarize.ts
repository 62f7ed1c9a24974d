/**
 * `amicus summarize FILE… [--words N | --ratio R | --length short|standard|detailed] [--json] [--threads N]`
 * `amicus summarize --jsonl IN.jsonl [--words-field F]`
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createSummarizer, loadModel, type SummarizeOptions, type Summarizer, type SummaryResult } from '@amicus/inference';
import { buildBrief } from '@amicus/legal-nlp';
import { loadConfig, positiveInt } from '../config.js';
import { readDocument } from '../input.js';

export const SUMMARIZE_USAGE = `Usage:
  amicus summarize FILE... [--words N | --ratio R | --length short|standard|detailed] [--json] [--threads N]
  amicus summarize --jsonl IN.jsonl [--words-field F] [--words N | --ratio R | --length L] [--threads N]

Summarizes court judgments with the shipped extractive model; every summary sentence carries its
character offsets in the source. Text, PDF, DOCX, HTML and image files (read by OCR).

The court's result (the majority's disposition) is always in the summary and printed first as
"Result: ..."; a text in a language the model was not trained on gets a warning.

Options:
  --words N        summary length in words (upper bound, no cap; Chinese and Japanese text
                   is counted in the words ICU's word breaker finds)
  --ratio R        summary length as a fraction of the document (0 < R <= 1, no cap)
  --length L       short: 150 words; standard (default): 10% of the document, at most 600
                   words; detailed: 25% of the document, at most 1,500 words
  --json           one JSON object per file: {file, sha256, words, outcome, language, warnings,
                   summary, brief, model, ms} (summary: sentences with display text, source offsets,
                   paragraph number, role; brief: court, case numbers, parties, judges, timeline,
                   issues, outcome, authorities and statutes, each with its source spans)
  --jsonl IN       batch mode: each input line {"id", "text"}; each output line
                   {"id", "outcome", "warnings", "summary"} ("-" reads standard input)
  --words-field F  in batch mode, per-line word budget taken from field F when present
  --threads N      inference threads (default: AMICUS_INFERENCE_THREADS or 2)
`;

export class UsageError extends Error {
  readonly code = 'USAGE';
}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function lengthOptions(values: { words?: string; ratio?: string; length?: string }): SummarizeOptions {
  const given = [values.words, values.ratio, values.length].filter((v) => v !== undefined).length;
  if (given > 1) throw new UsageError('give at most one of --words, --ratio and --length');
  if (values.words !== undefined) {
    const words = Number(values.words);
    if (!Number.isInteger(words) || words < 1) throw new UsageError('--words must be a positive integer');
    return { words };
  }
  if (values.ratio !== undefined) {
    const ratio = Number(values.ratio);
    if (!Number.isFinite(ratio) || ratio <= 0 || ratio > 1) throw new UsageError('--ratio must be a number in (0, 1]');
    return { ratio };
  }
  if (values.length !== undefined) {
    if (!['short', 'standard', 'detailed'].includes(values.length)) throw new UsageError('--length must be short, standard or detailed');
    return { length: values.length as SummarizeOptions['length'] };
  }
  return {};
}

const spans = (r: SummaryResult) =>
  r.sentences.map(({ text, start, end, paragraph, paragraphIndex, role, result }) => ({ text, start, end, paragraph, paragraphIndex, role, result }));

/** "Result: appeal dismissed — majority (sentence 4)". */
export function resultLine(r: SummaryResult): string {
  if (!r.outcome) return 'Result: not found in the judgment';
  const basis = { order: 'order of the court', court_opinion: 'judgment of the court', majority: 'majority' }[r.outcome.basis];
  return `Result: ${r.outcome.label} — ${basis} (sentence ${r.outcome.sentence + 1})`;
}

function errorInfo(e: unknown): { code: string; message: string } {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  return { code: typeof code === 'string' ? code : 'ERROR', message };
}

async function summarizeFiles(summarizer: Summarizer, files: string[], options: SummarizeOptions, json: boolean, io: Io): Promise<number> {
  let failed = 0;
  for (const [k, file] of files.entries()) {
    try {
      const doc = await readDocument(file);
      const result = await summarizer.summarize(doc.text, options);
      if (json) {
        const brief = buildBrief([{ text: doc.text }]);
        io.out(
          JSON.stringify({
            file,
            sha256: doc.sha256,
            words: result.words,
            outcome: result.outcome,
            language: result.language,
            warnings: result.warnings,
            summary: spans(result),
            brief,
            model: result.model,
            ms: Math.round(result.ms),
          }) + '\n',
        );
        for (const w of result.warnings) io.err(`amicus summarize: ${file}: warning: ${w}\n`);
      } else {
        if (files.length > 1) io.out(`${k > 0 ? '\n' : ''}== ${file}\n`);
        for (const w of result.warnings) io.out(`Warning: ${w}\n`);
        io.out(resultLine(result) + '\n\n');
        io.out(result.sentences.map((s) => s.text).join('\n') + '\n');
      }
    } catch (e) {
      failed++;
      const { code, message } = errorInfo(e);
      if (json) io.out(JSON.stringify({ file, error: { code, message } }) + '\n');
      io.err(`amicus summarize: ${file}: ${code}: ${message}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

async function summarizeJsonl(summarizer: Summarizer, input: string, wordsField: string | undefined, options: SummarizeOptions, io: Io): Promise<number> {
  const stream = input === '-' ? process.stdin : createReadStream(input);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let failed = 0;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw Object.assign(new Error(`line ${lineNo} is not valid JSON`), { code: 'BAD_LINE' });
      }
      if (!record || typeof record !== 'object' || Array.isArray(record)) {
        throw Object.assign(new Error(`line ${lineNo} is not a JSON object`), { code: 'BAD_LINE' });
      }
      id = record.id ?? null;
      if (typeof record.text !== 'string') throw Object.assign(new Error(`line ${lineNo} has no string "text"`), { code: 'BAD_LINE' });
      let lineOptions = options;
      if (wordsField !== undefined && record[wordsField] !== undefined && record[wordsField] !== null) {
        const words = Number(record[wordsField]);
        if (!Number.isInteger(words) || words < 1) {
          throw Object.assign(new Error(`line ${lineNo}: "${wordsField}" must be a positive integer`), { code: 'BAD_LINE' });
        }
        lineOptions = { words };
      }
      const result = await summarizer.summarize(record.text, lineOptions);
      io.out(JSON.stringify({ id, outcome: result.outcome, warnings: result.warnings, summary: spans(result) }) + '\n');
    } catch (e) {
      failed++;
      const { code, message } = errorInfo(e);
      io.out(JSON.stringify({ id, error: { code, message } }) + '\n');
      io.err(`amicus summarize: line ${lineNo}: ${code}: ${message}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

export async function runSummarize(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      words: { type: 'string' },
      ratio: { type: 'string' },
      length: { type: 'string' },
      json: { type: 'boolean', default: false },
      jsonl: { type: 'string' },
      'words-field': { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(SUMMARIZE_USAGE);
    return 0;
  }
  const options = lengthOptions(values);
  if (values.jsonl !== undefined && positionals.length > 0) throw new UsageError('give either FILE arguments or --jsonl, not both');
  if (values.jsonl === undefined && positionals.length === 0) throw new UsageError('no input: give FILE arguments or --jsonl IN.jsonl');
  if (values['words-field'] !== undefined && values.jsonl === undefined) throw new UsageError('--words-field applies only with --jsonl');
  const config = loadConfig();
  const intraOpThreads = values.threads !== undefined ? positiveInt('--threads', values.threads, config.intraOpThreads) : config.intraOpThreads;

  const model = await loadModel(config.modelDir, { intraOpThreads, interOpThreads: config.interOpThreads });
  try {
    const summarizer = createSummarizer(model);
    return values.jsonl !== undefined
      ? await summarizeJsonl(summarizer, values.jsonl, values['words-field'], options, io)
      : await summarizeFiles(summarizer, positionals, options, values.json, io);
  } finally {
    await model.release();
  }
}
