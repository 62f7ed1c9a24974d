// The query plans of the case list (totalCount and the page) as a clerk sees it, on SQLite and on
// PostgreSQL, with a few thousand cases: default sort, the status filter, and the docket sort.
//   node bench/case-list-plans.mjs [--cases 5000] [--db sqlite|postgres|both]
// Needs `npm run build -w @amicus/api` first. PostgreSQL: TEST_DATABASE_URL or 127.0.0.1:5432/test
// (a throwaway schema, dropped afterwards).
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../dist/app.factory.js';
import { loadConfig } from '../dist/config/config.loader.js';
import { CasesService } from '../dist/modules/cases/cases.service.js';
import { CaseAssignmentEntity } from '../dist/modules/cases/case-assignment.entity.js';
import { CaseEntity } from '../dist/modules/cases/case.entity.js';
import { UserEntity } from '../dist/modules/users/user.entity.js';
import { DataSource } from 'typeorm';

const { values: args } = parseArgs({ options: { cases: { type: 'string', default: '5000' }, db: { type: 'string', default: 'both' } } });
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A throwaway PostgreSQL schema: its URL (search_path set) and how to drop it. */
async function postgresSchema() {
  const name = `plans_${randomUUID().slice(0, 8)}`;
  const admin = new DataSource({ type: 'postgres', url: postgresUrl });
  await admin.initialize();
  await admin.query(`CREATE SCHEMA "${name}"`);
  await admin.destroy();
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new DataSource({ type: 'postgres', url: postgresUrl });
      await c.initialize();
      await c.query(`DROP SCHEMA "${name}" CASCADE`);
      await c.destroy();
    },
  };
}

async function plans(db) {
  const dataDir = mkdtempSync(join(tmpdir(), 'amicus-plans-'));
  const schema = db === 'postgres' ? await postgresSchema() : undefined;
  const env = { NODE_ENV: 'test', AMICUS_DATA_DIR: dataDir, AMICUS_SERVE_WEB: 'false', ...(schema ? { DATABASE_URL: schema.url } : {}) };
  const config = loadConfig(env);
  const app = await createApp({ ...config, jobs: { ...config.jobs, runWorker: false } }, { logLevels: ['error'] });
  const ds = app.get(DataSource);
  const clerkId = randomUUID();
  await ds.getRepository(UserEntity).insert({ id: clerkId, email: 'plans@court.example', displayName: 'Plans', role: 'clerk', court: 'C0', passwordHash: null, active: true });
  const n = Number(args.cases);
  const rows = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    docketNumber: `D-${i}`,
    title: `Case ${i}`,
    court: `C${i % 20}`,
    caseType: 'civil',
    status: ['open', 'stayed', 'closed'][i % 3],
    filedDate: new Date(Date.UTC(2000, 0, 1) + i * 3_600_000).toISOString().slice(0, 10),
    sealed: i % 50 === 0,
    closedAt: null,
  }));
  for (let i = 0; i < rows.length; i += 100) await ds.getRepository(CaseEntity).insert(rows.slice(i, i + 100));
  await ds.getRepository(CaseAssignmentEntity).insert(rows.filter((_, i) => i % 100 === 0).map((c) => ({ caseId: c.id, userId: clerkId })));
  await ds.query('ANALYZE');
  const principal = { userId: clerkId, email: 'plans@court.example', displayName: 'Plans', role: 'clerk', court: 'C0' };
  const cases = app.get(CasesService);
  const captured = [];
  const logQuery = ds.logger.logQuery.bind(ds.logger);
  ds.logger.logQuery = (query, parameters, runner) => {
    captured.push({ query, parameters });
    return logQuery(query, parameters, runner);
  };
  const lists = [
    ['default sort (filed date, newest first)', { first: 20 }],
    ['status filter', { first: 20, filter: { status: 'open' } }],
    ['docket number sort', { first: 20, sort: { field: 'docketNumber', direction: 'ASC' } }],
  ];
  console.log(`\n=== ${db}: ${n} cases, a clerk of court C0 (${n / 20} cases of the court, ${n / 100} assigned)`);
  for (const [label, listArgs] of lists) {
    captured.length = 0;
    await cases.list(principal, listArgs);
    ds.logger.logQuery = logQuery;
    for (const { query, parameters } of captured.splice(0)) {
      const rows = await ds.query(db === 'postgres' ? `EXPLAIN ${query}` : `EXPLAIN QUERY PLAN ${query}`, parameters);
      const plan = db === 'postgres' ? rows.map((r) => r['QUERY PLAN']).join('\n    ') : rows.map((r) => `${'  '.repeat(Number(r.parent) === 0 ? 0 : 1)}${r.detail}`).join('\n    ');
      console.log(`-- ${label}: ${/COUNT\(/.test(query) ? 'totalCount' : 'page'}\n    ${plan}`);
    }
    ds.logger.logQuery = (query, parameters, runner) => {
      captured.push({ query, parameters });
      return logQuery(query, parameters, runner);
    };
  }
  await app.close();
  await schema?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}

for (const db of args.db === 'both' ? ['sqlite', 'postgres'] : [args.db]) await plans(db);
