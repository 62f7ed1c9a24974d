import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDuration } from '../src/config/config.loader.js';
import { compileApiForChildProcess } from '../src/modules/jobs/testing/compile-for-child.js';
import { testDatabase } from './helpers/test-app.js';

// Database-independent: runs in the sqlite project only.
describe.skipIf(testDatabase() !== 'sqlite')('configuration', () => {
  it('defaults: production, port 3000, SQLite at ./data/amicus.sqlite relative to the working directory, 12h tokens', () => {
    const config = loadConfig({}, '/srv/amicus');
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ type: 'sqlite', path: '/srv/amicus/data/amicus.sqlite' });
    expect(config.dataDir).toBe('/srv/amicus/data');
    expect(config.tokenTtlMs).toBe(12 * 3600_000);
    expect(config.nodeEnv).toBe('production');
    expect(config.bootstrapAdmin).toBeUndefined();
    expect(config.passwordHashing.memoryKib).toBeGreaterThanOrEqual(19456);
  });

  it('DATABASE_URL selects PostgreSQL; ?schema= picks the schema', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://amicus@db.internal:5432/amicus?schema=court_a&sslmode=require' });
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://amicus@db.internal:5432/amicus?sslmode=require', schema: 'court_a' });
  });

  it('parses durations, sizes and the login rate limit', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    expect(parseDuration('soon')).toBeUndefined();
    const config = loadConfig({ AMICUS_MAX_REQUEST_BYTES: '2mb', AMICUS_LOGIN_RATE_LIMIT: '5/10m', AMICUS_TOKEN_TTL: '30m' });
    expect(config.maxRequestBytes).toBe(2 * 1024 * 1024);
    expect(config.loginRateLimit).toEqual({ attempts: 5, addressAttempts: 50, windowMs: 600_000 });
    expect(config.tokenTtlMs).toBe(1_800_000);
  });

  it('bad configuration is refused with every problem listed at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://localhost/amicus',
        AMICUS_TOKEN_TTL: 'forever',
        AMICUS_BOOTSTRAP_ADMIN_EMAIL: 'not-an-email',
        AMICUS_BOOTSTRAP_ADMIN_PASSWORD: 'short',
        AMICUS_GRAPHQL_MAX_DEPTH: '0',
        AMICUS_LOGIN_RATE_LIMIT: 'lots',
        NODE_ENV: 'staging',
        REDIS_URL: 'http://redis',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'AMICUS_TOKEN_TTL', 'AMICUS_BOOTSTRAP_ADMIN_EMAIL', 'AMICUS_BOOTSTRAP_ADMIN_PASSWORD', 'AMICUS_GRAPHQL_MAX_DEPTH', 'AMICUS_LOGIN_RATE_LIMIT', 'NODE_ENV', 'REDIS_URL']) {
      expect(problems).toContain(name);
    }
  });

  it('production refuses weakened password hashing', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AMICUS_ARGON2_MEMORY_KIB: '1024' })).toThrow(/AMICUS_ARGON2_MEMORY_KIB/);
    expect(loadConfig({ NODE_ENV: 'test', AMICUS_ARGON2_MEMORY_KIB: '1024' }).passwordHashing.memoryKib).toBe(1024);
  });

  it('.env.example documents every variable the configuration reads', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const loader = readFileSync(new URL('../src/config/config.loader.ts', import.meta.url), 'utf8');
    const names = new Set([...loader.matchAll(/r\.(?:raw|int|duration|bytes)\('([A-Z_0-9]+)'/g)].map((m) => m[1]));
    expect(names.size).toBeGreaterThan(10);
    expect([...names].filter((n) => !new RegExp(`^#? ?${n}=`, 'm').test(example))).toEqual([]);
  });

  it('the server process refuses to start on bad configuration and lists the problems', async () => {
    const root = await compileApiForChildProcess();
    const child = spawn(process.execPath, [join(root, 'src', 'main.js')], {
      env: { PATH: process.env.PATH, PORT: '-1', AMICUS_TOKEN_TTL: 'never', DATABASE_URL: 'ftp://x' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(output).toContain('Invalid configuration');
    expect(output).toContain('PORT');
    expect(output).toContain('AMICUS_TOKEN_TTL');
    expect(output).toContain('DATABASE_URL');
  }, 60_000);
});
