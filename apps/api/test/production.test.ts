import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable, errorCode, startTestApp, TestApp, testDatabase } from './helpers/test-app.js';

// Production mode and serving the web app do not depend on the database: sqlite project only.
describe.skipIf(!databaseAvailable() || testDatabase() !== 'sqlite')('production mode and the web app', () => {
  let t: TestApp;
  const webDir = mkdtempSync(join(tmpdir(), 'amicus-web-'));

  beforeAll(async () => {
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Amicus</title><div id="app"></div>');
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log("amicus")');
    // Production keeps the full argon2 cost; the defaults apply.
    t = await startTestApp({ NODE_ENV: 'production', AMICUS_ARGON2_MEMORY_KIB: '', AMICUS_ARGON2_TIME_COST: '', AMICUS_SERVE_WEB: 'true', AMICUS_WEB_DIR: webDir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('errors carry no stack traces in production', async () => {
    const responses = [
      await t.gql('{ me { id } }'),
      await t.gql('{ nope }'),
      await t.gql('{ cases { '),
      await t.gql(`mutation { login(email: "bad", password: "x") { token } }`),
      await t.gql(`mutation { login(email: "nobody@court.example", password: "wrong") { token } }`),
    ];
    for (const res of responses) {
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(res)).not.toContain('stacktrace');
      expect(JSON.stringify(res)).not.toMatch(/\.ts:\d+|node_modules/);
    }
    expect(errorCode(responses[0])).toBe('UNAUTHENTICATED');
  });

  it('serves the built web app, with index.html for client routes, and leaves API paths alone', async () => {
    const index = await fetch(`${t.url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="app">');
    expect(await (await fetch(`${t.url}/assets/app.js`)).text()).toContain('amicus');
    const route = await fetch(`${t.url}/cases/123`);
    expect(await route.text()).toContain('<div id="app">');
    const health = await fetch(`${t.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const gql = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await gql.json()).toEqual({ data: { __typename: 'Query' } });
    const api = await fetch(`${t.url}/api/unknown`);
    expect(await api.text()).not.toContain('<div id="app">');
  });
});
