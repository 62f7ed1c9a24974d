import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runApiCommand } from '../src/cli/api-command.js';
import { AuditEntryEntity } from '../src/modules/audit/audit.entity.js';
import { UserEntity, UserRole } from '../src/modules/users/user.entity.js';
import { bootTestApp, databaseAvailable, errorCode, ok, testConfig, TestApp } from './helpers/test-app.js';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { email role passwordChangeRequired } } }`;

function capture() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  return { stream: out, text: () => text };
}

describe.skipIf(!databaseAvailable())('first admin: bootstrap from config and the admin create command', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('AMICUS_BOOTSTRAP_ADMIN_* creates the first admin on an empty database and is ignored once an admin exists', async () => {
    const { config, env, cleanup } = await testConfig({
      AMICUS_BOOTSTRAP_ADMIN_EMAIL: 'Boot@Court.Example',
      AMICUS_BOOTSTRAP_ADMIN_PASSWORD: 'bootstrap password 1',
    });
    cleanups.push(cleanup);
    let t: TestApp = await bootTestApp(config);
    const login = ok(await t.gql<{ login: { user: { email: string; role: string } } }>(LOGIN, { e: 'boot@court.example', p: 'bootstrap password 1' }));
    expect(login.login.user).toEqual({ email: 'boot@court.example', role: 'ADMIN', passwordChangeRequired: true });
    const boot = await t.dataSource.manager.findBy(AuditEntryEntity, { action: 'user_created' });
    expect(boot.map((e) => JSON.parse(e.details))).toEqual([expect.objectContaining({ email: 'boot@court.example', via: 'bootstrap' })]);
    await t.close();

    // Restart with another bootstrap admin configured: nothing is created, the first still works.
    const { loadConfig } = await import('../src/config/config.loader.js');
    const second = loadConfig({ ...env, AMICUS_BOOTSTRAP_ADMIN_EMAIL: 'other@court.example', AMICUS_BOOTSTRAP_ADMIN_PASSWORD: 'another password 2' });
    t = await bootTestApp(second);
    try {
      expect(await t.dataSource.manager.countBy(UserEntity, { role: UserRole.ADMIN })).toBe(1);
      expect(errorCode(await t.gql(LOGIN, { e: 'other@court.example', p: 'another password 2' }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(LOGIN, { e: 'boot@court.example', p: 'bootstrap password 1' }))).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('`admin create` creates an admin who can sign in; password from the flag, AMICUS_ADMIN_PASSWORD or stdin; duplicates fail', async () => {
    const { config, env, cleanup } = await testConfig();
    cleanups.push(cleanup);

    const out = capture();
    const err = capture();
    const code = await runApiCommand(['admin', 'create', '--email', 'cli@court.example', '--password', 'cli password 123', '--name', 'Chief Clerk'], {
      env,
      stdout: out.stream,
      stderr: err.stream,
    });
    expect(err.text()).toBe('');
    expect(code).toBe(0);
    expect(out.text()).toMatch(/Admin cli@court\.example created/);

    const fromEnv = await runApiCommand(['admin', 'create', '--email', 'env@court.example'], { env: { ...env, AMICUS_ADMIN_PASSWORD: 'env password 456' }, stdout: capture().stream, stderr: capture().stream });
    expect(fromEnv).toBe(0);
    const fromStdin = await runApiCommand(['admin', 'create', '--email', 'stdin@court.example'], {
      env,
      stdin: Readable.from(['stdin password 789\n']),
      stdout: capture().stream,
      stderr: capture().stream,
    });
    expect(fromStdin).toBe(0);

    const dupErr = capture();
    expect(await runApiCommand(['admin', 'create', '--email', 'CLI@court.example', '--password', 'cli password 123'], { env, stdout: capture().stream, stderr: dupErr.stream })).toBe(1);
    expect(dupErr.text()).toContain('already in use');
    const shortErr = capture();
    expect(await runApiCommand(['admin', 'create', '--email', 'x@court.example', '--password', 'short'], { env, stdout: capture().stream, stderr: shortErr.stream })).toBe(2);
    expect(shortErr.text()).toContain('12-256');
    expect(await runApiCommand(['admin', 'create'], { env, stdout: capture().stream, stderr: capture().stream })).toBe(2);
    expect(await runApiCommand(['nonsense'], { env, stdout: capture().stream, stderr: capture().stream })).toBe(2);
    const badConfig = capture();
    expect(await runApiCommand(['admin', 'create', '--email', 'y@court.example', '--password', 'long enough pw 1'], { env: { ...env, PORT: 'x' }, stdout: capture().stream, stderr: badConfig.stream })).toBe(2);
    expect(badConfig.text()).toContain('PORT');

    const t = await bootTestApp(config);
    try {
      const cli = ok(await t.gql<{ login: { user: { email: string; role: string } } }>(LOGIN, { e: 'cli@court.example', p: 'cli password 123' }));
      expect(cli.login.user).toEqual({ email: 'cli@court.example', role: 'ADMIN', passwordChangeRequired: false });
      expect(errorCode(await t.gql(LOGIN, { e: 'env@court.example', p: 'env password 456' }))).toBeUndefined();
      expect(errorCode(await t.gql(LOGIN, { e: 'stdin@court.example', p: 'stdin password 789' }))).toBeUndefined();
      expect(await t.dataSource.manager.countBy(UserEntity, { role: UserRole.ADMIN })).toBe(3);
      // Each account the command made is in the ledger, with no acting user and the path it came by.
      const created = await t.dataSource.manager.find(AuditEntryEntity, { where: { action: 'user_created' }, order: { seq: 'ASC' } });
      expect(created.map((e) => JSON.parse(e.details))).toEqual(
        ['cli@court.example', 'env@court.example', 'stdin@court.example'].map((email) => expect.objectContaining({ email, role: 'admin', via: 'cli' })),
      );
      expect(created.every((e) => e.actorId === null)).toBe(true);
    } finally {
      await t.close();
    }
  });
});
