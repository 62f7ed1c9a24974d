import { countWords } from '@amicus/legal-nlp';
import type { DatasetName, Pair } from './data/datasets.js';
import { checkFaithfulness } from './faithfulness/faithfulness.js';
import { fragmentKind, isLowercaseDocument } from './judgment/fragments.js';
import { referenceResult, summaryStatesResult } from './judgment/result.js';
import type { EvalMethod, MethodName } from './methods.js';
import { rouge, ROUGE_TYPES, type RougeType } from './rouge/rouge.js';

export interface MethodResult {
  dataset: DatasetName;
  method: MethodName;
  label: string;
  documents: number;
  /** Mean F1 (0-1) per ROUGE type. */
  f1: Record<RougeType, number>;
  precision: Record<RougeType, number>;
  recall: Record<RougeType, number>;
  /** Mean words of the (cut) summaries and of the references. */
  words: number;
  referenceWords: number;
  /** Mean wall-clock milliseconds to summarize one document (segmentation included). */
  msPerDocument: number;
  /** Mean share of the summaries' numbers, dates, parties and citations found in the source. */
  faithfulness: number;
  unsupportedFacts: number;
  /** Documents whose reference states the result (appeal allowed or dismissed). */
  resultDocuments: number;
  /** Share of those whose summary, cut to the reference length, states the same result. */
  resultStated: number;
  /** Sentences the method selected, over all documents. */
  summarySentences: number;
  /** Share of them that are fragments (headings, speaker lines, bare citations, furniture, cut sentences). */
  fragmentShare: number;
}

interface Accumulator {
  n: number;
  f1: Record<RougeType, number>;
  precision: Record<RougeType, number>;
  recall: Record<RougeType, number>;
  words: number;
  referenceWords: number;
  ms: number;
  faithfulness: number;
  unsupported: number;
  resultDocuments: number;
  resultStated: number;
  sentences: number;
  fragments: number;
}

function zeroes(): Record<RougeType, number> {
  return { rouge1: 0, rouge2: 0, rougeL: 0, rougeLsum: 0 };
}

/**
 * Summarizes every pair with every method, each summary cut to the reference's word count, and averages
 * ROUGE, length, time and faithfulness per method.
 */
export async function evaluate(
  dataset: DatasetName,
  pairs: AsyncIterable<Pair> | Iterable<Pair>,
  methods: readonly EvalMethod[],
  onProgress?: (done: number) => void,
): Promise<MethodResult[]> {
  const acc = new Map<EvalMethod, Accumulator>();
  for (const m of methods) {
    acc.set(m, { n: 0, f1: zeroes(), precision: zeroes(), recall: zeroes(), words: 0, referenceWords: 0, ms: 0, faithfulness: 0, unsupported: 0, resultDocuments: 0, resultStated: 0, sentences: 0, fragments: 0 });
  }
  let done = 0;
  for await (const pair of pairs) {
    const budget = countWords(pair.summary);
    const result = referenceResult(pair.summary);
    const lowercase = isLowercaseDocument(pair.text);
    for (const method of methods) {
      const a = acc.get(method)!;
      const t0 = performance.now();
      const { text: summary, sentences } = await method.summarize(pair, budget);
      a.ms += performance.now() - t0;
      if (result !== null) {
        a.resultDocuments++;
        if (summaryStatesResult(summary, result)) a.resultStated++;
      }
      a.sentences += sentences.length;
      for (const s of sentences) if (fragmentKind(s, lowercase) !== null) a.fragments++;
      const scores = rouge(pair.summary, summary);
      for (const t of ROUGE_TYPES) {
        a.f1[t] += scores[t].f1;
        a.precision[t] += scores[t].precision;
        a.recall[t] += scores[t].recall;
      }
      a.words += countWords(summary);
      a.referenceWords += budget;
      const faith = checkFaithfulness(summary, pair.text);
      a.faithfulness += faith.score;
      a.unsupported += faith.unsupported.length;
      a.n++;
    }
    onProgress?.(++done);
  }
  return methods.map((method) => {
    const a = acc.get(method)!;
    const n = Math.max(1, a.n);
    const mean = (r: Record<RougeType, number>): Record<RougeType, number> => {
      const out = zeroes();
      for (const t of ROUGE_TYPES) out[t] = r[t] / n;
      return out;
    };
    return {
      dataset,
      method: method.name,
      label: method.label,
      documents: a.n,
      f1: mean(a.f1),
      precision: mean(a.precision),
      recall: mean(a.recall),
      words: a.words / n,
      referenceWords: a.referenceWords / n,
      msPerDocument: a.ms / n,
      faithfulness: a.faithfulness / n,
      unsupportedFacts: a.unsupported / n,
      resultDocuments: a.resultDocuments,
      resultStated: a.resultDocuments > 0 ? a.resultStated / a.resultDocuments : 0,
      summarySentences: a.sentences,
      fragmentShare: a.sentences > 0 ? a.fragments / a.sentences : 0,
    };
  });
}

/** A plain-text table of results: ROUGE F1 in percent. */
export function formatTable(results: readonly MethodResult[]): string {
  const header = ['dataset', 'method', 'docs', 'R1', 'R2', 'RL', 'RLsum', 'words', 'ref words', 'ms/doc', 'faithful', 'result', 'fragments'];
  const rows = results.map((r) => [
    r.dataset,
    r.method,
    String(r.documents),
    (100 * r.f1.rouge1).toFixed(2),
    (100 * r.f1.rouge2).toFixed(2),
    (100 * r.f1.rougeL).toFixed(2),
    (100 * r.f1.rougeLsum).toFixed(2),
    r.words.toFixed(0),
    r.referenceWords.toFixed(0),
    r.msPerDocument.toFixed(1),
    (100 * r.faithfulness).toFixed(1) + '%',
    r.resultDocuments > 0 ? `${(100 * r.resultStated).toFixed(1)}% of ${r.resultDocuments}` : '-',
    (100 * r.fragmentShare).toFixed(1) + '%',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
