import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable, startTestApp, TestApp } from './helpers/test-app.js';

describe.skipIf(!databaseAvailable())('health probes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /healthz answers 200 without authentication', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 while the database is reachable and 503 once it is not', async () => {
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });

    await t.dataSource.destroy();
    const down = await fetch(`${t.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable' });
    const live = await fetch(`${t.url}/healthz`);
    expect(live.status).toBe(200);
    await t.dataSource.initialize();
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
  });
});
