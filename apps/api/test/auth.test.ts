import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity } from '../src/modules/audit/audit.entity.js';
import { ApiKeyEntity } from '../src/modules/auth/api-key.entity.js';
import { AuthSessionEntity } from '../src/modules/auth/auth-session.entity.js';
import { UserEntity, UserRole } from '../src/modules/users/user.entity.js';
import { databaseAvailable, errorCode, ok, startTestApp, TEST_PASSWORD, TestApp } from './helpers/test-app.js';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt user { id email role court displayName } } }`;

describe.skipIf(!databaseAvailable())('sign-in, tokens and API keys', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ AMICUS_LOGIN_RATE_LIMIT: '3/15m', AMICUS_TOKEN_TTL: '2h' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('login returns a bearer token that expires after the configured TTL, and me answers with it', async () => {
    const { user } = await t.createUser(UserRole.JUDGE, 'HC-A');
    const before = Date.now();
    const data = ok(await t.gql<{ login: { token: string; expiresAt: string; user: { email: string; role: string; court: string } } }>(LOGIN, { email: user.email.toUpperCase(), password: TEST_PASSWORD }));
    expect(data.login.user).toMatchObject({ email: user.email, role: 'JUDGE', court: 'HC-A' });
    const ttl = new Date(data.login.expiresAt).getTime() - before;
    expect(ttl).toBeGreaterThan(2 * 3600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(2 * 3600_000 + 1000);
    const me = ok(await t.gql<{ me: { id: string; email: string; displayName: string; role: string; court: string } }>('{ me { id email displayName role court } }', {}, data.login.token));
    expect(me.me).toEqual({ id: user.id, email: user.email, displayName: user.displayName, role: 'JUDGE', court: 'HC-A' });
    // Only a hash of the token is stored.
    const sessions = await t.dataSource.manager.findBy(AuthSessionEntity, { userId: user.id });
    expect(sessions.some((s) => s.tokenHash.includes(data.login.token) || data.login.token.includes(s.tokenHash))).toBe(false);
  });

  it('a wrong password and an unknown email get the same UNAUTHENTICATED answer', async () => {
    const { user } = await t.createUser(UserRole.CLERK, 'HC-A');
    const wrong = await t.gql(LOGIN, { email: user.email, password: 'not the password' });
    const unknown = await t.gql(LOGIN, { email: 'nobody@court.example', password: 'not the password' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
    expect(wrong.data).toBeNull();
  });

  it('login is rate-limited per email and client address, and a lockout holds even with the right password', async () => {
    const { user } = await t.createUser(UserRole.CLERK, 'HC-A');
    for (let i = 0; i < 3; i++) expect(errorCode(await t.gql(LOGIN, { email: user.email, password: 'wrong password' }))).toBe('UNAUTHENTICATED');
    const limited = await t.gql(LOGIN, { email: user.email, password: TEST_PASSWORD });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Another account from the same address is not affected.
    const other = await t.createUser(UserRole.CLERK, 'HC-A');
    expect(errorCode(await t.gql(LOGIN, { email: other.user.email, password: TEST_PASSWORD }))).toBeUndefined();
  });

  it('service accounts cannot sign in with a password', async () => {
    const { user } = await t.createUser(UserRole.SERVICE);
    expect(errorCode(await t.gql(LOGIN, { email: user.email, password: TEST_PASSWORD }))).toBe('UNAUTHENTICATED');
  });

  it('requests without a token, with a malformed header, an unknown token or an expired token are UNAUTHENTICATED', async () => {
    expect(errorCode(await t.gql('{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql('{ me { id } }', {}, 'ams_not-a-real-token'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql('{ me { id } }', {}, 'garbage'))).toBe('UNAUTHENTICATED');
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const { user, token } = await t.createUser(UserRole.JUDGE, 'HC-A');
    expect(errorCode(await t.gql('{ me { id } }', {}, token))).toBeUndefined();
    await t.dataSource.manager.update(AuthSessionEntity, { userId: user.id }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await t.gql('{ me { id } }', {}, token);
    expect(errorCode(expired)).toBe('UNAUTHENTICATED');
    expect(expired.errors?.[0].extensions?.reason).toBe('TOKEN_EXPIRED');
  });

  it('logout revokes the token', async () => {
    const { token } = await t.createUser(UserRole.CLERK, 'HC-A');
    expect(ok(await t.gql<{ logout: boolean }>('mutation { logout }', {}, token)).logout).toBe(true);
    expect(errorCode(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('deactivating a user stops their sessions at once; role changes apply to the next request', async () => {
    const admin = await t.admin();
    const { user, token } = await t.createUser(UserRole.CLERK, 'HC-A');
    const updated = ok(
      await t.gql<{ updateUser: { role: string; court: string } }>(
        `mutation($id: ID!) { updateUser(input: { id: $id, role: JUDGE, court: "HC-B" }) { role court } }`,
        { id: user.id },
        admin.token,
      ),
    );
    expect(updated.updateUser).toEqual({ role: 'JUDGE', court: 'HC-B' });
    expect(ok(await t.gql<{ me: { role: string } }>('{ me { role } }', {}, token)).me.role).toBe('JUDGE');
    ok(await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { active } }`, { id: user.id }, admin.token));
    expect(errorCode(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(LOGIN, { email: user.email, password: TEST_PASSWORD }))).toBe('UNAUTHENTICATED');
  });

  it('admins manage users: create with a typed role, refuse duplicates, keep the last admin', async () => {
    const admin = await t.admin();
    const created = ok(
      await t.gql<{ createUser: { id: string; email: string; role: string; court: string; active: boolean } }>(
        `mutation { createUser(input: { email: "New.Clerk@Court.Example", displayName: "New Clerk", role: CLERK, court: "HC-A", password: "a long enough password" }) { id email role court active } }`,
        {},
        admin.token,
      ),
    );
    expect(created.createUser).toMatchObject({ email: 'new.clerk@court.example', role: 'CLERK', court: 'HC-A', active: true });
    // A new account is a grant of access: the ledger names the admin who made it.
    const entry = (await t.dataSource.manager.findBy(AuditEntryEntity, { action: 'user_created' })).find(
      (e) => JSON.parse(e.details).userId === created.createUser.id,
    );
    expect(entry).toMatchObject({ actorId: admin.user.id, actorRole: 'admin' });
    expect(JSON.parse(entry!.details)).toMatchObject({ email: 'new.clerk@court.example', role: 'clerk', court: 'HC-A', via: 'graphql' });
    const dup = await t.gql(
      `mutation { createUser(input: { email: "new.clerk@court.example", displayName: "Again", role: CLERK, court: "HC-A", password: "a long enough password" }) { id } }`,
      {},
      admin.token,
    );
    expect(errorCode(dup)).toBe('CONFLICT');
    const noCourt = await t.gql(
      `mutation { createUser(input: { email: "judge.nocourt@court.example", displayName: "J", role: JUDGE, password: "a long enough password" }) { id } }`,
      {},
      admin.token,
    );
    expect(errorCode(noCourt)).toBe('BAD_USER_INPUT');
    expect(await t.dataSource.manager.countBy(UserEntity, { email: 'judge.nocourt@court.example' })).toBe(0);
    const self = await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: admin.user.id }, admin.token);
    expect(errorCode(self)).toBe('CONFLICT');
  });

  it('users change their own password with the current one', async () => {
    const { user, token } = await t.createUser(UserRole.JUDGE, 'HC-A');
    const wrong = await t.gql(`mutation { changePassword(currentPassword: "wrong", newPassword: "another long password") { id } }`, {}, token);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    ok(await t.gql(`mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "another long password") { id } }`, { c: TEST_PASSWORD }, token));
    expect(errorCode(await t.gql(LOGIN, { email: user.email, password: 'another long password' }))).toBeUndefined();
    const same = await t.gql(`mutation { changePassword(currentPassword: "another long password", newPassword: "another long password") { id } }`, {}, token);
    expect(same.errors?.[0].extensions?.reason).toBe('PASSWORD_UNCHANGED');
  });

  it('after an admin sets a password the user is asked to choose a new one, until they do', async () => {
    const admin = await t.createUser(UserRole.ADMIN);
    const { user, token } = await t.createUser(UserRole.CLERK, 'HC-A');
    const ME = `{ me { passwordChangeRequired } }`;
    expect(ok(await t.gql<{ me: { passwordChangeRequired: boolean } }>(ME, {}, token)).me.passwordChangeRequired).toBe(false);
    ok(await t.gql(`mutation($id: ID!) { setUserPassword(id: $id, password: "temporary password 9") { id } }`, { id: user.id }, admin.token));
    const login = ok(await t.gql<{ login: { token: string; user: { passwordChangeRequired: boolean } } }>(
      `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { passwordChangeRequired } } }`,
      { email: user.email, password: 'temporary password 9' },
    )).login;
    expect(login.user.passwordChangeRequired).toBe(true);
    ok(await t.gql(`mutation { changePassword(currentPassword: "temporary password 9", newPassword: "my own password 10") { id } }`, {}, login.token));
    expect(ok(await t.gql<{ me: { passwordChangeRequired: boolean } }>(ME, {}, login.token)).me.passwordChangeRequired).toBe(false);
  });

  it('each user stores an interface language of the offered ones, or none', async () => {
    const { token } = await t.createUser(UserRole.JUDGE, 'HC-A');
    const SET = `mutation($l: String) { setLocale(locale: $l) { locale } }`;
    expect(ok(await t.gql<{ me: { locale: string | null } }>(`{ me { locale } }`, {}, token)).me.locale).toBeNull();
    expect(ok(await t.gql<{ setLocale: { locale: string } }>(SET, { l: 'zh-CN' }, token)).setLocale.locale).toBe('zh-CN');
    expect(ok(await t.gql<{ me: { locale: string | null } }>(`{ me { locale } }`, {}, token)).me.locale).toBe('zh-CN');
    expect(errorCode(await t.gql(SET, { l: 'xx-YY' }, token))).toBe('BAD_USER_INPUT');
    expect(ok(await t.gql<{ setLocale: { locale: string | null } }>(SET, { l: null }, token)).setLocale.locale).toBeNull();
  });

  it('API keys: shown once, stored hashed, scoped, listed and revocable', async () => {
    const admin = await t.admin();
    const svc = ok(
      await t.gql<{ createUser: { id: string } }>(
        `mutation { createUser(input: { email: "cms@court.example", displayName: "Case management system", role: SERVICE }) { id } }`,
        {},
        admin.token,
      ),
    ).createUser;
    const created = ok(
      await t.gql<{ createApiKey: { key: string; apiKey: { id: string; prefix: string; courts: string[]; access: string; user: { id: string } } } }>(
        `mutation($u: ID!) { createApiKey(input: { userId: $u, name: "CMS", courts: ["HC-A"], access: READ }) { key apiKey { id prefix courts access user { id } } } }`,
        { u: svc.id },
        admin.token,
      ),
    ).createApiKey;
    expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);
    expect(created.apiKey).toMatchObject({ courts: ['HC-A'], access: 'READ', user: { id: svc.id } });
    const stored = await t.dataSource.manager.findOneByOrFail(ApiKeyEntity, { id: created.apiKey.id });
    expect(stored.keyHash).not.toContain(created.key);

    const me = ok(await t.gql<{ me: { id: string; role: string } }>('{ me { id role } }', {}, created.key));
    expect(me.me).toEqual({ id: svc.id, role: 'SERVICE' });
    // A read key cannot write.
    const write = await t.gql(
      `mutation { createCase(input: { docketNumber: "K-1", title: "T", court: "HC-A", caseType: "civil", filedDate: "2026-01-01" }) { id } }`,
      {},
      created.key,
    );
    expect(errorCode(write)).toBe('FORBIDDEN');

    const listed = ok(await t.gql<{ apiKeys: Array<{ id: string; revokedAt: string | null }> }>(`query($u: ID) { apiKeys(userId: $u) { id revokedAt } }`, { u: svc.id }, admin.token));
    expect(listed.apiKeys).toEqual([{ id: created.apiKey.id, revokedAt: null }]);
    ok(await t.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: created.apiKey.id }, admin.token));
    expect(errorCode(await t.gql('{ me { id } }', {}, created.key))).toBe('UNAUTHENTICATED');
    // Creating and revoking the key are in the ledger, by the admin, without the secret.
    const keyEntries = (await t.dataSource.manager.find(AuditEntryEntity, { order: { seq: 'ASC' } })).filter(
      (e) => ['api_key_created', 'api_key_revoked'].includes(e.action) && JSON.parse(e.details).apiKeyId === created.apiKey.id,
    );
    expect(keyEntries.map((e) => [e.action, e.actorId])).toEqual([
      ['api_key_created', admin.user.id],
      ['api_key_revoked', admin.user.id],
    ]);
    expect(keyEntries.map((e) => e.details).join('')).not.toContain(created.key);

    // Keys belong to service accounts only.
    const notService = await t.gql(
      `mutation($u: ID!) { createApiKey(input: { userId: $u, name: "x", courts: ["HC-A"], access: READ }) { key } }`,
      { u: admin.user.id },
      admin.token,
    );
    expect(errorCode(notService)).toBe('BAD_USER_INPUT');
  });
});
