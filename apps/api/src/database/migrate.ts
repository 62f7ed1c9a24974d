import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/**
 * Applies pending migrations so that several processes starting at once (API and worker hosts on
 * one PostgreSQL) never run them side by side: on PostgreSQL one process takes a session advisory
 * lock (one per schema), migrates and releases it; the others wait on the lock, then find nothing
 * pending. Returns the names of the migrations this process applied.
 */
export async function runMigrationsLocked(dataSource: DataSource, logger = new Logger('Migrations')): Promise<string[]> {
  const apply = async () => (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  if (dataSource.options.type !== 'postgres') return apply();
  const key = `amicus-migrations:${dataSource.options.schema ?? 'public'}`;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key])) as Array<{ locked: boolean }>;
    if (!locked) {
      logger.log('Another process is applying migrations; waiting for it');
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    }
    const applied = await apply();
    if (applied.length > 0) logger.log(`Applied ${applied.length} migrations: ${applied.join(', ')}`);
    return applied;
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
    await runner.release();
  }
}
