// End-to-end time from upload to stored summary for a ~15,000-word judgment, through the real API
// (HTTP upload, extraction job, summarizeCase job with the shipped model, SQLite, embedded queue).
//   node bench/summary-e2e.mjs [--runs 5] [--id uksc-2009-0104] [--threads 2] [--model-dir DIR]
// Needs `npm run build -w @amicus/api` first. Prints the cold run (model load included) and the
// median and spread of the warm runs; no pass/fail.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../dist/app.factory.js';
import { graphqlClient, judgment } from './support.mjs';
import { loadConfig } from '../dist/config/config.loader.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    id: { type: 'string', default: 'uksc-2009-0104' },
    threads: { type: 'string', default: '2' },
    'model-dir': { type: 'string' },
  },
});

const text = await judgment(args.id);
const words = text.split(/\s+/).filter(Boolean).length;
const dataDir = mkdtempSync(join(tmpdir(), 'amicus-bench-summary-'));
const email = 'bench-admin@court.example';
const password = 'bench password 0123456789';
const config = loadConfig({
  NODE_ENV: 'test',
  AMICUS_DATA_DIR: dataDir,
  AMICUS_SERVE_WEB: 'false',
  AMICUS_ARGON2_MEMORY_KIB: '1024',
  AMICUS_ARGON2_TIME_COST: '1',
  AMICUS_BOOTSTRAP_ADMIN_EMAIL: email,
  AMICUS_BOOTSTRAP_ADMIN_PASSWORD: password,
  AMICUS_INFERENCE_THREADS: args.threads,
  AMICUS_JOB_POLL_INTERVAL: '20ms',
  ...(args['model-dir'] ? { AMICUS_MODEL_DIR: resolve(args['model-dir']) } : {}),
});
const app = await createApp(config, { logLevels: ['error'] });
await app.listen(0, '127.0.0.1');
const url = `http://127.0.0.1:${app.getHttpServer().address().port}`;

const gql = graphqlClient(url);

async function until(probe) {
  for (;;) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const { login } = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
const token = login.token;

const runs = [];
for (let i = 0; i < Number(args.runs); i++) {
  const { createCase } = await gql(
    'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
    { input: { docketNumber: `BENCH-${i}`, title: 'Bench v Mark', court: 'UKSC', caseType: 'appeal', filedDate: '2020-01-01' } },
    token,
  );
  const form = new FormData();
  form.append('title', args.id);
  form.append('kind', 'judgment');
  form.append('file', new Blob([Buffer.from(text, 'utf8')]), `${args.id}.txt`);
  const started = performance.now();
  const res = await fetch(`${url}/api/cases/${createCase.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  const { document } = await res.json();
  await until(async () => {
    const d = (await gql('query($id: ID!) { document(id: $id) { extractionStatus } }', { id: document.id }, token)).document;
    if (d.extractionStatus === 'FAILED') throw new Error('extraction failed');
    return d.extractionStatus === 'DONE';
  });
  const extracted = performance.now();
  const { summarizeCase } = await gql('mutation($c: ID!) { summarizeCase(caseId: $c, length: STANDARD) { id } }', { c: createCase.id }, token);
  const summary = await until(async () => {
    const { summaries } = await gql('query($c: ID!) { summaries(caseId: $c) { id words sentences { start } } }', { c: createCase.id }, token);
    return summaries[0];
  });
  const stored = performance.now();
  const job = (await gql('query($id: ID!) { job(id: $id) { startedAt finishedAt } }', { id: summarizeCase.id }, token)).job;
  runs.push({
    total: stored - started,
    extraction: extracted - started,
    summary: stored - extracted,
    job: job.startedAt && job.finishedAt ? new Date(job.finishedAt) - new Date(job.startedAt) : NaN,
    words: summary.words,
    sentences: summary.sentences.length,
  });
}
await app.close();
rmSync(dataDir, { recursive: true, force: true });

const ms = (v) => `${Math.round(v)} ms`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`Upload → stored summary, ${args.id} (${words} words), ${args.threads} inference thread(s), SQLite, embedded queue`);
const [cold, ...warm] = runs;
console.log(`  cold (first run, model load included): total ${ms(cold.total)} = upload+extraction ${ms(cold.extraction)} + summarize ${ms(cold.summary)} (job ${ms(cold.job)})`);
if (warm.length > 0) {
  for (const key of ['total', 'extraction', 'summary', 'job']) {
    const xs = warm.map((r) => r[key]);
    console.log(`  warm ${key.padEnd(10)} median ${ms(median(xs))}  min ${ms(Math.min(...xs))}  max ${ms(Math.max(...xs))}  (${xs.length} runs)`);
  }
}
console.log(`  summary: ${cold.words} words, ${cold.sentences} sentences`);
