// Sign-in limiting, password changes and resets, and subscriptions that end when access does.
// On PostgreSQL the limiter and the job events run on the local Redis.
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'graphql-ws';
import { inject } from 'vitest';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity } from '../src/modules/audit/audit.entity.js';
import { addressKey } from '../src/modules/auth/login-rate-limiter.js';
import { z } from 'zod';
import { JobQueue } from '../src/modules/jobs/job-queue.js';
import { JOB_QUEUE } from '../src/modules/jobs/job-queue.token.js';
import { JobsService } from '../src/modules/jobs/jobs.service.js';
import { UserRole } from '../src/modules/users/user.entity.js';
import { databaseAvailable, errorCode, GraphQLResponse, ok, startTestApp, TEST_PASSWORD, TestApp, TestUser, testDatabase } from './helpers/test-app.js';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const ATTEMPTS = 3;

/** A login sent from a given loopback address (127.0.0.0/8 all reach the server on 127.0.0.1). */
function loginFrom(url: string, localAddress: string, email: string, password: string): Promise<GraphQLResponse<{ login: { token: string } }>> {
  const body = JSON.stringify({ query: LOGIN, variables: { email, password } });
  return new Promise((resolve, reject) => {
    const req = request(`${url}/graphql`, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ ...(JSON.parse(text) as GraphQLResponse<{ login: { token: string } }>), status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('client addresses the limiter counts under', () => {
  it('IPv4-mapped IPv6 counts as IPv4, and an IPv6 host counts by its /64', () => {
    expect(addressKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:db8:1:2:ffff::9'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
  });
});

describe.skipIf(!databaseAvailable())('sessions, credentials and subscriptions', () => {
  let t: TestApp;
  let admin: TestUser;
  let sealedCaseId: string;
  const gates = new Map<string, () => void>();

  beforeAll(async () => {
    const redis = testDatabase() === 'postgres' ? { REDIS_URL: inject('redisUrl'), AMICUS_JOB_QUEUE: `amicus-test-${randomBytes(4).toString('hex')}` } : {};
    t = await startTestApp({ AMICUS_LOGIN_RATE_LIMIT: `${ATTEMPTS}/15m`, AMICUS_LOGIN_ADDRESS_ATTEMPTS: '8', AMICUS_JOB_POLL_INTERVAL: '50ms', ...redis });
    // reports progress every 50 ms until its gate opens
    const queue = t.app.get<JobQueue>(JOB_QUEUE);
    queue.types.define('test-ticking', { description: 'Reports progress until its gate opens.', payload: z.object({ gate: z.string() }), result: z.unknown() });
    queue.registerHandler<{ gate: string }>('test-ticking', async (job) => {
      let open = false;
      gates.set(job.payload.gate, () => (open = true));
      for (let i = 1; !open && i < 1000; i++) {
        await job.progress(i % 100, `tick ${i}`);
        await sleep(50);
      }
      return {};
    });
    admin = await t.admin();
    sealedCaseId = ok(
      await t.gql<{ createCase: { id: string } }>(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        { input: { docketNumber: 'SES-1', title: 'Sealed v Sessions', court: 'HC', caseType: 'civil', filedDate: '2026-01-05', sealed: true } },
        admin.token,
      ),
    ).createCase.id;
  });
  afterAll(async () => {
    for (const open of gates.values()) open();
    await t?.close();
  });

  const ledger = (action: string) => t.dataSource.getRepository(AuditEntryEntity).findBy({ action });

  it('a parallel burst of wrong passwords cannot let the right one through: attempts are counted before hashing', async () => {
    const { user } = await t.createUser(UserRole.CLERK, 'HC');
    const burst = await Promise.all([
      ...Array.from({ length: 40 }, () => t.gql(LOGIN, { email: user.email, password: 'wrong password' })),
      t.gql(LOGIN, { email: user.email, password: TEST_PASSWORD }),
    ]);
    const checked = burst.filter((r) => errorCode(r) !== 'RATE_LIMITED');
    expect(checked.length).toBeLessThanOrEqual(ATTEMPTS);
    // the right password afterwards is refused too: the account is locked for the window
    expect(errorCode(await t.gql(LOGIN, { email: user.email, password: TEST_PASSWORD }))).toBe('RATE_LIMITED');
    // the refusal is recorded once per window, not once per attempt
    expect((await ledger('sign_in_refused')).filter((e) => e.details.includes(user.email))).toHaveLength(1);
  });

  it('failures count per account across client addresses, and per address across accounts', async () => {
    const { user } = await t.createUser(UserRole.CLERK, 'HC');
    for (let i = 0; i < ATTEMPTS; i++) {
      expect(errorCode(await loginFrom(t.url, `127.0.0.${10 + i}`, user.email, 'wrong password'))).toBe('UNAUTHENTICATED');
    }
    expect(errorCode(await loginFrom(t.url, '127.0.0.20', user.email, TEST_PASSWORD))).toBe('RATE_LIMITED');

    // one address trying many accounts: 8 attempts per window, then refused for any account
    const address = '127.0.0.30';
    for (let i = 0; i < 8; i++) expect(errorCode(await loginFrom(t.url, address, `nobody${i}@court.example`, 'wrong password'))).toBe('UNAUTHENTICATED');
    const other = await t.createUser(UserRole.CLERK, 'HC');
    expect(errorCode(await loginFrom(t.url, address, other.user.email, TEST_PASSWORD))).toBe('RATE_LIMITED');
    expect(errorCode(await loginFrom(t.url, '127.0.0.31', other.user.email, TEST_PASSWORD))).toBeUndefined();
  });

  it('changePassword ends the other sessions, keeps the current one, and is recorded', async () => {
    const { user, token } = await t.createUser(UserRole.JUDGE, 'HC');
    const second = ok(await t.gql<{ login: { token: string } }>(LOGIN, { email: user.email, password: TEST_PASSWORD })).login.token;
    ok(await t.gql(`mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }`, { c: TEST_PASSWORD, n: 'a brand new passphrase' }, token));
    expect(errorCode(await t.gql('{ me { id } }', {}, second))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql('{ me { id } }', {}, token))).toBeUndefined();
    expect((await ledger('password_changed')).some((e) => e.actorId === user.id)).toBe(true);
  });

  it('changePassword is limited: wrong current passwords lock it, even for the right one', async () => {
    const { user, token } = await t.createUser(UserRole.CLERK, 'HC');
    const change = (current: string) =>
      t.gql(`mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }`, { c: current, n: 'another new passphrase' }, token);
    for (let i = 0; i < ATTEMPTS; i++) expect(errorCode(await change('not my password'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await change(TEST_PASSWORD))).toBe('RATE_LIMITED');
    expect((await ledger('password_change_failed')).filter((e) => e.actorId === user.id)).toHaveLength(ATTEMPTS);
    expect((await ledger('password_change_refused')).filter((e) => e.actorId === user.id)).toHaveLength(1);
  });

  it('setUserPassword ends every session of the user and is recorded', async () => {
    const { user, token } = await t.createUser(UserRole.CLERK, 'HC');
    ok(await t.gql(`mutation($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) { id } }`, { id: user.id, p: 'reset by the admin' }, admin.token));
    expect(errorCode(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    const reset = (await ledger('password_reset')).find((e) => e.details.includes(user.id));
    expect(reset?.actorId).toBe(admin.user.id);
  });

  async function watch(token: string, gate: string) {
    const job = await t.app.get(JobsService).enqueueFor({ userId: admin.user.id, email: admin.user.email, displayName: 'a', role: UserRole.ADMIN, court: null }, 'test-ticking', { gate }, { caseId: sealedCaseId });
    const client = createClient({ url: `${t.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: true });
    const state = { events: 0, errors: [] as unknown[], completed: false, eventsAtEnd: 0 };
    client.subscribe(
      { query: `subscription($id: ID!) { jobProgress(jobId: $id) { jobId progress } }`, variables: { id: job.id } },
      {
        next: (msg) => (msg.data ? state.events++ : state.errors.push(msg.errors)),
        error: (e) => state.errors.push(e),
        complete: () => {
          state.completed = true;
          state.eventsAtEnd = state.events;
        },
      },
    );
    const waitUntil = async (probe: () => boolean, ms = 10_000) => {
      const deadline = Date.now() + ms;
      while (!probe()) {
        if (Date.now() > deadline) throw new Error('condition not met');
        await sleep(25);
      }
    };
    await waitUntil(() => state.events > 0);
    return { state, waitUntil, close: () => client.dispose(), open: () => gates.get(gate)?.() };
  }

  const endings: Array<[string, (judge: TestUser) => Promise<unknown>]> = [
    ['on sign-out', (judge) => t.gql('mutation { logout }', {}, judge.token)],
    ['when its user loses the case (unassigned from a sealed case)', (judge) =>
      t.gql(`mutation($c: ID!, $u: ID!) { unassignUser(caseId: $c, userId: $u) { id } }`, { c: sealedCaseId, u: judge.user.id }, admin.token)],
    ['when its user is deactivated', (judge) => t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: judge.user.id }, admin.token)],
  ];
  it.each(endings)('a jobProgress subscription ends %s and delivers nothing after', async (name, end) => {
    const judge = await t.createUser(UserRole.JUDGE, 'HC');
    ok(await t.gql(`mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }`, { c: sealedCaseId, u: judge.user.id }, admin.token));
    const w = await watch(judge.token, name);
    ok((await end(judge)) as GraphQLResponse);
    await w.waitUntil(() => w.state.completed, 3000);
    await sleep(300);
    expect(w.state.events).toBe(w.state.eventsAtEnd);
    w.open();
    await w.close();
  });
});
