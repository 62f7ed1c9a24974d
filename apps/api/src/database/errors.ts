import { QueryFailedError } from 'typeorm';

/**
 * True when a write failed on a unique index or primary key, on PostgreSQL (23505) or SQLite. Callers
 * turn it into their own answer (a taken docket number, a retry of a lost race); the GraphQL error
 * mapper answers any other one as CONFLICT.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(error.message);
}
