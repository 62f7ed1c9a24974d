import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { segment } from '@amicus/legal-nlp';
import { repoRoot, type EvalConfig } from './config.js';
import type { Pair } from './data/datasets.js';
import { EvalError } from './errors.js';
import type { ExtractiveSummary } from './summarizers/extractive.js';
import { leadFromSentences } from './summarizers/lead.js';
import { oracleFromSentences } from './summarizers/oracle.js';
import { textRankFromSentences } from './summarizers/textrank.js';
import { truncateWords } from './summarizers/truncate.js';

export type MethodName = 'lead' | 'textrank' | 'model' | 'oracle';
export const METHODS: readonly MethodName[] = ['lead', 'textrank', 'model', 'oracle'];

/** A summary under evaluation. */
export interface MethodSummary {
  /** The sentences one a line, cut to the word budget (what ROUGE scores). */
  text: string;
  /** The sentences the method selected, whole, in output order (what the fragment check reads). */
  sentences: string[];
}

/** A summarizer under evaluation: returns the summary within `words` words. */
export interface EvalMethod {
  name: MethodName;
  /** Short description for the report (for the model: name, version and sha256 prefix). */
  label: string;
  summarize(pair: Pair, words: number): Promise<MethodSummary>;
  close?(): Promise<void>;
}

export function isMethodName(name: string): name is MethodName {
  return (METHODS as readonly string[]).includes(name);
}

function extractive(summary: ExtractiveSummary): MethodSummary {
  return { text: summary.text, sentences: summary.sentences.map((s) => s.text) };
}

export function baselineMethod(name: Exclude<MethodName, 'model'>): EvalMethod {
  switch (name) {
    case 'lead':
      return { name, label: 'lead-N', summarize: async (pair, words) => extractive(leadFromSentences(segment(pair.text).sentences, { words })) };
    case 'textrank':
      return {
        name,
        label: 'TextRank (TF-IDF cosine, PageRank)',
        summarize: async (pair, words) => extractive(textRankFromSentences(segment(pair.text).sentences, { words })),
      };
    case 'oracle':
      return {
        name,
        label: 'greedy ROUGE-2 oracle (ceiling)',
        summarize: async (pair, words) => extractive(oracleFromSentences(segment(pair.text).sentences, pair.summary, { words })),
      };
  }
}

/** The parts of @amicus/inference's contract that evaluation uses. */
interface InferenceModule {
  loadModel(dir: string, opts?: { intraOpThreads?: number; interOpThreads?: number }): Promise<unknown>;
  createSummarizer(model: unknown): {
    summarize(text: string, opts: { words?: number }): Promise<{
      sentences: Array<{ text: string }>;
      model: { name: string; version: string; sha256: string };
    }>;
  };
}

async function importOptional<T>(specifier: string): Promise<T | undefined> {
  try {
    return (await import(specifier)) as T;
  } catch {
    return undefined;
  }
}

/**
 * The shipped model through @amicus/inference. Throws EvalError MODEL_UNAVAILABLE (with the reason) when the
 * inference package is not built or no model directory with a manifest exists.
 */
export async function modelMethod(config: EvalConfig, options: { threads?: number } = {}): Promise<EvalMethod> {
  let dir = config.modelDir;
  if (dir === undefined) {
    // The shipped model's directory as @amicus/legal-model exports it; where that package is not built, the
    // same directory found from the repository root.
    const legalModel = await importOptional<{ modelDir?: unknown }>('@amicus/legal-model');
    dir = typeof legalModel?.modelDir === 'string' ? legalModel.modelDir : join(repoRoot(), 'packages', 'legal-model', 'model');
  }
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new EvalError('MODEL_UNAVAILABLE', `no model at ${dir} (manifest.json missing)`);
  }
  const inference = await importOptional<InferenceModule>('@amicus/inference');
  if (typeof inference?.loadModel !== 'function' || typeof inference.createSummarizer !== 'function') {
    throw new EvalError('MODEL_UNAVAILABLE', '@amicus/inference is not built or lacks loadModel/createSummarizer');
  }
  const threads = options.threads;
  const model = await inference.loadModel(dir, threads ? { intraOpThreads: threads, interOpThreads: 1 } : undefined);
  const summarizer = inference.createSummarizer(model);
  const method: EvalMethod = {
    name: 'model',
    label: 'model',
    summarize: async (pair, words) => {
      const result = await summarizer.summarize(pair.text, { words });
      method.label = `${result.model.name} ${result.model.version} (${result.model.sha256.slice(0, 12)})`;
      const sentences = result.sentences.map((s) => s.text);
      return { text: truncateWords(sentences.join('\n'), words), sentences };
    },
  };
  return method;
}
