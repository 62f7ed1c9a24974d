// Every change to cases, parties, seals and assignments is in the ledger, written in the same
// transaction; sealed docket numbers cannot be confirmed by trying them; probing sealed ids is counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity } from '../src/modules/audit/audit.entity.js';
import { SealedLookupDenials } from '../src/modules/cases/sealed-lookup-denials.js';
import { UserRole } from '../src/modules/users/user.entity.js';
import { databaseAvailable, errorCode, GraphQLResponse, ok, startTestApp, TestApp, TestUser } from './helpers/test-app.js';

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id docketNumber } }`;
const UPDATE = `mutation($input: UpdateCaseInput!) { updateCase(input: $input) { id } }`;
const base = { title: 'Ledger v Coverage', court: 'HC', caseType: 'civil', filedDate: '2026-02-03' };

describe.skipIf(!databaseAvailable())('ledger coverage and sealed docket numbers', () => {
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  let judge: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.admin();
    clerk = await t.createUser(UserRole.CLERK, 'HC');
    judge = await t.createUser(UserRole.JUDGE, 'HC');
  });
  afterAll(async () => {
    await t?.close();
  });

  const entries = (caseId: string | null) =>
    t.dataSource.getRepository(AuditEntryEntity).find({ where: caseId === null ? {} : { caseId }, order: { seq: 'ASC' } });
  const create = async (token: string, docketNumber: string, sealed = false) =>
    ok(await t.gql<{ createCase: { id: string } }>(CREATE, { input: { ...base, docketNumber, sealed } }, token)).createCase.id;

  it('records creating, renaming, sealing, unsealing, closing and reopening a case, party changes and assignments', async () => {
    const id = ok(await t.gql<{ createCase: { id: string } }>(CREATE, { input: { ...base, docketNumber: 'LC-1', parties: [{ name: 'Ann Smith', role: 'PLAINTIFF' }] } }, clerk.token)).createCase.id;
    ok(await t.gql(UPDATE, { input: { id, title: 'Renamed v Coverage', docketNumber: 'LC-1A' } }, clerk.token));
    ok(await t.gql(`mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }`, { c: id, u: judge.user.id }, clerk.token));
    ok(await t.gql(UPDATE, { input: { id, sealed: true } }, judge.token));
    ok(await t.gql(UPDATE, { input: { id, sealed: false } }, judge.token));
    const party = ok(await t.gql<{ addParty: { id: string } }>(`mutation($input: AddPartyInput!) { addParty(input: $input) { id } }`, { input: { caseId: id, name: 'Bob Jones', role: 'DEFENDANT' } }, clerk.token)).addParty.id;
    ok(await t.gql(`mutation($input: UpdatePartyInput!) { updateParty(input: $input) { id } }`, { input: { id: party, counsel: 'C. Lee' } }, clerk.token));
    ok(await t.gql(`mutation($id: ID!) { removeParty(id: $id) { id } }`, { id: party }, clerk.token));
    ok(await t.gql(`mutation($id: ID!) { closeCase(id: $id) { id } }`, { id }, clerk.token));
    ok(await t.gql(`mutation($id: ID!) { reopenCase(id: $id) { id } }`, { id }, clerk.token));
    ok(await t.gql(`mutation($c: ID!, $u: ID!) { unassignUser(caseId: $c, userId: $u) { id } }`, { c: id, u: judge.user.id }, clerk.token));
    const log = await entries(id);
    expect(log.map((e) => e.action)).toEqual([
      'case_created',
      'case_updated',
      'permission_change',
      'case_sealed',
      'case_unsealed',
      'party_added',
      'party_updated',
      'party_removed',
      'case_closed',
      'case_reopened',
      'permission_change',
    ]);
    const rename = JSON.parse(log[1].details) as { fields: string[]; before: Record<string, string>; after: Record<string, string> };
    expect(rename).toMatchObject({ fields: ['docketNumber', 'title'], before: { docketNumber: 'LC-1', title: 'Ledger v Coverage' }, after: { docketNumber: 'LC-1A', title: 'Renamed v Coverage' } });
    expect(log.every((e) => e.actorId !== null)).toBe(true);
  });

  it('docket numbers are unique per court regardless of letter case', async () => {
    await create(admin.token, 'C1-2026-CASE');
    const again = await t.gql(CREATE, { input: { ...base, docketNumber: 'c1-2026-case' } }, admin.token);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0].extensions?.reason).toBe('DOCKET_NUMBER_TAKEN');
    // another court may use it
    expect(errorCode(await t.gql(CREATE, { input: { ...base, court: 'HC-B', docketNumber: 'c1-2026-case' } }, admin.token))).toBeUndefined();
  });

  it('a clerk cannot confirm a sealed docket number: the answer equals that for a visible one, and the attempt is recorded', async () => {
    const sealedId = await create(admin.token, 'C1-2026-SEAL', true);
    const visibleId = await create(admin.token, 'C1-2026-OPEN');
    const strip = (r: GraphQLResponse) => ({ code: errorCode(r), reason: r.errors?.[0].extensions?.reason, message: r.errors?.[0].message, data: r.data ?? null });
    const onSealed = await t.gql(CREATE, { input: { ...base, docketNumber: 'c1-2026-seal' } }, clerk.token);
    const onVisible = await t.gql(CREATE, { input: { ...base, docketNumber: 'c1-2026-open' } }, clerk.token);
    expect(strip(onSealed)).toEqual(strip(onVisible));
    expect(strip(onSealed)).toMatchObject({ code: 'CONFLICT', reason: 'DOCKET_NUMBER_UNAVAILABLE' });
    expect(JSON.stringify(onSealed)).not.toContain(sealedId);
    // renaming a case onto a sealed number: the same neutral answer, and the case is unchanged
    const mine = await create(clerk.token, 'C1-2026-MINE');
    expect(strip(await t.gql(UPDATE, { input: { id: mine, docketNumber: 'C1-2026-seal' } }, clerk.token))).toEqual(strip(onVisible));
    // both attempts are in the ledger against the sealed case, which the clerk's ledger view never shows
    const collisions = (await entries(sealedId)).filter((e) => e.action === 'docket_collision');
    expect(collisions.map((e) => e.actorId)).toEqual([clerk.user.id, clerk.user.id]);
    expect((await entries(visibleId)).some((e) => e.action === 'docket_collision')).toBe(true);
    const clerkView = ok(await t.gql<{ auditLog: { edges: Array<{ node: { caseId: string | null } }> } }>(`{ auditLog(first: 100) { edges { node { caseId } } } }`, {}, clerk.token));
    expect(clerkView.auditLog.edges.some((e) => e.node.caseId === sealedId)).toBe(false);
    // a refused change leaves no case and no case_created entry
    expect(Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM cases WHERE LOWER(docket_number) = 'c1-2026-seal'`))[0].n)).toBe(1);
  });

  it('look-ups of sealed cases by callers who may not see them are counted in the ledger', async () => {
    const sealedId = await create(admin.token, 'C1-2026-PROBE', true);
    for (let i = 0; i < 3; i++) expect(ok(await t.gql<{ case: unknown }>(`query($id: ID!) { case(id: $id) { id } }`, { id: sealedId }, clerk.token)).case).toBeNull();
    await t.app.get(SealedLookupDenials).flush();
    const denied = (await entries(null)).filter((e) => e.action === 'sealed_lookup_denied' && e.actorId === clerk.user.id);
    expect(denied).toHaveLength(1);
    expect(JSON.parse(denied[0].details)).toEqual({ count: 3, caseIds: [sealedId] });
    expect(denied[0].caseId).toBeNull();
  });

  it('clerks read their entries without sequence numbers, chain links or cursors that reveal hidden activity', async () => {
    const id = await create(clerk.token, 'C1-2026-SEQ');
    ok(await t.gql(UPDATE, { input: { id, title: 'Renamed once' } }, clerk.token));
    ok(await t.gql(UPDATE, { input: { id, title: 'Renamed twice' } }, clerk.token));
    const query = `query($c: ID!, $a: String) { auditLog(first: 1, after: $a, filter: { caseId: $c }) { pageInfo { endCursor } edges { cursor node { seq prevHash hash action } } } }`;
    type Page = { auditLog: { pageInfo: { endCursor: string }; edges: Array<{ cursor: string; node: { seq: number | null; prevHash: string | null; hash: string } }> } };
    const first = ok(await t.gql<Page>(query, { c: id }, clerk.token)).auditLog;
    expect(first.edges[0].node).toMatchObject({ seq: null, prevHash: null });
    expect(first.edges[0].node.hash).toMatch(/^[0-9a-f]{64}$/);
    // the cursor is sealed: it decodes to nothing readable, yet pages on
    expect(Buffer.from(first.pageInfo.endCursor, 'base64url').toString('utf8')).not.toMatch(/^\[\d+,"\d+"\]$/);
    const next = ok(await t.gql<Page>(query, { c: id, a: first.pageInfo.endCursor }, clerk.token)).auditLog;
    expect(next.edges).toHaveLength(1);
    expect(next.edges[0].node.hash).not.toBe(first.edges[0].node.hash);
    expect(errorCode(await t.gql(query, { c: id, a: Buffer.from(JSON.stringify([5, '5'])).toString('base64url') }, clerk.token))).toBe('BAD_USER_INPUT');
    // admins keep the chain
    const adminView = ok(await t.gql<Page>(query, { c: id }, admin.token)).auditLog;
    expect(adminView.edges[0].node.seq).toBeGreaterThan(0);
    expect(adminView.edges[0].node.prevHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
