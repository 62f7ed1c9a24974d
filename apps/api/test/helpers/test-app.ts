// Boots the real API for integration tests: a fresh SQLite file or a fresh PostgreSQL schema per
// app, listening on a random port; GraphQL over HTTP with fetch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createApp, type CreateAppOptions } from '../../src/app.factory.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { Env, loadConfig } from '../../src/config/config.loader.js';
import { testCpuWorkerFile } from '../../src/modules/cpu-pool/testing/compile-worker.js';
import { createPostgresSchema } from '../../src/database/testing/postgres-schema.js';
import { ApiKeyAccess } from '../../src/modules/auth/api-key.entity.js';
import { ApiKeysService } from '../../src/modules/auth/api-keys.service.js';
import { AuthService } from '../../src/modules/auth/auth.service.js';
import { UserEntity, UserRole } from '../../src/modules/users/user.entity.js';
import { UsersService } from '../../src/modules/users/users.service.js';

export const TEST_PASSWORD = 'correct horse battery staple';

/** The database of the running vitest project. */
export function testDatabase(): 'sqlite' | 'postgres' {
  return inject('database');
}

/** False in the postgres project when PostgreSQL is unreachable: use with describe.skipIf. */
export function databaseAvailable(): boolean {
  return testDatabase() === 'sqlite' || inject('postgresAvailable') === true;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }>;
}

export interface TestUser {
  user: UserEntity;
  token: string;
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  url: string;
  dataSource: DataSource;
  /** Sends one GraphQL operation; `token` goes in the Authorization header. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Creates an active user directly (password TEST_PASSWORD unless SERVICE) and signs it in. */
  createUser(role: UserRole, court?: string | null, email?: string): Promise<TestUser>;
  /** A service account with one API key (`token`) for these courts. */
  serviceAccount(courts: string[], access: ApiKeyAccess): Promise<TestUser>;
  /** A signed-in admin (created on first use). */
  admin(): Promise<TestUser>;
  close(): Promise<void>;
}


/**
 * A config for tests: fast argon2 (allowed outside production only), a temporary data directory,
 * and the project's database (a fresh PostgreSQL schema in the postgres project). `extra` adds or
 * overrides variables. `cleanup` removes the directory and drops the schema.
 */
export async function testConfig(extra: Env = {}): Promise<{ config: AppConfig; env: Env; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'amicus-api-test-'));
  const env: Env = {
    NODE_ENV: 'test',
    AMICUS_DATA_DIR: dataDir,
    AMICUS_ARGON2_MEMORY_KIB: '1024',
    AMICUS_ARGON2_TIME_COST: '1',
    AMICUS_SERVE_WEB: 'false',
  };
  const pgSchema = testDatabase() === 'postgres' ? await createPostgresSchema(inject('postgresUrl')) : undefined;
  if (pgSchema) env.DATABASE_URL = pgSchema.url;
  const merged = { ...env, ...extra };
  return {
    config: loadConfig(merged),
    env: merged,
    cleanup: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await pgSchema?.drop();
    },
  };
}

let emailCounter = 0;

/** Boots the real app on a random port with a fresh database. Always `await t.close()` (afterAll). */
export async function startTestApp(extraEnv: Env = {}, adjust?: (config: AppConfig) => AppConfig): Promise<TestApp> {
  const { config, cleanup } = await testConfig(extraEnv);
  return bootTestApp(adjust ? adjust(config) : config, cleanup);
}

/** Boots the real app with a given config (from testConfig); `cleanup` runs on close. `appOptions` replaces the error-only log. */
export async function bootTestApp(
  given: AppConfig,
  cleanup: () => Promise<void> = async () => undefined,
  appOptions: CreateAppOptions = { logLevels: ['error'] },
): Promise<TestApp> {
  const config: AppConfig = { ...given, cpuPool: { ...given.cpuPool, workerFile: given.cpuPool.workerFile ?? (await testCpuWorkerFile()) } };
  const app = await createApp(config, appOptions);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const dataSource = app.get(DataSource);
  const users = app.get(UsersService);
  const auth = app.get(AuthService);
  let adminUser: TestUser | undefined;

  const gql: TestApp['gql'] = async (query, variables, token) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLResponse<never>;
    return { ...body, status: res.status };
  };

  const createUser: TestApp['createUser'] = async (role, court, email) => {
    const address = email ?? `${role}${++emailCounter}.${randomBytes(3).toString('hex')}@court.example`;
    const isCourtRole = role === UserRole.JUDGE || role === UserRole.CLERK;
    const user = await users.createUser({
      email: address,
      displayName: `${role} ${emailCounter}`,
      role,
      court: isCourtRole ? (court ?? 'HC') : null,
      password: role === UserRole.SERVICE ? null : TEST_PASSWORD,
    });
    if (role === UserRole.SERVICE) return { user, token: '' };
    const { token } = await auth.login(address, TEST_PASSWORD, `test-${user.id}`);
    return { user, token };
  };

  const serviceAccount: TestApp['serviceAccount'] = async (courts, access) => {
    const { user } = await createUser(UserRole.SERVICE);
    const { key } = await app.get(ApiKeysService).create(null, { userId: user.id, name: 'test key', courts, access });
    return { user, token: key };
  };

  return {
    app,
    config,
    url,
    dataSource,
    gql,
    createUser,
    serviceAccount,
    admin: async () => (adminUser ??= await createUser(UserRole.ADMIN)),
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}

/** Throws with the errors when a response has any; returns its data. */
export function ok<T>(res: GraphQLResponse<T>): T {
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  if (!res.data) throw new Error('No data');
  return res.data;
}

/** The extensions.code of the first error. */
export function errorCode(res: GraphQLResponse<unknown>): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

/** Polls `job(id)` until the job reaches a final state (120 s at most) and returns it. */
export async function waitForJob(
  t: TestApp,
  id: string,
  token: string,
): Promise<{ state: string; result: string | null; errorCode: string | null; errorMessage: string | null; priority: number }> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { job } = ok(
      await t.gql<{ job: { state: string; result: string | null; errorCode: string | null; errorMessage: string | null; priority: number } }>(
        'query($id: ID!) { job(id: $id) { state result errorCode errorMessage priority } }',
        { id },
        token,
      ),
    );
    if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(job.state)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} did not finish: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts `createDraft`, waits for its job and returns the draft it made, read with `fields`. */
export async function createDraftAndWait<T = Record<string, unknown>>(t: TestApp, input: Record<string, unknown>, fields: string, token: string): Promise<T> {
  const { createDraft } = ok(
    await t.gql<{ createDraft: { id: string; type: string } }>('mutation($input: CreateDraftInput!) { createDraft(input: $input) { id type } }', { input }, token),
  );
  if (createDraft.type !== 'draft') throw new Error(`createDraft queued a ${createDraft.type} job`);
  const job = await waitForJob(t, createDraft.id, token);
  if (job.state !== 'SUCCEEDED' || !job.result) throw new Error(`draft job ${createDraft.id} ended ${job.state}: ${job.errorCode} ${job.errorMessage}`);
  const { draftId } = JSON.parse(job.result) as { draftId: string };
  const { draft } = ok(await t.gql<{ draft: T | null }>(`query($id: ID!) { draft(id: $id) { ${fields} } }`, { id: draftId }, token));
  if (!draft) throw new Error(`draft ${draftId} of job ${createDraft.id} is not visible`);
  return draft;
}
