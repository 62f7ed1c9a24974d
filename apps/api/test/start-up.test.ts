// Production by default, security headers on every response, and start-up that fails fast and
// plainly on a missing model directory, an unreachable Redis or out-of-range numbers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.factory.js';
import { ConfigError, loadConfig } from '../src/config/config.loader.js';
import { RedisUnreachableError } from '../src/database/redis-preflight.js';
import { databaseAvailable, startTestApp, TestApp, testConfig, testDatabase } from './helpers/test-app.js';

const problemsOf = (env: Record<string, string>): string => {
  try {
    loadConfig(env, '/srv/amicus');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  return '';
};

// Start-up behaviour does not depend on the database: sqlite project only.
describe.skipIf(!databaseAvailable() || testDatabase() !== 'sqlite')('start-up: production by default, headers, fail fast', () => {
  let t: TestApp;
  const webDir = mkdtempSync(join(tmpdir(), 'amicus-web-'));

  beforeAll(async () => {
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Amicus</title><div id="app"></div>');
    // NODE_ENV unset, as `npm start` runs it; full argon2 cost, since production refuses less
    t = await startTestApp({ NODE_ENV: '', AMICUS_ARGON2_MEMORY_KIB: '', AMICUS_ARGON2_TIME_COST: '', AMICUS_SERVE_WEB: 'true', AMICUS_WEB_DIR: webDir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('runs production settings when NODE_ENV is unset: no GraphiQL, no stack traces', async () => {
    expect(t.config.nodeEnv).toBe('production');
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    const res = await t.gql('{ nope }');
    expect(JSON.stringify(res)).not.toContain('stacktrace');
    expect(loadConfig({ NODE_ENV: 'development', AMICUS_ARGON2_MEMORY_KIB: '1024' }).nodeEnv).toBe('development');
  });

  it('sends security headers on the web app, GraphQL and health responses; other origins cannot frame the app', async () => {
    for (const path of ['/', '/sign-in', '/healthz', '/graphql?query=%7B__typename%7D']) {
      const res = await fetch(`${t.url}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('refuses a missing model directory, out-of-range numbers and sizes, and keeps secrets exactly as given', () => {
    expect(problemsOf({ AMICUS_MODEL_DIR: '/nonexistent' })).toContain('AMICUS_MODEL_DIR');
    const empty = mkdtempSync(join(tmpdir(), 'amicus-model-'));
    expect(problemsOf({ AMICUS_MODEL_DIR: empty })).toContain('manifest.json');
    rmSync(empty, { recursive: true });
    expect(problemsOf({ AMICUS_MAX_UPLOAD_BYTES: '100000000000000000000000' })).toContain('AMICUS_MAX_UPLOAD_BYTES');
    expect(problemsOf({ AMICUS_MAX_UPLOAD_BYTES: '1e23' })).toContain('AMICUS_MAX_UPLOAD_BYTES');
    expect(problemsOf({ AMICUS_JOB_LEASE: '99999999d' })).toContain('AMICUS_JOB_LEASE');
    expect(problemsOf({ PORT: '70000' })).toContain('PORT');
    expect(problemsOf({ AMICUS_AUDIT_KEY: 'too short' })).toContain('AMICUS_AUDIT_KEY');
    const config = loadConfig({ AMICUS_BOOTSTRAP_ADMIN_EMAIL: 'admin@court.example', AMICUS_BOOTSTRAP_ADMIN_PASSWORD: '  spaced passphrase  ', AMICUS_ADMIN_PASSWORD: ' cli passphrase ' });
    expect(config.bootstrapAdmin?.password).toBe('  spaced passphrase  ');
    expect(config.adminPassword).toBe(' cli passphrase ');
  });

  it('fails fast with a clear message when Redis cannot be reached', async () => {
    const { config, cleanup } = await testConfig({ REDIS_URL: 'redis://127.0.0.1:1' });
    const started = Date.now();
    try {
      await expect(createApp(config, { logLevels: false })).rejects.toThrow(RedisUnreachableError);
      await expect(createApp(config, { logLevels: false })).rejects.toThrow(/Cannot reach Redis at redis:\/\/127\.0\.0\.1:1.*REDIS_URL/);
    } finally {
      await cleanup();
    }
    expect(Date.now() - started).toBeLessThan(12_000);
  });
});
