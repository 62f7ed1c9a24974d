/**
 * Inference benchmark: `npm run bench -w @amicus/inference [-- --runs N --model DIR --data DIR]`.
 * Median and spread over repeated runs of: model load (manifest verification + session creation);
 * featurization alone (segmentation and structure included); summarizing a ~15,000-word judgment from
 * the shared legal-sum data end to end at 1 and 2 intra-op threads, and the summary together with its
 * case brief (what `amicus summarize --json` and the summarize job produce); and the process's peak RSS.
 * Prints figures and the CPU; no pass/fail.
 */
import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { cpus } from 'node:os';
import { buildBrief, countWords } from '@amicus/legal-nlp';
import { featurize } from '../features.js';
import { loadModel } from '../model.js';
import { createSummarizer } from '../pipelines/summarize.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    model: { type: 'string', default: resolve(packageRoot, '../legal-model/model') },
    data: { type: 'string', default: resolve(packageRoot, '../../../shared/data/legal-sum') },
    words: { type: 'string', default: '15000' },
  },
});
const runs = Math.max(5, Number(values.runs));
const targetWords = Number(values.words);

async function pickJudgment(): Promise<{ id: string; text: string; words: number }> {
  const file = resolve(values.data, 'uk-abs.train.jsonl.gz');
  if (!existsSync(file)) throw new Error(`benchmark data not found: ${file} (pass --data DIR)`);
  let best: { id: string; text: string; words: number } | undefined;
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { id: string; text: string };
    const words = countWords(doc.text);
    if (!best || Math.abs(words - targetWords) < Math.abs(best.words - targetWords)) best = { id: doc.id, text: doc.text, words };
  }
  if (!best) throw new Error('no documents in the benchmark data');
  return best;
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return `median ${median.toFixed(1)} ms  min ${s[0].toFixed(1)}  max ${s[s.length - 1].toFixed(1)}  (n=${s.length})`;
}

const gc = (globalThis as { gc?: () => void }).gc;
const doc = await pickJudgment();
console.log(`judgment: uk-abs id ${doc.id}, ${doc.words} words, ${doc.text.length} characters`);
console.log(`model: ${values.model}`);
console.log(`CPU: ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} logical cores)`);

const loads: number[] = [];
for (let i = 0; i < runs; i++) {
  gc?.();
  const t = performance.now();
  const m = await loadModel(values.model, { intraOpThreads: 2 });
  loads.push(performance.now() - t);
  await m.release();
}
console.log(`model load (verify + session):        ${stats(loads)}`);

const feats: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  featurize(doc.text);
  feats.push(performance.now() - t);
}
console.log(`segment + features only:              ${stats(feats)}`);

for (const threads of [1, 2]) {
  const model = await loadModel(values.model, { intraOpThreads: threads });
  const summarizer = createSummarizer(model);
  await summarizer.summarize(doc.text, { length: 'standard' });
  const times: number[] = [];
  let sentences = 0;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t = performance.now();
    const r = await summarizer.summarize(doc.text, { length: 'standard' });
    times.push(performance.now() - t);
    sentences = r.sentences.length;
  }
  console.log(`summarize end to end, ${threads} thread${threads > 1 ? 's' : ' '}:      ${stats(times)}  [${sentences} sentences chosen]`);
  const withBrief: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t = performance.now();
    await summarizer.summarize(doc.text, { length: 'standard' });
    buildBrief([{ text: doc.text }]);
    withBrief.push(performance.now() - t);
  }
  console.log(`summary + case brief, ${threads} thread${threads > 1 ? 's' : ' '}:      ${stats(withBrief)}`);
  await model.release();
}
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
