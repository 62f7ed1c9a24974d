// Authorization matrix: every role × every case operation × sealed/unsealed × assigned/unassigned,
// through GraphQL over HTTP. The expected permissions are written out here, independently of the
// policy code. A case the caller may not see answers exactly like a missing id; a denied change
// changes nothing; a sealed case never shows through lists, counts, search or errors.
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyAccess } from '../src/modules/auth/api-key.entity.js';
import { CaseAssignmentEntity } from '../src/modules/cases/case-assignment.entity.js';
import { CaseNoteEntity } from '../src/modules/cases/case-note.entity.js';
import { CaseEntity, CaseStatus } from '../src/modules/cases/case.entity.js';
import { PartyEntity, PartyRole } from '../src/modules/cases/party.entity.js';
import { UserRole } from '../src/modules/users/user.entity.js';
import { databaseAvailable, GraphQLResponse, startTestApp, TestApp, TestUser } from './helpers/test-app.js';

const COURT = 'HC-A';
const OTHER_COURT = 'HC-B';

type Actor = 'admin' | 'judge' | 'clerk' | 'otherJudge' | 'otherClerk' | 'serviceRead' | 'serviceWrite';
const ACTORS: Actor[] = ['admin', 'judge', 'clerk', 'otherJudge', 'otherClerk', 'serviceRead', 'serviceWrite'];

type Operation =
  | 'view'
  | 'list'
  | 'search'
  | 'notes'
  | 'update'
  | 'close'
  | 'addParty'
  | 'removeParty'
  | 'assign'
  | 'unassign'
  | 'addNote'
  | 'seal';
const OPERATIONS: Operation[] = ['view', 'list', 'search', 'notes', 'update', 'close', 'addParty', 'removeParty', 'assign', 'unassign', 'addNote', 'seal'];
const READS = new Set<Operation>(['view', 'list', 'search', 'notes']);

/** Who sees a case of court HC-A. */
function expectVisible(actor: Actor, sealed: boolean, assigned: boolean): boolean {
  if (actor === 'admin' || assigned) return true;
  if (sealed) return false;
  return actor === 'judge' || actor === 'clerk' || actor === 'serviceRead' || actor === 'serviceWrite';
}

/** What a caller who sees the case may do with it. */
function expectAllowed(actor: Actor, op: Operation, assigned: boolean): boolean {
  if (READS.has(op) || actor === 'admin') return true;
  const clerk = actor === 'clerk' || actor === 'otherClerk';
  const judge = actor === 'judge' || actor === 'otherJudge';
  switch (op) {
    case 'update':
    case 'close':
    case 'addParty':
    case 'removeParty':
      return clerk || (judge && assigned) || actor === 'serviceWrite';
    case 'assign':
    case 'unassign':
      return clerk;
    case 'addNote':
      return clerk || judge || actor === 'serviceWrite';
    case 'seal':
      return judge && assigned;
    default:
      return false;
  }
}

interface MatrixCase {
  actor: Actor;
  op: Operation;
  sealed: boolean;
  assigned: boolean;
  id: string;
  docketNumber: string;
  title: string;
  partyId: string;
  partyName: string;
}

const CASE_FIELDS = 'id docketNumber title sealed status parties { id name } assignees { id }';

describe.skipIf(!databaseAvailable())('authorization matrix', () => {
  let t: TestApp;
  const actors = {} as Record<Actor, TestUser>;
  let extraJudge: TestUser;
  const cases: MatrixCase[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    actors.admin = await t.admin();
    actors.judge = await t.createUser(UserRole.JUDGE, COURT);
    actors.clerk = await t.createUser(UserRole.CLERK, COURT);
    actors.otherJudge = await t.createUser(UserRole.JUDGE, OTHER_COURT);
    actors.otherClerk = await t.createUser(UserRole.CLERK, OTHER_COURT);
    actors.serviceRead = await t.serviceAccount([COURT], ApiKeyAccess.READ);
    actors.serviceWrite = await t.serviceAccount([COURT], ApiKeyAccess.READ_WRITE);
    extraJudge = await t.createUser(UserRole.JUDGE, COURT);

    // One case per (actor, operation, sealed, assigned), each with one party; every case has
    // `extraJudge` assigned (the target of unassign); "assigned" cases also have the actor.
    const caseRows: Partial<CaseEntity>[] = [];
    const partyRows: Partial<PartyEntity>[] = [];
    const assignmentRows: Partial<CaseAssignmentEntity>[] = [];
    let n = 0;
    for (const actor of ACTORS) {
      for (const op of OPERATIONS) {
        for (const sealed of [false, true]) {
          for (const assigned of [false, true]) {
            n += 1;
            const id = randomUUID();
            const docketNumber = `MX-${String(n).padStart(4, '0')}`;
            const title = `Matrix ${actor} ${op} ${sealed ? 'sealed' : 'open'} ${assigned ? 'assigned' : 'unassigned'} ${n}`;
            const partyId = randomUUID();
            const partyName = `Zyx Party ${n} Qwv`;
            caseRows.push({ id, docketNumber, title, court: COURT, caseType: 'civil', status: CaseStatus.OPEN, filedDate: '2026-01-15', sealed, closedAt: null });
            partyRows.push({ id: partyId, caseId: id, name: partyName, role: PartyRole.PLAINTIFF, counsel: null, createdAt: new Date() });
            assignmentRows.push({ caseId: id, userId: extraJudge.user.id });
            if (assigned) assignmentRows.push({ caseId: id, userId: actors[actor].user.id });
            cases.push({ actor, op, sealed, assigned, id, docketNumber, title, partyId, partyName });
          }
        }
      }
    }
    const m = t.dataSource.manager;
    for (let i = 0; i < caseRows.length; i += 50) await m.insert(CaseEntity, caseRows.slice(i, i + 50));
    for (let i = 0; i < partyRows.length; i += 50) await m.insert(PartyEntity, partyRows.slice(i, i + 50));
    for (let i = 0; i < assignmentRows.length; i += 50) await m.insert(CaseAssignmentEntity, assignmentRows.slice(i, i + 50));
  });

  afterAll(async () => {
    await t?.close();
  });

  /** State of cases as stored, for checking that denied operations changed nothing. */
  async function states(caseIds: string[]): Promise<Map<string, string>> {
    const m = t.dataSource.manager;
    const [rows, parties, assignments, notes] = await Promise.all([
      m.findBy(CaseEntity, { id: In(caseIds) }),
      m.findBy(PartyEntity, { caseId: In(caseIds) }),
      m.findBy(CaseAssignmentEntity, { caseId: In(caseIds) }),
      m.findBy(CaseNoteEntity, { caseId: In(caseIds) }),
    ]);
    return new Map(
      rows.map((c) => [
        c.id,
        JSON.stringify({
          title: c.title,
          status: c.status,
          sealed: c.sealed,
          docketNumber: c.docketNumber,
          parties: parties.filter((p) => p.caseId === c.id).map((p) => p.id).sort(),
          assignees: assignments.filter((a) => a.caseId === c.id).map((a) => a.userId).sort(),
          notes: notes.filter((n) => n.caseId === c.id).length,
        }),
      ]),
    );
  }

  function perform(actor: Actor, c: MatrixCase, id: string = c.id): Promise<GraphQLResponse> {
    const token = actors[actor].token;
    switch (c.op) {
      case 'view':
        return t.gql(`query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`, { id }, token);
      case 'list':
        return t.gql(`query($s: String) { cases(first: 5, filter: { search: $s }) { totalCount edges { node { id title } } } }`, { s: c.docketNumber }, token);
      case 'search':
        return t.gql(`query($s: String) { cases(first: 5, filter: { search: $s }) { totalCount edges { node { id title } } } }`, { s: c.partyName }, token);
      case 'notes':
        return t.gql(`query($id: ID!) { caseNotes(caseId: $id) { totalCount } }`, { id }, token);
      case 'update':
        return t.gql(`mutation($id: ID!) { updateCase(input: { id: $id, title: "Changed title" }) { id title } }`, { id }, token);
      case 'close':
        return t.gql(`mutation($id: ID!) { closeCase(id: $id) { id status } }`, { id }, token);
      case 'addParty':
        return t.gql(`mutation($id: ID!) { addParty(input: { caseId: $id, name: "New Party", role: DEFENDANT }) { id } }`, { id }, token);
      case 'removeParty':
        return t.gql(`mutation($id: ID!) { removeParty(id: $id) { id } }`, { id: id === c.id ? c.partyId : id }, token);
      case 'assign':
        return t.gql(`mutation($id: ID!, $u: ID!) { assignUser(caseId: $id, userId: $u) { id } }`, { id, u: actors.judge.user.id }, token);
      case 'unassign':
        return t.gql(`mutation($id: ID!, $u: ID!) { unassignUser(caseId: $id, userId: $u) { id } }`, { id, u: extraJudge.user.id }, token);
      case 'addNote':
        return t.gql(`mutation($id: ID!) { addCaseNote(input: { caseId: $id, body: "A note" }) { id body author { id } } }`, { id }, token);
      case 'seal':
        return t.gql(`mutation($id: ID!, $s: Boolean) { updateCase(input: { id: $id, sealed: $s }) { id sealed } }`, { id, s: !c.sealed }, token);
    }
  }

  it.each(ACTORS)('%s: every operation on every kind of case behaves as specified', async (actor) => {
    const failures: string[] = [];
    const mine = cases.filter((x) => x.actor === actor);
    const before = await states(mine.map((c) => c.id));
    const denied: MatrixCase[] = [];
    const missingAnswers = new Map<Operation, string>();
    const strip = (r: GraphQLResponse) => JSON.stringify(r.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, reason: e.extensions?.reason })));
    for (const c of mine) {
      const label = `${actor} ${c.op} ${c.sealed ? 'sealed' : 'unsealed'} ${c.assigned ? 'assigned' : 'unassigned'}`;
      const visible = expectVisible(actor, c.sealed, c.assigned);
      const allowed = visible && expectAllowed(actor, c.op, c.assigned);
      const res = await perform(actor, c);
      const text = JSON.stringify(res);

      if (c.op === 'list' || c.op === 'search') {
        const conn = (res.data as { cases: { totalCount: number; edges: Array<{ node: { id: string } }> } } | undefined)?.cases;
        const found = conn?.edges.some((e) => e.node.id === c.id) ?? false;
        if (res.errors || found !== visible || conn?.totalCount !== (visible ? 1 : 0)) failures.push(`${label}: ${text}`);
        continue;
      }
      if (c.op === 'view') {
        const got = (res.data as { case: { id: string } | null } | undefined)?.case ?? null;
        if (res.errors || (got !== null) !== visible) failures.push(`${label}: ${text}`);
        continue;
      }

      if (allowed) {
        if (res.errors) failures.push(`${label}: expected success, got ${text}`);
        continue;
      }
      denied.push(c);
      const expectedCode = visible ? 'FORBIDDEN' : 'NOT_FOUND';
      if (res.errors?.[0]?.extensions?.code !== expectedCode || res.data) failures.push(`${label}: expected ${expectedCode}, got ${text}`);
      if (!visible) {
        // Indistinguishable from a missing id, and nothing about the case leaks.
        if (!missingAnswers.has(c.op)) missingAnswers.set(c.op, strip(await perform(actor, c, randomUUID())));
        if (missingAnswers.get(c.op) !== strip(res)) failures.push(`${label}: differs from a missing id: ${text} vs ${missingAnswers.get(c.op)}`);
        if (text.includes(c.docketNumber) || text.includes(c.title) || text.includes(c.partyName)) failures.push(`${label}: leaks case data: ${text}`);
      }
    }
    // Denied operations changed nothing.
    const after = await states(denied.map((c) => c.id));
    for (const c of denied) {
      if (after.get(c.id) !== before.get(c.id)) failures.push(`${actor} ${c.op} ${c.sealed}/${c.assigned}: denied but changed ${before.get(c.id)} -> ${after.get(c.id)}`);
    }
    expect(failures).toEqual([]);
  });

  it.each(ACTORS)('%s: counts and full listings contain exactly the visible cases', async (actor) => {
    // Cases may have changed (sealed/unsealed, assigned) in the matrix above: compute from the database.
    const m = t.dataSource.manager;
    const all = await m.find(CaseEntity);
    const assignedIds = new Set((await m.findBy(CaseAssignmentEntity, { userId: actors[actor].user.id })).map((a) => a.caseId));
    const expected = all.filter((c) => expectVisible(actor, c.sealed, assignedIds.has(c.id))).map((c) => c.id).sort();

    const seen: string[] = [];
    let after: string | null = null;
    let totalCount: number;
    for (;;) {
      const res: GraphQLResponse<{ cases: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string } }> } }> =
        await t.gql(
          `query($after: String) { cases(first: 100, after: $after, sort: { field: DOCKET_NUMBER }) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
          { after },
          actors[actor].token,
        );
      expect(res.errors).toBeUndefined();
      const conn = res.data!.cases;
      totalCount = conn.totalCount;
      seen.push(...conn.edges.map((e) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(expected);
    expect(totalCount).toBe(expected.length);

    const sealedUnassigned = all.filter((c) => c.sealed && !assignedIds.has(c.id));
    if (actor !== 'admin') {
      for (const c of sealedUnassigned.slice(0, 5)) {
        const res = await t.gql<{ cases: { totalCount: number } }>(
          `query($s: String) { cases(filter: { search: $s }) { totalCount } }`,
          { s: c.docketNumber },
          actors[actor].token,
        );
        expect(res.data?.cases.totalCount).toBe(0);
      }
    }
  });

  it('creating cases: admins anywhere, clerks in their court, write keys in their courts, nobody else', async () => {
    const expectations: Array<[Actor, string, boolean]> = [
      ['admin', OTHER_COURT, true],
      ['clerk', COURT, true],
      ['clerk', OTHER_COURT, false],
      ['judge', COURT, false],
      ['otherJudge', OTHER_COURT, false],
      ['serviceRead', COURT, false],
      ['serviceWrite', COURT, true],
      ['serviceWrite', OTHER_COURT, false],
    ];
    let i = 0;
    for (const [actor, court, allowed] of expectations) {
      i += 1;
      const before = await t.dataSource.manager.count(CaseEntity);
      const res = await t.gql(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id court } }`,
        { input: { docketNumber: `NEW-${i}`, title: `New ${i}`, court, caseType: 'civil', filedDate: '2026-02-01' } },
        actors[actor].token,
      );
      const after = await t.dataSource.manager.count(CaseEntity);
      if (allowed) {
        expect(res.errors, `${actor} in ${court}`).toBeUndefined();
        expect(after).toBe(before + 1);
      } else {
        expect(res.errors?.[0]?.extensions?.code, `${actor} in ${court}`).toBe('FORBIDDEN');
        expect(after).toBe(before);
      }
    }
  });

  it('only admins create sealed cases', async () => {
    const input = { docketNumber: 'SEALED-NEW', title: 'Sealed new', court: COURT, caseType: 'family', filedDate: '2026-02-01', sealed: true };
    const denied = await t.gql(`mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`, { input }, actors.clerk.token);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const created = await t.gql<{ createCase: { id: string; sealed: boolean } }>(
      `mutation($input: CreateCaseInput!) { createCase(input: $input) { id sealed } }`,
      { input },
      actors.admin.token,
    );
    expect(created.data?.createCase.sealed).toBe(true);
    const asClerk = await t.gql(`query($id: ID!) { case(id: $id) { id } }`, { id: created.data!.createCase.id }, actors.clerk.token);
    expect(asClerk.data).toEqual({ case: null });
  });

  it('a sealed case in another court does not collide in error messages: a duplicate docket number says nothing about the case', async () => {
    const sealed = cases.find((c) => c.sealed && !c.assigned && c.actor === 'clerk')!;
    const res = await t.gql(
      `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
      { input: { docketNumber: sealed.docketNumber, title: 'Other', court: COURT, caseType: 'civil', filedDate: '2026-02-01' } },
      actors.clerk.token,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const text = JSON.stringify(res);
    expect(text).not.toContain(sealed.title);
    expect(text).not.toContain(sealed.id);
  });

  it('users, user and API-key administration are for admins only', async () => {
    for (const actor of ACTORS.filter((a) => a !== 'admin')) {
      const res = await t.gql(`{ apiKeys { id } }`, {}, actors[actor].token);
      expect(res.errors?.[0]?.extensions?.code, actor).toBe('FORBIDDEN');
      const create = await t.gql(
        `mutation { createUser(input: { email: "x-${actor}@court.example", displayName: "X", role: ADMIN, password: "a long password here" }) { id } }`,
        {},
        actors[actor].token,
      );
      expect(create.errors?.[0]?.extensions?.code, actor).toBe('FORBIDDEN');
    }
    const svc = await t.gql(`{ users { totalCount } }`, {}, actors.serviceRead.token);
    expect(svc.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const clerkUsers = await t.gql<{ users: { edges: Array<{ node: { court: string | null } }> } }>(`{ users(first: 100) { edges { node { court } } } }`, {}, actors.clerk.token);
    expect(clerkUsers.data!.users.edges.every((e) => e.node.court === COURT)).toBe(true);
  });
});
