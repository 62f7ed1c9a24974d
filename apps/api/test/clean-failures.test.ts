// Bad input answers BAD_USER_INPUT on both databases; interrupted uploads do not survive a restart;
// a full disk has its own typed answer; download names carry no bidirectional controls.
import { mkdirSync, existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../src/common/pagination/connection.js';
import { DocumentException, storageError } from '../src/modules/documents/documents.exception.js';
import { UserRole } from '../src/modules/users/user.entity.js';
import { bootTestApp, databaseAvailable, errorCode, ok, testConfig, TestApp, TestUser } from './helpers/test-app.js';

describe.skipIf(!databaseAvailable())('clean failures', () => {
  let t: TestApp;
  let clerk: TestUser;
  let caseId: string;
  let tmp: string;

  beforeAll(async () => {
    const { config, cleanup } = await testConfig();
    // an upload cut off long ago, and one still being written by another process
    tmp = join(config.dataDir, 'tmp');
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, 'upload-interrupted'), 'partial');
    const old = new Date(Date.now() - 3600_000);
    utimesSync(join(tmp, 'upload-interrupted'), old, old);
    writeFileSync(join(tmp, 'upload-in-progress'), 'partial');
    t = await bootTestApp(config, cleanup);
    clerk = await t.createUser(UserRole.CLERK, 'HC');
    caseId = ok(
      await t.gql<{ createCase: { id: string } }>(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        { input: { docketNumber: 'CF-1', title: 'Clean v Failures', court: 'HC', caseType: 'civil', filedDate: '2026-03-04' } },
        clerk.token,
      ),
    ).createCase.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('NUL characters in search, court or an id are BAD_USER_INPUT', async () => {
    const nul = 'a\u0000b';
    expect(errorCode(await t.gql(`query($s: String) { cases(filter: { search: $s }) { totalCount } }`, { s: nul }, clerk.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(`query($c: String) { cases(filter: { court: $c }) { totalCount } }`, { c: nul }, clerk.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(`query($id: ID!) { case(id: $id) { id } }`, { id: nul }, clerk.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(`{ case(id: "a\\u0000b") { id } }`, {}, clerk.token))).toBe('BAD_USER_INPUT');
    const rest = await fetch(`${t.url}/api/documents/a%00b/content`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect(rest.status).toBe(400);
  });

  it('a forged cursor with text where the sort expects a date is BAD_USER_INPUT', async () => {
    const forged = encodeCursor('not a date', '00000000-0000-4000-8000-000000000000');
    const res = await t.gql(`query($a: String) { cases(after: $a, sort: { field: FILED_DATE, direction: ASC }) { totalCount } }`, { a: forged }, clerk.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(`query($a: String) { cases(after: $a) { totalCount } }`, { a: 'garbage!!' }, clerk.token))).toBe('BAD_USER_INPUT');
  });

  it('temporary files of interrupted uploads are removed at start-up; one still being written is left', () => {
    expect(existsSync(join(tmp, 'upload-interrupted'))).toBe(false);
    expect(existsSync(join(tmp, 'upload-in-progress'))).toBe(true);
  });

  it('a full disk is the typed INSUFFICIENT_STORAGE error (HTTP 507), not a 500', () => {
    const full = storageError(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    expect(full).toBeInstanceOf(DocumentException);
    expect(full).toMatchObject({ code: 'INSUFFICIENT_STORAGE', reason: 'STORAGE_FULL' });
    const other = new Error('other');
    expect(storageError(other)).toBe(other);
  });

  it('download names are stripped of bidirectional control characters', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: 'Exhibit', kind: 'exhibit', filedDate: '2026-03-04' })) form.append(k, v);
    form.append('file', new Blob(['Exhibit text about a hearing.']), 'report\u202Etxt.exe');
    const up = await fetch(`${t.url}/api/cases/${caseId}/documents`, { method: 'POST', headers: { authorization: `Bearer ${clerk.token}` }, body: form });
    expect(up.status).toBe(201);
    const { document } = (await up.json()) as { document: { id: string } };
    const down = await fetch(`${t.url}/api/documents/${document.id}/content`, { headers: { authorization: `Bearer ${clerk.token}` } });
    const disposition = down.headers.get('content-disposition') ?? '';
    expect(decodeURIComponent(disposition)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
    expect(disposition).toContain("filename*=UTF-8''reporttxt.exe");
  });
});
