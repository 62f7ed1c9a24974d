import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import type { AppConfig } from '../../../config/app-config.js';
import { dataSourceOptions } from '../../../database/data-source-options.js';
import { createPostgresSchema } from '../../../database/testing/postgres-schema.js';

export type TestDatabaseKind = 'sqlite' | 'postgres';

/** PostgreSQL and Redis used by tests (the CI machine's local services, provided by vitest.config.ts). */
export const TEST_POSTGRES_URL = inject('postgresUrl');
export const TEST_REDIS_URL = inject('redisUrl');

export interface TestDatabase {
  kind: TestDatabaseKind;
  dataSource: DataSource;
  /** The `database` part of AppConfig that reaches this database (for child processes). */
  database: AppConfig['database'];
  /** Closes the connection and removes the file or schema. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database: a temporary SQLite file, or a new schema in the test PostgreSQL
 * database (so concurrent suites never see each other's rows).
 */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'amicus-test-'));
    const database: AppConfig['database'] = { type: 'sqlite', path: join(dir, 'amicus.sqlite') };
    const dataSource = new DataSource({ ...dataSourceOptions({ database } as AppConfig), logging: ['error'] });
    await dataSource.initialize();
    return {
      kind,
      dataSource,
      database,
      destroy: async () => {
        await dataSource.destroy().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const pgSchema = await createPostgresSchema(TEST_POSTGRES_URL);
  const database: AppConfig['database'] = { type: 'postgres', url: TEST_POSTGRES_URL, schema: pgSchema.schema };
  const dataSource = new DataSource({ ...dataSourceOptions({ database } as AppConfig), logging: ['error'] });
  await dataSource.initialize();
  return {
    kind,
    dataSource,
    database,
    destroy: async () => {
      await dataSource.destroy().catch(() => undefined);
      await pgSchema.drop();
    },
  };
}
