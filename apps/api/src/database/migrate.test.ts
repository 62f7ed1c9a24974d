// Several processes starting together on one PostgreSQL schema: each opens its own connection pool
// (as separate hosts do) and applies migrations through runMigrationsLocked; one applies them all,
// the others wait for its lock and find nothing pending.
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { runMigrationsLocked } from './migrate.js';
import { migrations } from './migrations/index.js';
import { createPostgresSchema, PostgresTestSchema } from './testing/postgres-schema.js';

const postgres = inject('database') === 'postgres' && inject('postgresAvailable') === true;

describe.skipIf(!postgres)('migrations under a lock on PostgreSQL', () => {
  const sources: DataSource[] = [];
  let schema: PostgresTestSchema | undefined;

  afterAll(async () => {
    for (const s of sources) await s.destroy().catch(() => undefined);
    await schema?.drop();
  });

  it('four processes start at once: one applies every migration, the others wait and apply none', async () => {
    schema = await createPostgresSchema(inject('postgresUrl'));
    const database: AppConfig['database'] = { type: 'postgres', url: inject('postgresUrl'), schema: schema.schema };
    for (let i = 0; i < 4; i++) {
      sources.push(await new DataSource({ ...dataSourceOptions({ database } as AppConfig), migrationsRun: false, logging: ['error'] }).initialize());
    }
    const quiet = { log: () => undefined } as never;
    const applied = await Promise.all(sources.map((s) => runMigrationsLocked(s, quiet)));
    const counts = applied.map((a) => a.length).sort();
    expect(counts).toEqual([0, 0, 0, migrations.length]);
    const rows = (await sources[0].query(`SELECT name FROM "${schema.schema}".migrations`)) as Array<{ name: string }>;
    expect(rows.map((r) => r.name).sort()).toEqual(migrations.map((m) => m.name).sort());
    // the lock is released: a later start finds nothing to do and does not wait
    expect(await runMigrationsLocked(sources[0], quiet)).toEqual([]);
  });
});
