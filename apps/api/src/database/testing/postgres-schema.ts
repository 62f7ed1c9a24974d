import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A throwaway schema in the test PostgreSQL database, so concurrent suites never see each other's rows. */
export interface PostgresTestSchema {
  schema: string;
  /** `baseUrl` with `?schema=`, the form DATABASE_URL takes (the app makes it the search path). */
  url: string;
  drop(): Promise<void>;
}

async function run(baseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createPostgresSchema(baseUrl: string): Promise<PostgresTestSchema> {
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await run(baseUrl, `CREATE SCHEMA "${schema}"`);
  const url = new URL(baseUrl);
  url.searchParams.set('schema', schema);
  return { schema, url: url.toString(), drop: () => run(baseUrl, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`) };
}
