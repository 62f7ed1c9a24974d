import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one database transaction (committed when it resolves, rolled back when it throws).
 * The single transaction helper of the API: pass the manager to repositories that must take part.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}
