#!/usr/bin/env node
// Writes the unlabelled token stream for self-supervised pre-training of the token embeddings
// (train/pretrain.py). Tokens are the runtime's own: `wordTokens` from @amicus/legal-nlp hashed by
// `tokenId` from @amicus/inference, so pre-training, fine-tuning and inference share one tokenization.
//
//   node packages/legal-model/scripts/prepare-pretrain.mjs [--data DIR] [--out DIR] [--limit N]
//
// Texts: the training split of UK-Abs and IN-Abs (validation judgments are skipped by the shared split
// rule) and the Australian judgments (their catchphrases are not used). Summaries are never read.
// Output (under --out, default packages/legal-model/work/pretrain):
//   tokens.u16   little-endian uint16 token ids, one judgment after another, 0 between judgments
//   meta.json    documents and tokens per dataset, the feature spec version and bucket count
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, openSync, writeSync, closeSync, writeFileSync, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tokenId, FEATURE_SPEC } from '@amicus/inference';
import { wordTokens } from '@amicus/legal-nlp';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(repoRoot, '../shared/data/legal-sum') },
    out: { type: 'string', default: resolve(here, '../work/pretrain') },
    limit: { type: 'string' },
  },
});
const limit = values.limit ? Number(values.limit) : Infinity;

/** Validation split rule shared with the evaluation package and prepare-data.mjs. */
function isValidation(id) {
  return parseInt(createHash('sha256').update(String(id), 'utf8').digest('hex').slice(0, 8), 16) % 10 === 0;
}

// Datasets and whether the validation rule applies (UK and IN are evaluated; the Australian set is not).
const SOURCES = [
  ['uk-abs', true],
  ['in-abs', true],
  ['aus-catchphrases', false],
];

mkdirSync(values.out, { recursive: true });
const fd = openSync(resolve(values.out, 'tokens.u16'), 'w');
const started = Date.now();
const stats = {};
for (const [dataset, split] of SOURCES) {
  const file = resolve(values.data, `${dataset}.train.jsonl.gz`);
  if (!existsSync(file)) throw new Error(`missing dataset file ${file}`);
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const st = (stats[dataset] = { docs: 0, skippedValidation: 0, tokens: 0 });
  for await (const line of rl) {
    if (!line.trim()) continue;
    if (st.docs >= limit) break;
    const doc = JSON.parse(line);
    if (split && isValidation(doc.id)) {
      st.skippedValidation++;
      continue;
    }
    const toks = wordTokens(String(doc.text ?? ''));
    const ids = new Uint16Array(toks.length + 1);
    for (let i = 0; i < toks.length; i++) ids[i] = tokenId(toks[i]);
    writeSync(fd, Buffer.from(ids.buffer));
    st.docs++;
    st.tokens += toks.length;
  }
}
closeSync(fd);
writeFileSync(
  resolve(values.out, 'meta.json'),
  JSON.stringify({ features: FEATURE_SPEC.version, hashBuckets: FEATURE_SPEC.hashBuckets, stats }, null, 2),
);
process.stderr.write(`done in ${((Date.now() - started) / 1000).toFixed(0)} s\n${JSON.stringify(stats, null, 2)}\n`);
