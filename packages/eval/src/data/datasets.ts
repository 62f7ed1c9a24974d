import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { loadConfig } from '../config.js';
import { EvalError } from '../errors.js';

/** One judgment with its human-written summary. */
export interface Pair {
  id: string;
  text: string;
  summary: string;
  source?: string;
  name?: string;
}

export type DatasetName = 'uk' | 'in' | 'aus';
export type Split = 'train' | 'validation';
export const DATASETS: readonly DatasetName[] = ['uk', 'in', 'aus'];

export const DATASET_FILES: Record<DatasetName, string> = {
  uk: 'uk-abs.train.jsonl.gz',
  in: 'in-abs.train.jsonl.gz',
  aus: 'aus-catchphrases.train.jsonl.gz',
};

export const DATASET_TITLES: Record<DatasetName, string> = {
  uk: 'UK-Abs (UK Supreme Court press summaries)',
  in: 'IN-Abs (Indian Supreme Court headnotes)',
  aus: 'AUS (Federal Court of Australia catchphrases)',
};

export function isDatasetName(name: string): name is DatasetName {
  return (DATASETS as readonly string[]).includes(name);
}

/**
 * The shared validation split: a pair is in it iff the first 8 hex digits of sha256(id), read as an integer,
 * are divisible by 10. Everything else is training. Python training code uses the same rule.
 */
export function isValidation(id: string): boolean {
  const hex = createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 8);
  return parseInt(hex, 16) % 10 === 0;
}

export function splitOf(id: string): Split {
  return isValidation(id) ? 'validation' : 'train';
}

export interface LoadOptions {
  /** Directory holding the `*.jsonl.gz` files (default from config). */
  dataDir?: string;
  /** Stop after this many pairs of the requested split. */
  limit?: number;
}

export function datasetPath(dataset: DatasetName, dataDir: string = loadConfig().dataDir): string {
  return resolve(dataDir, DATASET_FILES[dataset]);
}

/** Streams every pair of a dataset file (gunzip + JSON Lines), in file order. */
export async function* readPairs(dataset: DatasetName, options: { dataDir?: string } = {}): AsyncGenerator<Pair> {
  const path = datasetPath(dataset, options.dataDir);
  if (!existsSync(path)) throw new EvalError('DATASET_NOT_FOUND', `Dataset file not found: ${path}`);
  const input = createReadStream(path).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      let rec: Partial<Pair>;
      try {
        rec = JSON.parse(line) as Partial<Pair>;
      } catch {
        throw new EvalError('DATASET_CORRUPT', `${path}:${lineNo}: not valid JSON`);
      }
      if (typeof rec.id !== 'string' || typeof rec.text !== 'string' || typeof rec.summary !== 'string') {
        throw new EvalError('DATASET_CORRUPT', `${path}:${lineNo}: expected string fields id, text and summary`);
      }
      const pair: Pair = { id: rec.id, text: rec.text, summary: rec.summary };
      if (typeof rec.source === 'string') pair.source = rec.source;
      if (typeof rec.name === 'string') pair.name = rec.name;
      yield pair;
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

/** Streams the pairs of one split. */
export async function* streamSplit(dataset: DatasetName, split: Split, options: LoadOptions = {}): AsyncGenerator<Pair> {
  let count = 0;
  if (options.limit !== undefined && options.limit <= 0) return;
  for await (const pair of readPairs(dataset, options)) {
    if (splitOf(pair.id) !== split) continue;
    yield pair;
    if (options.limit !== undefined && ++count >= options.limit) return;
  }
}

/** All pairs of one split, in file order. */
export async function loadSplit(dataset: DatasetName, split: Split, options: LoadOptions = {}): Promise<Pair[]> {
  const out: Pair[] = [];
  for await (const pair of streamSplit(dataset, split, options)) out.push(pair);
  return out;
}
