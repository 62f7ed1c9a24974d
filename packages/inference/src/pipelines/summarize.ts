/**
 * Extractive summarization: segment and analyse the judgment's structure → features → sentence scorer →
 * selection under a word budget → sentences in reading order, each with its source offsets.
 *
 * Selection uses the structure: headings, page furniture, citation-only lines, the header block and
 * fragments are never chosen; quotations only when nothing else fills the budget; the court's result
 * (the majority's disposition) is always chosen and labelled; the short summary reads question →
 * holding → result, and no summary ends on a dissent.
 */
import { countWords } from '@amicus/legal-nlp';
import { featurize, type DocumentFeatures, type SentenceRole } from '../features.js';
import { EmptyInputError, InvalidOptionsError, NotTextError } from '../errors.js';
import { checkLanguage, DEFAULT_MODEL_LANGUAGES, type LanguageReport } from '../language.js';
import type { LoadedModel } from '../model.js';

export type SummaryLength = 'short' | 'standard' | 'detailed';

export interface SummarizeOptions {
  /** Target length in words, a hard upper bound (words as `countWords` of @amicus/legal-nlp counts them). */
  words?: number;
  /** Target length as a fraction of the document's words, in (0, 1]. */
  ratio?: number;
  /** Preset (see LENGTH_PRESETS): short, standard (the default) or detailed. */
  length?: SummaryLength;
}

export interface SummarySentence {
  /** Display text: line breaks joined, hyphenation repaired, page furniture removed. */
  text: string;
  /** UTF-16 offsets into the input: `input.slice(start, end)` is the sentence as it stands in the source. */
  start: number;
  end: number;
  /** The judgment's own number of the paragraph ("[12]" → 12), or null when the paragraph has none. */
  paragraph: number | null;
  /** Index of the source paragraph in the segmentation (0-based, counting every paragraph). */
  paragraphIndex: number;
  /** What the sentence is in the judgment (majority reasoning, dissent, order, facts, quotation …). */
  role: SentenceRole;
  /** True for the sentence that states the court's result. */
  result: boolean;
  /** Model score in [0, 1]. */
  score: number;
}

/** The court's result as the summary states it. */
export interface SummaryOutcome {
  /** The disposition: allowed, partly_allowed, dismissed, set_aside, remitted, granted, refused, no_order, order_accordingly. */
  disposition: string;
  /** Reader's label: "appeal dismissed", "petition allowed in part". */
  label: string;
  /** Whose result it is: the court's order, the judgment of the court, or the majority's lead opinion. */
  basis: 'order' | 'court_opinion' | 'majority';
  /** 0..1, from the structure layer. */
  confidence: number;
  /** Index into `SummaryResult.sentences` of the sentence stating it. */
  sentence: number;
}

export interface SummaryResult {
  sentences: SummarySentence[];
  words: number;
  /** The court's result, or null when the judgment states none that could be found. */
  outcome: SummaryOutcome | null;
  /** The language of the text and whether the model was trained on it. */
  language: LanguageReport;
  /** Warnings for the reader (language not trained on). */
  warnings: string[];
  model: { name: string; version: string; sha256: string };
  ms: number;
}

export interface Summarizer {
  summarize(text: string, options?: SummarizeOptions): Promise<SummaryResult>;
}

export interface SummarizerOptions {
  /** Sentences considered per document (the first ones); longer inputs are cut, never rejected. */
  maxSentences?: number;
  /** Sentences per scorer call; longer documents are scored in consecutive windows. */
  windowSentences?: number;
  /** A sentence is skipped when more than this share of its word trigrams is already in the summary. */
  redundancy?: number;
}

/**
 * Length presets: `words` is a fixed budget; `ratio` a share of the document's words, capped at
 * `maxWords`. A budget given with `words` or `ratio` is not capped.
 */
export const LENGTH_PRESETS: Record<SummaryLength, { words?: number; ratio?: number; maxWords?: number }> = {
  short: { words: 150 },
  standard: { ratio: 0.1, maxWords: 600 },
  detailed: { ratio: 0.25, maxWords: 1500 },
};

const MIN_RATIO_WORDS = 40;
/** Sentences with fewer words than this are fragments unless they state the result ("Appeal dismissed."). */
const MIN_SENTENCE_WORDS = 4;
const NOT_TEXT_SAMPLE = 65536;

/** Roles never selected: they are not prose a reader can use. */
const NEVER: ReadonlySet<SentenceRole> = new Set<SentenceRole>(['header', 'heading', 'furniture', 'citation_only']);
/** Roles selected only when nothing else fills the budget. */
const LAST_RESORT: ReadonlySet<SentenceRole> = new Set<SentenceRole>(['quotation']);

/** Rejects binary data: NUL bytes, or many control / replacement characters. */
function assertText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new NotTextError('the input must be a string');
  const n = Math.min(text.length, NOT_TEXT_SAMPLE);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new NotTextError('the input contains NUL characters (binary data)');
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 11) || c === 0xfffd) bad++;
  }
  if (n > 0 && bad / n > 0.02) throw new NotTextError('the input looks like binary data, not text');
}

function budgetFor(options: SummarizeOptions, docWords: number): number {
  const { words, ratio, length } = options;
  const given = [words !== undefined, ratio !== undefined, length !== undefined].filter(Boolean).length;
  if (given > 1) throw new InvalidOptionsError('give at most one of words, ratio and length');
  if (words !== undefined) {
    if (!Number.isInteger(words) || words < 1) throw new InvalidOptionsError('words must be a positive integer');
    return words;
  }
  if (ratio !== undefined) {
    if (!Number.isFinite(ratio) || ratio <= 0 || ratio > 1) throw new InvalidOptionsError('ratio must be in (0, 1]');
    return Math.max(MIN_RATIO_WORDS, Math.round(ratio * docWords));
  }
  if (length !== undefined && !(length in LENGTH_PRESETS)) {
    throw new InvalidOptionsError('length must be short, standard or detailed');
  }
  const preset = LENGTH_PRESETS[length ?? 'standard'];
  if (preset.words !== undefined) return preset.words;
  const byRatio = budgetFor({ ratio: preset.ratio }, docWords);
  return preset.maxWords !== undefined ? Math.min(preset.maxWords, byRatio) : byRatio;
}

function trigrams(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return out;
}

/** End offset (exclusive) of the longest prefix of text[from, to) holding at most `words` words (as countWords counts). */
function endAfterWords(text: string, from: number, to: number, words: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (countWords(text.slice(from, mid)) <= words) lo = mid;
    else hi = mid - 1;
  }
  while (lo > from && /\s/.test(text[lo - 1])) lo--;
  return lo;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

const DISPOSITION_WORDS: Record<string, string> = {
  allowed: 'allowed',
  partly_allowed: 'allowed in part',
  dismissed: 'dismissed',
  set_aside: 'set aside',
  remitted: 'remitted',
  granted: 'granted',
  refused: 'refused',
  no_order: 'no order',
  order_accordingly: 'order accordingly',
};

/** "appeal dismissed", "petition allowed in part", "case remitted": the proceeding named in the sentence. */
function outcomeLabel(disposition: string, sentence: string): string {
  const words = DISPOSITION_WORDS[disposition] ?? disposition.replace(/_/g, ' ');
  if (disposition === 'no_order' || disposition === 'order_accordingly') return words;
  const noun = /\b(writ petition|petition|application|revision|reference|appeal)s?\b/i.exec(sentence)?.[1]?.toLowerCase();
  if (disposition === 'remitted') return 'case remitted';
  if (disposition === 'set_aside') return `${/\b(judgment|order|decree|conviction|sentence)\b/i.exec(sentence)?.[1]?.toLowerCase() ?? 'order'} set aside`;
  return `${noun ?? 'appeal'} ${words}`;
}

/** Rank of a role in the short summary's reading order: question and facts, then holding, then result. */
function shortOrder(role: SentenceRole, result: boolean): number {
  if (result) return 3;
  if (role === 'facts' || role === 'submission' || role === 'header') return 0;
  if (role === 'order') return 2;
  return 1;
}

function paragraphNumber(f: DocumentFeatures, index: number): number | null {
  const p = f.segmentation.paragraphs[index];
  if (p?.number !== undefined) return p.number;
  return null;
}

export function createSummarizer(model: LoadedModel, config: SummarizerOptions = {}): Summarizer {
  const maxSentences = config.maxSentences ?? 6000;
  const windowSentences = config.windowSentences ?? 4096;
  const redundancy = config.redundancy ?? 0.5;
  const languages = Array.isArray(model.manifest.languages) ? (model.manifest.languages as string[]) : DEFAULT_MODEL_LANGUAGES;

  return {
    async summarize(text: string, options: SummarizeOptions = {}): Promise<SummaryResult> {
      const started = performance.now();
      assertText(text);
      if (text.trim().length === 0) throw new EmptyInputError();
      const docWords = countWords(text);
      const budget = budgetFor(options, docWords);
      const language = checkLanguage(text, languages);

      const f = featurize(text, { maxSentences });
      const n = f.sentences.length;
      if (n === 0) throw new EmptyInputError('the input contains no sentences');
      const S = model.featureSpec.scalars.length;
      const logits = new Float32Array(n);
      for (let from = 0; from < n; from += windowSentences) {
        const to = Math.min(n, from + windowSentences);
        const out = await model.score({
          tokenIds: f.tokenIds.subarray(from * f.tokenLength, to * f.tokenLength),
          tokenLength: f.tokenLength,
          scalars: f.scalars.subarray(from * S, to * S),
          sentences: to - from,
        });
        logits.set(out, from);
      }

      // Lengths are counted on the display text (what the reader gets), as the budget is.
      const wordsOf = f.sentences.map((s) => countWords(s.text));
      const disposition = f.structure.disposition !== null && f.structure.disposition.sentence < n ? f.structure.disposition : null;
      const resultIndex = disposition?.sentence ?? -1;
      const roleOf = (i: number): SentenceRole => f.structure.roles[i]?.role ?? 'majority';
      const short = options.length === 'short' && options.words === undefined && options.ratio === undefined;
      // Tiers: 0 prose, 1 quotations (only when nothing else fills the budget); never: headings, furniture,
      // citation-only lines, the header block and fragments (the result sentence is never a fragment), nor,
      // in the short summary (question → holding → result), a dissent.
      const tier = (i: number): number => {
        if (i === resultIndex) return 0;
        const role = roleOf(i);
        if (NEVER.has(role) || wordsOf[i] < MIN_SENTENCE_WORDS || f.fragment[i] || (short && role === 'dissent')) return Infinity;
        return LAST_RESORT.has(role) ? 1 : 0;
      };
      const tiers = Array.from({ length: n }, (_, i) => tier(i));
      const order = Array.from({ length: n }, (_, i) => i)
        .filter((i) => tiers[i] !== Infinity && wordsOf[i] > 0)
        .sort((a, b) => Number(b === resultIndex) - Number(a === resultIndex) || tiers[a] - tiers[b] || logits[b] - logits[a] || a - b);

      // Selection: the result first, then the best-scored sentences that fit the remaining budget, skipping near-repeats.
      const seen = new Set<string>();
      const picked: number[] = [];
      let used = 0;
      let cutResult: { index: number; end: number } | null = null;
      for (const i of order) {
        if (budget - used < 5 && picked.length > 0) break;
        if (used + wordsOf[i] > budget) {
          // The result must be stated (it is taken first): cut it to the budget when it alone is longer.
          if (i === resultIndex) {
            const s = f.sentences[i];
            cutResult = { index: i, end: endAfterWords(text, s.start, s.end, budget) };
            picked.push(i);
            break;
          }
          continue;
        }
        const tri = trigrams(f.tokens[i]);
        if (tri.length > 0 && i !== resultIndex) {
          let repeated = 0;
          for (const t of tri) if (seen.has(t)) repeated++;
          if (repeated / tri.length > redundancy) continue;
        }
        for (const t of tri) seen.add(t);
        picked.push(i);
        used += wordsOf[i];
      }

      if (picked.length === 0) {
        // Every usable sentence is longer than the budget (or none is usable): the best one cut to the budget.
        const best = order[0] ?? Array.from({ length: n }, (_, i) => i).sort((a, b) => logits[b] - logits[a] || a - b)[0];
        const s = f.sentences[best];
        cutResult = { index: best, end: endAfterWords(text, s.start, s.end, budget) };
        picked.push(best);
      }

      // Reading order: the short summary reads question → holding → result; the others follow the
      // judgment, except that a dissent never closes the summary (the result moves after it).
      picked.sort((a, b) => (short ? shortOrder(roleOf(a), a === resultIndex) - shortOrder(roleOf(b), b === resultIndex) : 0) || a - b);
      const last = picked[picked.length - 1];
      if (picked.includes(resultIndex) && last !== resultIndex && roleOf(last) === 'dissent') {
        picked.splice(picked.indexOf(resultIndex), 1);
        picked.push(resultIndex);
      }

      const sentences: SummarySentence[] = picked.map((i) => {
        const s = f.sentences[i];
        const cut = cutResult?.index === i;
        return {
          // Segmentation's display text; a sentence cut to the budget keeps the words that fit.
          text: cut ? s.text.slice(0, endAfterWords(s.text, 0, s.text.length, budget)) : s.text,
          start: s.start,
          end: cut ? cutResult!.end : s.end,
          paragraph: paragraphNumber(f, s.paragraph),
          paragraphIndex: s.paragraph,
          role: roleOf(i),
          result: i === resultIndex,
          score: sigmoid(logits[i]),
        };
      });
      const words = sentences.reduce((a, s) => a + countWords(s.text), 0);
      const at = picked.indexOf(resultIndex);
      const outcome: SummaryOutcome | null =
        disposition && at >= 0
          ? {
              disposition: disposition.disposition,
              label: outcomeLabel(disposition.disposition, f.sentences[resultIndex].text),
              basis: disposition.basis,
              confidence: disposition.confidence,
              sentence: at,
            }
          : null;
      return {
        sentences,
        words,
        outcome,
        language,
        warnings: language.warning ? [language.warning] : [],
        model: { name: model.manifest.name, version: model.manifest.version, sha256: model.sha256 },
        ms: performance.now() - started,
      };
    },
  };
}
