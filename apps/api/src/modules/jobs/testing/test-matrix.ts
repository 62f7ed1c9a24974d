import { inject } from 'vitest';
import type { JobsConfig } from '../jobs.config.js';
import type { TestDatabaseKind } from './test-database.js';

/** The database of the running vitest project (`sqlite` or `postgres`). */
export function projectDatabase(): TestDatabaseKind {
  return inject('database');
}

/** False in the postgres project when PostgreSQL is unreachable (the suite is then skipped). */
export function projectDatabaseAvailable(): boolean {
  return projectDatabase() === 'sqlite' || inject('postgresAvailable') === true;
}

/**
 * Queue backends exercised by the running project: the embedded queue on SQLite; on PostgreSQL both
 * the embedded queue and BullMQ on the local Redis.
 */
export function queueCombos(): Array<[TestDatabaseKind, JobsConfig['backend']]> {
  return projectDatabase() === 'sqlite'
    ? [['sqlite', 'database']]
    : [
        ['postgres', 'database'],
        ['postgres', 'bullmq'],
      ];
}
