// Latency of the API under a fixed request rate, idle and while summary jobs run back to back.
//   npm run bench:api  [-- --rate 300 --duration 20 --cases 300 --summaries 60 --judgments 4 --only caseList,me]
//                      [-- --main OTHER/apps/api/dist/main.js]   (another build, e.g. an older commit's)
// Starts the built app (`node dist/main.js`, production mode, SQLite, embedded queue) as its own process
// on a fresh data directory, loads a record over GraphQL (cases in two courts, some sealed, parties,
// assignments, one text document per case, summaries of some), then drives it over loopback with
// autocannon at a fixed rate, signed in as a clerk: `{ __typename }` (the floor), `me`, the case list
// (`cases(first: 20)` with totalCount and party names) and the case page (the web app's CaseDetail and
// CaseDocuments queries). Event-loop delay is measured inside the server (bench/lag-probe.mjs).
// Also: cold start (process start → /readyz 200), idle memory, summaries finished per window under
// load, and judgments an hour end to end (upload → extraction → summary). Figures only; no pass/fail.
// Needs `npm run build -w @amicus/api` first; the 15,000-word judgment comes from ../shared/data.
import { spawn, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { graphqlClient, judgment } from './support.mjs';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '300' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    cases: { type: 'string', default: '300' },
    summaries: { type: 'string', default: '60' },
    judgments: { type: 'string', default: '4' },
    id: { type: 'string', default: 'uksc-2009-0104' },
    only: { type: 'string' },
    /** Another build's dist/main.js (to compare two builds under the same conditions). */
    main: { type: 'string' },
  },
});
const rate = Number(args.rate);
const duration = Number(args.duration);
const here = dirname(fileURLToPath(import.meta.url));
const apiRoot = resolve(here, '..');
const mainJs = args.main ? resolve(args.main) : join(apiRoot, 'dist/main.js');
if (!existsSync(mainJs)) throw new Error(`${mainJs} does not exist: build the API first (npm run build -w @amicus/api)`);

const load = () => execSync('uptime').toString().trim().replace(/^.*load average:\s*/, 'load ');
const cpu = cpus()[0]?.model ?? 'unknown CPU';

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- the server -------------------------------------------------------------------------------
const dataDir = mkdtempSync(join(tmpdir(), 'amicus-bench-api-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const admin = { email: 'bench-admin@court.example', password: 'bench admin password 0123456789' };
const clerk = { email: 'bench-clerk@court.example', password: 'bench clerk password 0123456789' };
const started = performance.now();
const server = spawn(process.execPath, ['--import', join(here, 'lag-probe.mjs'), mainJs], {
  cwd: resolve(dirname(mainJs), '..'),
  env: {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(port),
    AMICUS_DATA_DIR: dataDir,
    AMICUS_SERVE_WEB: 'false',
    AMICUS_BOOTSTRAP_ADMIN_EMAIL: admin.email,
    AMICUS_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    AMICUS_JOB_POLL_INTERVAL: '50ms',
    AMICUS_LOGIN_RATE_LIMIT: '1000/1m',
  },
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
let serverExited = false;
server.on('exit', (code, signal) => {
  serverExited = true;
  if (!stopping) {
    console.error(`the server exited (${code ?? signal})`);
    process.exit(1);
  }
});
let stopping = false;
async function stopServer() {
  stopping = true;
  if (!serverExited) {
    server.kill('SIGTERM');
    for (let i = 0; i < 100 && !serverExited; i++) await sleep(100);
    if (!serverExited) server.kill('SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
}
process.on('SIGINT', () => void stopServer().then(() => process.exit(130)));

/** Asks the probe inside the server. */
function probe(kind) {
  return new Promise((res) => {
    const onMessage = (m) => {
      if (m?.probe === (kind === 'read' ? 'lag' : kind)) {
        server.off('message', onMessage);
        res(m);
      }
    };
    server.on('message', onMessage);
    server.send({ probe: kind });
  });
}

for (;;) {
  try {
    const res = await fetch(`${url}/readyz`);
    if (res.status === 200) break;
  } catch {
    // not listening yet
  }
  await sleep(20);
}
const coldStartMs = performance.now() - started;
await sleep(2000);
const memoryAtStart = await probe('memory');

const gql = graphqlClient(url);

async function pool(items, width, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

const signIn = async (who) => (await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: who.email, p: who.password })).login.token;

async function upload(token, caseId, title, text, name) {
  const form = new FormData();
  form.append('title', title);
  form.append('kind', 'judgment');
  form.append('file', new Blob([Buffer.from(text, 'utf8')]), name);
  const res = await fetch(`${url}/api/cases/${caseId}/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return (await res.json()).document;
}

async function waitJob(token, id, pollMs = 25) {
  for (;;) {
    const { job } = await gql('query($id: ID!) { job(id: $id) { state errorCode } }', { id }, token);
    if (job.state === 'SUCCEEDED') return job;
    if (job.state === 'FAILED' || job.state === 'CANCELLED') throw new Error(`job ${id} ${job.state} ${job.errorCode}`);
    await sleep(pollMs);
  }
}

async function waitExtracted(token, documentId, pollMs = 25) {
  for (;;) {
    const { document } = await gql('query($id: ID!) { document(id: $id) { extractionStatus } }', { id: documentId }, token);
    if (document.extractionStatus === 'DONE') return;
    if (document.extractionStatus === 'FAILED') throw new Error(`extraction of ${documentId} failed`);
    await sleep(pollMs);
  }
}

// --- the record -------------------------------------------------------------------------------
const seedStarted = performance.now();
const text = await judgment(args.id);
const adminToken = await signIn(admin);
const { createUser } = await gql(
  'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
  { i: { email: clerk.email, displayName: 'Bench Clerk', role: 'CLERK', court: 'BENCH', password: clerk.password } },
  adminToken,
);
const caseCount = Number(args.cases);
const shortText = (i) =>
  `IN THE HIGH COURT OF BENCH\nCase No. BENCH/${i}/2024\nBetween Alpha Holdings Ltd ${i} (Claimant) and Beta Trading Plc ${i} (Defendant).\n\n` +
  `1. The claimant seeks damages of £${1000 + i} for breach of a supply contract dated 3 March 2023.\n` +
  `2. The defendant denies liability and relies on clause ${i % 17} of the contract.\n` +
  `3. Having heard counsel, the court finds that the goods were delivered late and that the delay caused the loss claimed.\n` +
  `4. Judgment is entered for the claimant in the sum of £${1000 + i} with costs.\n`;
const caseIds = [];
await pool(
  Array.from({ length: caseCount }, (_, i) => i),
  4,
  async (i) => {
    // one case in ten belongs to another court, one in twenty is sealed: the clerk's list filters them out
    const court = i % 10 === 9 ? 'OTHER' : 'BENCH';
    const sealed = i % 20 === 7;
    const { createCase } = await gql(
      'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
      {
        input: {
          docketNumber: `BENCH-${String(i).padStart(4, '0')}`,
          title: `Alpha Holdings Ltd ${i} v Beta Trading Plc ${i}`,
          court,
          caseType: i % 3 === 0 ? 'appeal' : 'civil',
          filedDate: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
          sealed,
          parties: [
            { name: `Alpha Holdings Ltd ${i}`, role: 'PLAINTIFF', counsel: 'A. Counsel' },
            { name: `Beta Trading Plc ${i}`, role: 'DEFENDANT' },
            ...(i % 4 === 0 ? [{ name: `Gamma Insurers ${i}`, role: 'INTERVENER' }] : []),
          ],
        },
      },
      adminToken,
    );
    if (i % 5 === 0) await gql('mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }', { c: createCase.id, u: createUser.id }, adminToken);
    const doc = await upload(adminToken, createCase.id, `Judgment ${i}`, shortText(i), `judgment-${i}.txt`);
    caseIds.push({ id: createCase.id, documentId: doc.id, court, sealed });
  },
);
for (const c of caseIds) await waitExtracted(adminToken, c.documentId, 50);
const summarized = caseIds.filter((c) => c.court === 'BENCH' && !c.sealed).slice(0, Number(args.summaries));
await pool(summarized, 2, async (c) => {
  const { summarizeCase } = await gql('mutation($c: ID!) { summarizeCase(caseId: $c, length: SHORT) { id } }', { c: c.id }, adminToken);
  await waitJob(adminToken, summarizeCase.id, 50);
});
const seedMs = performance.now() - seedStarted;

// the case that summary jobs run on, back to back, with the long judgment
const { createCase: streamCase } = await gql(
  'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
  { input: { docketNumber: 'BENCH-STREAM', title: 'Stream v Summaries', court: 'BENCH', caseType: 'appeal', filedDate: '2019-06-01' } },
  adminToken,
);
const streamDoc = await upload(adminToken, streamCase.id, args.id, text, `${args.id}.txt`);
await waitExtracted(adminToken, streamDoc.id);
const streamPages = (await gql('query($id: ID!) { document(id: $id) { pages } }', { id: streamDoc.id }, adminToken)).document.pages;

const clerkToken = await signIn(clerk);
await sleep(3000);
const memoryIdle = await probe('memory');

// --- the requests -----------------------------------------------------------------------------
const pageCase = summarized[0].id;
const targets = {
  typename: { query: '{ __typename }' },
  me: { query: '{ me { id email displayName role court } }' },
  caseList: {
    query:
      'query CaseList($first: Int) { cases(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id docketNumber title status filedDate parties { name } } } } }',
    variables: { first: 20 },
  },
  casePage: {
    query:
      'query CasePage($id: ID!) { case(id: $id) { id docketNumber title court caseType status filedDate sealed ' +
      'parties { id name role counsel } assignees { id displayName role } ' +
      'documents(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title kind filedDate bytes mediaType originalName pages ocr extractionStatus extractionError createdAt job { id state progress stage } } } } } }',
    variables: { id: pageCase },
  },
};
const selected = args.only ? args.only.split(',') : Object.keys(targets);
for (const name of selected) {
  const t = targets[name];
  if (!t) throw new Error(`unknown target ${name}; one of ${Object.keys(targets).join(', ')}`);
  const data = await gql(t.query, t.variables, clerkToken);
  if (name === 'caseList' && !(data.cases.edges.length === 20 && data.cases.totalCount > 20)) throw new Error('the case list came back short');
  t.body = JSON.stringify({ query: t.query, variables: t.variables });
}
const expectedVisible = (await gql(targets.caseList.query, { first: 1 }, clerkToken)).cases.totalCount;

async function drive(name) {
  await probe('reset');
  const r = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${clerkToken}` },
    body: targets[name].body,
    connections: Number(args.connections),
    overallRate: rate,
    duration,
  });
  const lag = await probe('read');
  return {
    name,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    achieved: Math.round(r.requests.total / duration),
    errors: r.errors + r.non2xx + r.timeouts,
    lag,
    load: load(),
  };
}

// --- summaries back to back -------------------------------------------------------------------
let streaming = false;
let finishedSummaries = 0;
let streamFailures = 0;
async function summaryStream() {
  while (streaming) {
    try {
      const { summarizeCase } = await gql('mutation($c: ID!) { summarizeCase(caseId: $c, length: STANDARD) { id } }', { c: streamCase.id }, adminToken);
      await waitJob(adminToken, summarizeCase.id, 20);
      finishedSummaries++;
    } catch (error) {
      streamFailures++;
      console.error(`summary job failed: ${error.message}`);
      await sleep(200);
    }
  }
}

const idle = [];
for (const name of selected) idle.push(await drive(name));

streaming = true;
const stream = summaryStream();
// the first summary loads the model; measure once jobs are warm
while (finishedSummaries < 2 && streaming) await sleep(50);
const busy = [];
for (const name of selected) {
  const before = finishedSummaries;
  const row = await drive(name);
  row.summaries = finishedSummaries - before;
  busy.push(row);
}
streaming = false;
await stream;

// --- judgments an hour, end to end ------------------------------------------------------------
const nJudgments = Number(args.judgments);
const e2eCases = [];
for (let i = 0; i < nJudgments; i++) {
  const { createCase } = await gql(
    'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
    { input: { docketNumber: `BENCH-E2E-${i}`, title: 'End v End', court: 'BENCH', caseType: 'appeal', filedDate: '2019-07-01' } },
    adminToken,
  );
  e2eCases.push(createCase.id);
}
const e2eStarted = performance.now();
await Promise.all(
  e2eCases.map(async (caseId, i) => {
    const doc = await upload(adminToken, caseId, `${args.id} ${i}`, text, `${args.id}-${i}.txt`);
    await waitExtracted(adminToken, doc.id, 50);
    const { summarizeCase } = await gql('mutation($c: ID!) { summarizeCase(caseId: $c, length: STANDARD) { id } }', { c: caseId }, adminToken);
    await waitJob(adminToken, summarizeCase.id, 50);
  }),
);
const e2eSeconds = (performance.now() - e2eStarted) / 1000;
const e2eLoad = load();
await stopServer();

// --- the figures ------------------------------------------------------------------------------
const mb = (b) => `${Math.round(b / 1024 / 1024)} MB`;
const pad = (s, n) => String(s).padStart(n);
const line = (r) =>
  `  ${r.name.padEnd(9)} p50 ${pad(r.p50, 4)} ms  p90 ${pad(r.p90, 4)} ms  p99 ${pad(r.p99, 4)} ms  max ${pad(r.max, 5)} ms  ` +
  `${pad(r.achieved, 4)} req/s  errors ${r.errors}  loop lag p50/p99/max ${r.lag.p50}/${r.lag.p99}/${r.lag.max} ms` +
  `${r.summaries === undefined ? '' : `  summaries ${r.summaries}`}  (${r.load})`;
console.log(`API under load (${mainJs}): ${cpu}, ${cpus().length} cores; load generator (autocannon, ${args.connections} connections) on the same host`);
console.log(`  built app, NODE_ENV=production, SQLite, embedded queue; ${caseCount} cases (${expectedVisible} visible to the clerk), ${summarized.length} summaries; seeded in ${(seedMs / 1000).toFixed(1)} s`);
console.log(`  cold start (process start → /readyz 200): ${Math.round(coldStartMs)} ms; memory at start: rss ${mb(memoryAtStart.rss)}, after seeding (idle): rss ${mb(memoryIdle.rss)} heap ${mb(memoryIdle.heapUsed)}`);
console.log(`Idle, ${rate} req/s for ${duration} s each:`);
idle.forEach((r) => console.log(line(r)));
console.log(`While summary jobs run back to back (${args.id}, ${text.split(/\s+/).filter(Boolean).length} words, ${streamPages} pages), ${rate} req/s for ${duration} s each:`);
busy.forEach((r) => console.log(line(r)));
if (streamFailures) console.log(`  summary jobs failed: ${streamFailures}`);
console.log(
  `End to end (upload → extraction → summary), ${nJudgments} judgments at once: ${e2eSeconds.toFixed(1)} s → ${Math.round((nJudgments / e2eSeconds) * 3600)} judgments/hour (${e2eLoad})`,
);
