import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable, ok, startTestApp, TestApp } from './helpers/test-app.js';

describe.skipIf(!databaseAvailable())('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers me for an admin', async () => {
    const admin = await t.admin();
    const data = ok(await t.gql<{ me: { email: string } }>('{ me { email role } }', {}, admin.token));
    expect(data.me.email).toBe(admin.user.email);
  });
});
