/**
 * Sentence featurization for the extractive scorer.
 *
 * This is the single implementation of the model's input features: the training data for the
 * Python trainer is produced by running this module over the corpus (packages/legal-model/scripts/
 * prepare-data.mjs), and the summarization pipeline runs the same code at inference time, so the
 * two can never drift. Any change here that alters the numbers must bump FEATURE_SPEC.version, and
 * a model trained on an older version is then refused at load time.
 */
import { analyzeJudgment, segment, wordTokens, type JudgmentStructure, type Segmentation, type Sentence, type SentenceRole } from '@amicus/legal-nlp';

export type { SentenceRole };

/** Names of the per-sentence scalar features, in tensor column order. */
export const SCALAR_FEATURES = [
  'rel_position',
  'rel_paragraph',
  'pos_in_paragraph',
  'first_in_paragraph',
  'last_in_paragraph',
  'log_words',
  'numbered_paragraph',
  'heading_like',
  'quoted',
  'digit_ratio',
  'centroid_cosine',
  'centroid_cosine_rank',
  'neighbour_similarity',
  'log_doc_sentences',
  'lead_window',
  'tail_window',
] as const;

export interface FeatureSpec {
  /** Bumped whenever the features change meaning. */
  version: number;
  /** Token ids are `1 + fnv1a(token) % (hashBuckets - 1)`; 0 is padding. */
  hashBuckets: number;
  /** Tokens kept per sentence (the first ones). */
  maxTokens: number;
  scalars: readonly string[];
}

export const FEATURE_SPEC: FeatureSpec = {
  version: 1,
  hashBuckets: 32768,
  maxTokens: 64,
  scalars: SCALAR_FEATURES,
};

export interface DocumentFeatures {
  segmentation: Segmentation;
  /** Sentences that were featurized (all of `segmentation.sentences`, or the first `maxSentences`). */
  sentences: Sentence[];
  /** Row-major [sentences.length, tokenLength] token ids, 0-padded. */
  tokenIds: Int32Array;
  tokenLength: number;
  /** Row-major [sentences.length, SCALAR_FEATURES.length]. */
  scalars: Float32Array;
  /** Lowercase [a-z0-9]+ tokens of each featurized sentence (shared with selection). */
  tokens: string[][];
  /** The judgment's structure (opinions, disposition, a role for every sentence of the segmentation). */
  structure: JudgmentStructure;
  /**
   * 1 for a featurized sentence that is not a whole sentence: it has no closing punctuation (a heading, a
   * line cut off) or, in a cased text, starts in lower case (the tail of a sentence split in two).
   */
  fragment: Uint8Array;
}

export interface FeaturizeOptions {
  /** Featurize at most this many sentences (the first ones); protects against pathological input. */
  maxSentences?: number;
  /** Reuse an existing segmentation of `text`. */
  segmentation?: Segmentation;
}

const STOPWORDS = new Set(
  (
    'the of and to in a is that for on by with as be it was this are or at from which an not has have ' +
    'had he his her she they their there been were would any but its also such if may no so than these ' +
    'those who whom what when where shall under into upon said all other one can does did do we our us ' +
    'him them i you your being only should could will must more some same very'
  ).split(' '),
);

/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function tokenId(token: string, spec: FeatureSpec = FEATURE_SPEC): number {
  return 1 + (fnv1a(token) % (spec.hashBuckets - 1));
}

type SparseVector = Map<string, number>;

function normalize(v: SparseVector): SparseVector {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [k, x] of v) v.set(k, x / norm);
  return v;
}

function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y !== undefined) s += x * y;
  }
  return s;
}

const HEADING_END = /[.;:,?!"'\u201d\u2019)]$/;
const QUOTE_START = /^["'\u201c\u2018(]/;
/** A whole sentence closes with a full stop, question or exclamation mark (Latin, Devanagari or CJK), colon or semicolon. */
const SENTENCE_END = /[.?!:;\u0964\u3002\uff01\uff1f\uff1b\uff1a][\])"'\u201d\u2019\u300d\u300f\uff09]*$/u;

/** Whether each sentence is a fragment rather than a whole sentence (see DocumentFeatures.fragment). */
function fragments(sentences: readonly Sentence[], caseless: boolean): Uint8Array {
  const out = new Uint8Array(sentences.length);
  for (let i = 0; i < sentences.length; i++) {
    const t = sentences[i].text.trim();
    if (!SENTENCE_END.test(t) || (!caseless && /^[a-z]/.test(t))) out[i] = 1;
  }
  return out;
}

/** Builds the model inputs for every sentence of `text`. */
export function featurize(text: string, options: FeaturizeOptions = {}): DocumentFeatures {
  const spec = FEATURE_SPEC;
  const segmentation = options.segmentation ?? segment(text);
  const all = segmentation.sentences;
  const sentences = options.maxSentences !== undefined && all.length > options.maxSentences ? all.slice(0, options.maxSentences) : all;
  const n = sentences.length;
  const nParagraphs = Math.max(1, segmentation.paragraphs.length);
  const S = SCALAR_FEATURES.length;
  // The structure of the part that is featurized (all of an ordinary judgment): a pathological input cut to
  // `maxSentences` is not analysed beyond the cut. Offsets stay those of `text`, a prefix of which is analysed.
  const analysed = sentences.length > 0 && sentences.length < all.length ? text.slice(0, sentences[sentences.length - 1].end) : text;
  const structure = analyzeJudgment(analysed, { sentences });

  const tokens = sentences.map((s) => wordTokens(s.text));
  let tokenLength = 1;
  for (const t of tokens) tokenLength = Math.max(tokenLength, Math.min(t.length, spec.maxTokens));
  const tokenIds = new Int32Array(n * tokenLength);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const m = Math.min(t.length, tokenLength);
    for (let j = 0; j < m; j++) tokenIds[i * tokenLength + j] = tokenId(t[j], spec);
  }

  // Document-level TF-IDF (sentences as documents) for centrality features.
  const df = new Map<string, number>();
  const tfs: SparseVector[] = tokens.map((t) => {
    const tf: SparseVector = new Map();
    for (const w of t) if (w.length > 2 && !STOPWORDS.has(w)) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
    return tf;
  });
  const vectors = tfs.map((tf) => {
    for (const [w, c] of tf) tf.set(w, (1 + Math.log(c)) * (Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) + 1));
    return normalize(tf);
  });
  const centroid: SparseVector = new Map();
  for (const v of vectors) for (const [w, x] of v) centroid.set(w, (centroid.get(w) ?? 0) + x);
  normalize(centroid);
  const centrality = vectors.map((v) => dot(v, centroid));
  const maxCentrality = centrality.reduce((a, b) => Math.max(a, b), 1e-9);
  const rank = new Float32Array(n);
  centrality
    .map((c, i) => [c, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .forEach(([, i], r) => {
      rank[i] = n > 1 ? 1 - r / (n - 1) : 1;
    });

  // Position of each sentence inside its paragraph.
  const paraCount = new Map<number, number>();
  for (const s of sentences) paraCount.set(s.paragraph, (paraCount.get(s.paragraph) ?? 0) + 1);
  const paraSeen = new Map<number, number>();

  const scalars = new Float32Array(n * S);
  const logDoc = Math.log1p(n) / 8;
  for (let i = 0; i < n; i++) {
    const s = sentences[i];
    const para = segmentation.paragraphs[s.paragraph];
    const k = paraSeen.get(s.paragraph) ?? 0;
    paraSeen.set(s.paragraph, k + 1);
    const inPara = paraCount.get(s.paragraph) ?? 1;
    const words = tokens[i].length;
    let digits = 0;
    for (const w of tokens[i]) if (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57) digits++;
    const trimmed = s.text.trim();
    const neighbours =
      ((i > 0 ? dot(vectors[i], vectors[i - 1]) : 0) + (i + 1 < n ? dot(vectors[i], vectors[i + 1]) : 0)) / (i > 0 && i + 1 < n ? 2 : 1);
    const row = [
      n > 1 ? i / (n - 1) : 0,
      nParagraphs > 1 ? s.paragraph / (nParagraphs - 1) : 0,
      inPara > 1 ? k / (inPara - 1) : 0,
      k === 0 ? 1 : 0,
      k === inPara - 1 ? 1 : 0,
      Math.log1p(words) / 5,
      para?.label ? 1 : 0,
      words <= 12 && !HEADING_END.test(trimmed) ? 1 : 0,
      QUOTE_START.test(trimmed) ? 1 : 0,
      words > 0 ? digits / words : 0,
      centrality[i],
      centrality[i] / maxCentrality,
      n > 1 ? neighbours : 0,
      logDoc,
      i < 10 ? 1 - i / 10 : 0,
      n - 1 - i < 10 ? 1 - (n - 1 - i) / 10 : 0,
    ];
    scalars.set(row, i * S);
  }

  return { segmentation, sentences, tokenIds, tokenLength, scalars, tokens, structure, fragment: fragments(sentences, segmentation.caseless) };
}
