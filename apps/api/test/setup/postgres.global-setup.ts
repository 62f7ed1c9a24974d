import type { TestProject } from 'vitest/node';
import pg from 'pg';

declare module 'vitest' {
  export interface ProvidedContext {
    database: 'sqlite' | 'postgres';
    postgresUrl: string;
    /** Redis for the BullMQ job tests (TEST_REDIS_URL or 127.0.0.1:6379). */
    redisUrl: string;
    postgresAvailable: boolean;
    /** Rewrite apps/api/schema.gql instead of failing when it is stale (AMICUS_UPDATE_SCHEMA=1). */
    updateSchema: boolean;
  }
}

/** Checks once whether PostgreSQL answers; the postgres project skips its tests when it does not. */
export default async function setup(project: TestProject): Promise<void> {
  const url = project.config.provide.postgresUrl as string;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    project.provide('postgresAvailable', true);
  } catch (error) {
    console.warn(`PostgreSQL not reachable: skipped (${url}: ${error instanceof Error ? error.message : String(error)})`);
    project.provide('postgresAvailable', false);
  } finally {
    await client.end().catch(() => undefined);
  }
}
