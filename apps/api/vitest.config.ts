// Two projects run the same suite: `sqlite` and `postgres` (PostgreSQL at 127.0.0.1:5432, database
// `test`, or TEST_DATABASE_URL). AMICUS_TEST_DB=sqlite|postgres selects one; default: both.
import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// One graphql instance: Node resolves `graphql` to its CommonJS build (no "exports" field), Vite to
// its ESM build; two instances break `instanceof` checks between the API and NestJS/Apollo.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

const selected = process.env.AMICUS_TEST_DB ?? 'all';
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// AMICUS_UPDATE_SCHEMA=1: the schema test rewrites apps/api/schema.gql instead of failing when stale.
const updateSchema = process.env.AMICUS_UPDATE_SCHEMA === '1';
const databases = (['sqlite', 'postgres'] as const).filter((db) => selected === 'all' || selected === db);
if (databases.length === 0) throw new Error(`AMICUS_TEST_DB must be sqlite, postgres or all (got "${selected}")`);

export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' }, jsc: { target: 'es2022' } })],
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // Per database: `<db>` runs the module tests beside the code (each file isolated), `<db>-app`
    // the integration tests in test/ that boot the whole app; those share one module graph per
    // worker (isolate: false), which halves their run time, since each boots its own app anyway.
    projects: databases.flatMap((database) =>
      [
        { name: database, include: ['src/**/*.test.ts'], isolate: true },
        { name: `${database}-app`, include: ['test/**/*.test.ts'], isolate: false },
      ].map(({ name, include, isolate }) => ({
        extends: true as const,
        test: {
          name,
          include,
          isolate,
          globalSetup: database === 'postgres' ? ['test/setup/postgres.global-setup.ts'] : [],
          provide: { database, postgresUrl, redisUrl, updateSchema },
        },
      })),
    ),
  },
});
