import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

interface SqliteHandle {
  pragma(source: string): unknown;
  function(name: string, options: { deterministic: boolean }, fn: (value: unknown) => unknown): unknown;
}

/** TypeORM options for the configured database: migrations run at start, never `synchronize`. */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    entities,
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: ['error' as const, 'migration' as const],
  };
  if (config.database.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: config.database.url,
      // The schema is also the search path, so raw SQL in migrations and queries finds its tables.
      ...(config.database.schema
        ? { schema: config.database.schema, extra: { options: `-c search_path=${config.database.schema}` } }
        : {}),
      poolSize: 10,
      connectTimeoutMS: 5000,
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.database.path,
    enableWAL: config.database.path !== ':memory:',
    prepareDatabase: (db: SqliteHandle) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // SQLite's LOWER() folds ASCII only; PostgreSQL's folds all letters. Make them agree so
      // case-insensitive search behaves the same on both.
      db.function('lower', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value));
    },
  };
}
