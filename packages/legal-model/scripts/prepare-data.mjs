#!/usr/bin/env node
// Featurizes the legal-sum corpus for the Python trainer and labels every sentence with a greedy
// ROUGE oracle. Features come from the built @amicus/inference featurizer: the very code the
// runtime uses, so training and inference inputs cannot drift.
//
//   node packages/legal-model/scripts/prepare-data.mjs [--data DIR] [--out DIR] [--datasets uk-abs,in-abs] [--limit N]
//
// Output (per split, under --out, default packages/legal-model/work/data):
//   <split>/tokens.u16    [sentences, maxTokens] little-endian uint16 token ids (0 = padding)
//   <split>/scalars.f32   [sentences, scalars] little-endian float32
//   <split>/labels.u8     [sentences] 1 = chosen by the oracle
//   <split>/docs.jsonl    one line per document: id, dataset, offset, n, refWords
//   <split>/eval.jsonl    per document: sentence word counts, stemmed sentence tokens, stemmed reference
//   spec.json             the FEATURE_SPEC the arrays were made with
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, openSync, writeSync, closeSync, writeFileSync, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { featurize, FEATURE_SPEC } from '@amicus/inference';
import { rougeTokens } from '@amicus/eval';
import { countWords } from '@amicus/legal-nlp';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(repoRoot, '../shared/data/legal-sum') },
    out: { type: 'string', default: resolve(here, '../work/data') },
    datasets: { type: 'string', default: 'uk-abs,in-abs' },
    limit: { type: 'string' },
    'max-sentences': { type: 'string', default: '3000' },
  },
});
const limit = values.limit ? Number(values.limit) : Infinity;
const maxSentences = Number(values['max-sentences']);
const T = FEATURE_SPEC.maxTokens;
const S = FEATURE_SPEC.scalars.length;

/** Validation split rule shared with the evaluation package (CONTRACTS.md). */
export function isValidation(id) {
  return parseInt(createHash('sha256').update(String(id), 'utf8').digest('hex').slice(0, 8), 16) % 10 === 0;
}

/**
 * Greedy oracle: repeatedly add the sentence that most raises ROUGE-2 F1 of the selection
 * against the reference (ROUGE-1 F1 breaks ties); stop when nothing raises it.
 */
function greedyOracle(sentTokens, refTokens) {
  const gramIds = new Map();
  const refCount = [];
  const idOf = (g) => {
    let id = gramIds.get(g);
    if (id === undefined) {
      id = gramIds.size;
      gramIds.set(g, id);
      refCount[id] = 0;
    }
    return id;
  };
  for (const t of refTokens) refCount[idOf('1|' + t)]++;
  for (let i = 0; i + 1 < refTokens.length; i++) refCount[idOf('2|' + refTokens[i] + ' ' + refTokens[i + 1])]++;
  const r1 = refTokens.length;
  const r2 = Math.max(0, refTokens.length - 1);
  if (r1 === 0) return new Uint8Array(sentTokens.length);
  // Per sentence: matched gram ids (with multiplicity) and totals.
  const cands = sentTokens.map((toks) => {
    const m1 = [];
    const m2 = [];
    for (const t of toks) {
      const id = gramIds.get('1|' + t);
      if (id !== undefined) m1.push(id);
    }
    for (let i = 0; i + 1 < toks.length; i++) {
      const id = gramIds.get('2|' + toks[i] + ' ' + toks[i + 1]);
      if (id !== undefined) m2.push(id);
    }
    return { m1, m2, n1: toks.length, n2: Math.max(0, toks.length - 1) };
  });
  const selCount = new Int32Array(gramIds.size);
  const f1 = (o, s, r) => (o === 0 || s === 0 ? 0 : (2 * o) / (s + r));
  const scratch = new Int32Array(gramIds.size);
  const gain = (ids) => {
    let g = 0;
    for (const id of ids) {
      scratch[id]++;
      if (selCount[id] + scratch[id] <= refCount[id]) g++;
    }
    for (const id of ids) scratch[id] = 0;
    return g;
  };
  const chosen = new Uint8Array(sentTokens.length);
  let o1 = 0, o2 = 0, s1 = 0, s2 = 0;
  let best2 = 0, best1 = 0;
  for (;;) {
    let pick = -1, pick2 = best2, pick1 = best1, pickO1 = 0, pickO2 = 0;
    for (let i = 0; i < cands.length; i++) {
      if (chosen[i]) continue;
      const c = cands[i];
      if (c.n1 === 0) continue;
      const no2 = o2 + gain(c.m2);
      const no1 = o1 + gain(c.m1);
      const f2 = f1(no2, s2 + c.n2, r2);
      const ff1 = f1(no1, s1 + c.n1, r1);
      if (f2 > pick2 || (f2 === pick2 && ff1 > pick1)) {
        pick = i; pick2 = f2; pick1 = ff1; pickO1 = no1; pickO2 = no2;
      }
    }
    if (pick < 0) break;
    chosen[pick] = 1;
    const c = cands[pick];
    for (const id of c.m1) selCount[id]++;
    for (const id of c.m2) selCount[id]++;
    o1 = pickO1; o2 = pickO2; s1 += c.n1; s2 += c.n2;
    best1 = pick1; best2 = pick2;
  }
  return chosen;
}

class SplitWriter {
  constructor(dir) {
    mkdirSync(dir, { recursive: true });
    this.tokens = openSync(resolve(dir, 'tokens.u16'), 'w');
    this.scalars = openSync(resolve(dir, 'scalars.f32'), 'w');
    this.labels = openSync(resolve(dir, 'labels.u8'), 'w');
    this.docs = openSync(resolve(dir, 'docs.jsonl'), 'w');
    this.evals = openSync(resolve(dir, 'eval.jsonl'), 'w');
    this.offset = 0;
    this.count = 0;
  }
  write(doc, f, labels, sentRouge, refRouge, refWords) {
    const n = f.sentences.length;
    const tok = new Uint16Array(n * T);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < f.tokenLength; j++) tok[i * T + j] = f.tokenIds[i * f.tokenLength + j];
    }
    writeSync(this.tokens, Buffer.from(tok.buffer));
    writeSync(this.scalars, Buffer.from(f.scalars.buffer, f.scalars.byteOffset, f.scalars.byteLength));
    writeSync(this.labels, Buffer.from(labels.buffer));
    writeSync(this.docs, JSON.stringify({ id: doc.id, dataset: doc.dataset, offset: this.offset, n, refWords }) + '\n');
    writeSync(
      this.evals,
      JSON.stringify({
        id: doc.id,
        dataset: doc.dataset,
        words: f.sentences.map((s) => countWords(s.text)),
        toks: sentRouge.map((t) => t.join(' ')),
        ref: refRouge.join(' '),
        refWords,
      }) + '\n',
    );
    this.offset += n;
    this.count++;
  }
  close() {
    for (const fd of [this.tokens, this.scalars, this.labels, this.docs, this.evals]) closeSync(fd);
  }
}

const out = values.out;
mkdirSync(out, { recursive: true });
const writers = { train: new SplitWriter(resolve(out, 'train')), val: new SplitWriter(resolve(out, 'val')) };
const started = Date.now();
const stats = {};
for (const dataset of values.datasets.split(',')) {
  const file = resolve(values.data, `${dataset}.train.jsonl.gz`);
  if (!existsSync(file)) throw new Error(`missing dataset file ${file}`);
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let seen = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    if (seen >= limit) break;
    seen++;
    const doc = JSON.parse(line);
    doc.dataset = dataset;
    const f = featurize(doc.text, { maxSentences });
    if (f.sentences.length === 0) continue;
    const sentRouge = f.sentences.map((s) => rougeTokens(s.text));
    const refRouge = rougeTokens(doc.summary);
    const labels = greedyOracle(sentRouge, refRouge);
    const split = isValidation(doc.id) ? 'val' : 'train';
    writers[split].write(doc, f, labels, sentRouge, refRouge, countWords(doc.summary));
    const st = (stats[`${dataset}/${split}`] ??= { docs: 0, sentences: 0, positives: 0 });
    st.docs++;
    st.sentences += f.sentences.length;
    for (const l of labels) st.positives += l;
    if (seen % 500 === 0) process.stderr.write(`${dataset}: ${seen} documents, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
}
writers.train.close();
writers.val.close();
writeFileSync(resolve(out, 'spec.json'), JSON.stringify({ ...FEATURE_SPEC, stats }, null, 2));
process.stderr.write(`done in ${((Date.now() - started) / 1000).toFixed(0)} s\n${JSON.stringify(stats, null, 2)}\n`);
