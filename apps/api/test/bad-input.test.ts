// Bad input gets a typed error (stable extensions.code) and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEntity } from '../src/modules/cases/case.entity.js';
import { PartyEntity } from '../src/modules/cases/party.entity.js';
import { UserEntity, UserRole } from '../src/modules/users/user.entity.js';
import { databaseAvailable, errorCode, GraphQLResponse, ok, startTestApp, TestApp, TestUser } from './helpers/test-app.js';

const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;

describe.skipIf(!databaseAvailable())('bad input', () => {
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp({ AMICUS_GRAPHQL_MAX_DEPTH: '6', AMICUS_GRAPHQL_MAX_COMPLEXITY: '300', AMICUS_MAX_REQUEST_BYTES: '16kb' });
    admin = await t.admin();
    clerk = await t.createUser(UserRole.CLERK, 'BAD');
    caseId = ok(
      await t.gql<{ createCase: { id: string } }>(CREATE_CASE, { input: { docketNumber: 'B-1', title: 'Existing', court: 'BAD', caseType: 'civil', filedDate: '2026-01-01' } }, clerk.token),
    ).createCase.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function counts() {
    const m = t.dataSource.manager;
    return { cases: await m.count(CaseEntity), users: await m.count(UserEntity), parties: await m.count(PartyEntity) };
  }

  async function expectRejected(res: GraphQLResponse, code: string, before: Awaited<ReturnType<typeof counts>>) {
    expect(errorCode(res), JSON.stringify(res)).toBe(code);
    expect(res.data ?? null).toBeNull();
    expect(await counts()).toEqual(before);
  }

  const validCase = { docketNumber: 'B-2', title: 'Title', court: 'BAD', caseType: 'civil', filedDate: '2026-01-01' };

  it.each([
    ['not-an-email'],
    ['two@@at.example'],
    ['spaces in@court.example'],
    [`${'a'.repeat(250)}@court.example`],
  ])('createUser refuses the email %s', async (email) => {
    const before = await counts();
    const res = await t.gql(CREATE_USER, { input: { email, displayName: 'X', role: 'CLERK', court: 'BAD', password: 'long enough password' } }, admin.token);
    await expectRejected(res, 'BAD_USER_INPUT', before);
    expect(res.errors?.[0].extensions?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'email' })]));
  });

  it('login refuses a malformed email as BAD_USER_INPUT', async () => {
    expect(errorCode(await t.gql(`mutation { login(email: "nope", password: "x") { token } }`))).toBe('BAD_USER_INPUT');
  });

  it('a duplicate docket number in the same court is CONFLICT; the same number in another court is fine', async () => {
    const before = await counts();
    await expectRejected(await t.gql(CREATE_CASE, { input: { ...validCase, docketNumber: 'B-1' } }, clerk.token), 'CONFLICT', before);
    const renamed = ok(await t.gql<{ createCase: { id: string } }>(CREATE_CASE, { input: { ...validCase, docketNumber: 'B-9' } }, clerk.token)).createCase;
    const rename = await t.gql(`mutation($id: ID!) { updateCase(input: { id: $id, docketNumber: "B-1" }) { id } }`, { id: renamed.id }, clerk.token);
    expect(errorCode(rename)).toBe('CONFLICT');
    expect((await t.dataSource.manager.findOneByOrFail(CaseEntity, { id: renamed.id })).docketNumber).toBe('B-9');
    ok(await t.gql(CREATE_CASE, { input: { ...validCase, docketNumber: 'B-1', court: 'OTHER' } }, admin.token));
  });

  it.each([
    ['title', 'x'.repeat(501)],
    ['docketNumber', 'x'.repeat(65)],
    ['court', 'x'.repeat(101)],
    ['caseType', 'x'.repeat(101)],
    ['title', ''],
    ['title', 'bad\u0000title'],
  ])('createCase refuses %s of the wrong length or with control characters', async (field, value) => {
    const before = await counts();
    const res = await t.gql(CREATE_CASE, { input: { ...validCase, [field]: value } }, admin.token);
    await expectRejected(res, 'BAD_USER_INPUT', before);
  });

  it.each([['2026-02-30'], ['2026-1-1'], ['yesterday'], ['2026-01-01T00:00:00Z']])('createCase refuses the filed date %s', async (filedDate) => {
    const before = await counts();
    await expectRejected(await t.gql(CREATE_CASE, { input: { ...validCase, filedDate } }, clerk.token), 'BAD_USER_INPUT', before);
  });

  it('an over-long party name, note body or too many parties are refused', async () => {
    const before = await counts();
    await expectRejected(
      await t.gql(`mutation($c: ID!, $n: String!) { addParty(input: { caseId: $c, name: $n, role: PLAINTIFF }) { id } }`, { c: caseId, n: 'p'.repeat(301) }, clerk.token),
      'BAD_USER_INPUT',
      before,
    );
    await expectRejected(
      await t.gql(`mutation($c: ID!, $b: String!) { addCaseNote(input: { caseId: $c, body: $b }) { id } }`, { c: caseId, b: 'n'.repeat(10001) }, clerk.token),
      'BAD_USER_INPUT',
      before,
    );
    const parties = Array.from({ length: 101 }, (_, i) => ({ name: `P${i}`, role: 'OTHER' }));
    await expectRejected(await t.gql(CREATE_CASE, { input: { ...validCase, docketNumber: 'B-3', parties } }, admin.token), 'BAD_USER_INPUT', before);
  });

  it('an unknown enum value or a missing required field is BAD_USER_INPUT before anything runs', async () => {
    const before = await counts();
    await expectRejected(await t.gql(CREATE_CASE, { input: { ...validCase, sealed: 'yes' } }, admin.token), 'BAD_USER_INPUT', before);
    const { title: _title, ...noTitle } = validCase;
    await expectRejected(await t.gql(CREATE_CASE, { input: noTitle }, admin.token), 'BAD_USER_INPUT', before);
  });

  it('queries within the depth limit run, fragments included', async () => {
    // Depth 6 (the limit here): cases → edges → node → parties → id is 5, fragments add no depth of their own.
    expect(errorCode(await t.gql(`{ cases { edges { node { parties { id } assignees { id } } } } me { id } }`, {}, clerk.token))).toBeUndefined();
    expect(errorCode(await t.gql(`{ cases { edges { node { ...A } } } } fragment A on Case { parties { id } }`, {}, clerk.token))).toBeUndefined();
    expect(errorCode(await t.gql(`{ caseNotes(caseId: "${caseId}") { edges { node { author { ...U } } } } } fragment U on UserSummary { id }`, {}, clerk.token))).toBeUndefined();
  });

  it('a query over the depth limit is refused with QUERY_TOO_DEEP and its depth', async () => {
    const app = await startTestApp({ AMICUS_GRAPHQL_MAX_DEPTH: '3' });
    try {
      const a = await app.admin();
      const res = await app.gql(`{ cases { edges { node { parties { id } } } } }`, {}, a.token);
      expect(errorCode(res)).toBe('QUERY_TOO_DEEP');
      expect(res.errors?.[0].extensions).toMatchObject({ depth: 5, maxDepth: 3 });
      expect(res.data ?? null).toBeNull();
      const viaFragment = await app.gql(`{ me { ...U } } fragment U on User { id }`, {}, a.token);
      expect(errorCode(viaFragment)).toBeUndefined();
      const deeperFragment = await app.gql(`{ cases { ...C } } fragment C on CaseConnection { edges { node { id } } }`, {}, a.token);
      expect(errorCode(deeperFragment)).toBe('QUERY_TOO_DEEP');
      // Introspection is not counted.
      expect(errorCode(await app.gql(`{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }`, {}))).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('a costly query is refused with QUERY_TOO_COMPLEX before it runs', async () => {
    const costly = `{ cases(first: 100) { edges { node { id title parties { id name role counsel } assignees { id displayName } } } } }`;
    const res = await t.gql(costly, {}, clerk.token);
    expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0].extensions?.maxComplexity).toBe(300);
    expect(errorCode(await t.gql(`{ cases(first: 10) { edges { node { id title } } } }`, {}, clerk.token))).toBeUndefined();
  });

  it('a request body over the size limit is refused with PAYLOAD_TOO_LARGE (HTTP 413)', async () => {
    const before = await counts();
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ query: CREATE_CASE, variables: { input: { ...validCase, docketNumber: 'BIG', title: 'x'.repeat(20_000) } } }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await counts()).toEqual(before);
  });

  it('malformed JSON and a GraphQL syntax error get typed errors', async () => {
    const bad = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(`{ cases { `, {}, clerk.token))).toBe('GRAPHQL_PARSE_FAILED');
    expect(errorCode(await t.gql(`{ nope }`, {}, clerk.token))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('wrong and expired tokens change nothing', async () => {
    const before = await counts();
    await expectRejected(await t.gql(CREATE_CASE, { input: { ...validCase, docketNumber: 'T-1' } }, 'ams_wrong'), 'UNAUTHENTICATED', before);
    await expectRejected(await t.gql(CREATE_CASE, { input: { ...validCase, docketNumber: 'T-1' } }, 'amk_wrong'), 'UNAUTHENTICATED', before);
  });
});
