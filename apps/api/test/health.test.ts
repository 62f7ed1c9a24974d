import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../src/modules/users/user.entity.js';
import { databaseAvailable, errorCode, ok, startTestApp, TestApp } from './helpers/test-app.js';

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

  it('systemStatus shows admins readiness, the model by name and version with its hash, and the queue depth by job type', async () => {
    const admin = await t.createUser(UserRole.ADMIN);
    const clerk = await t.createUser(UserRole.CLERK, 'HC-A');
    const STATUS = `{ systemStatus { ready model { name version sha256 } modelError modelState queue { type queued running } } }`;
    type Status = { systemStatus: { ready: boolean; model: { name: string; version: string; sha256: string }; modelState: string; queue: Array<{ type: string; queued: number }> } };
    const status = ok(await t.gql<Status>(STATUS, {}, admin.token)).systemStatus;
    expect(status.ready).toBe(true);
    expect(status.model.name).toBe('amicus-legal-extractive');
    expect(status.model.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(status.model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(status.modelState).toBe('not_loaded');
    expect(Array.isArray(status.queue)).toBe(true);
    expect(errorCode(await t.gql(STATUS, {}, clerk.token))).toBe('FORBIDDEN');
  });
});
