import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../src/modules/users/user.entity.js';
import { databaseAvailable, errorCode, ok, startTestApp, TestApp, TestUser } from './helpers/test-app.js';

const CASE_FIELDS = 'id docketNumber title court caseType status filedDate sealed closedAt parties { id name role counsel } assignees { id displayName role }';

interface CaseNode {
  id: string;
  docketNumber: string;
  title: string;
  court: string;
  caseType: string;
  status: string;
  filedDate: string;
  sealed: boolean;
  closedAt: string | null;
  parties: Array<{ id: string; name: string; role: string; counsel: string | null }>;
  assignees: Array<{ id: string; displayName: string; role: string }>;
}

interface Page {
  cases: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: { id: string; docketNumber: string; title: string; filedDate: string } }> };
}

describe.skipIf(!databaseAvailable())('cases, parties, assignment, notes and pagination', () => {
  let t: TestApp;
  let clerk: TestUser;
  let judge: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    clerk = await t.createUser(UserRole.CLERK, 'CRUD');
    judge = await t.createUser(UserRole.JUDGE, 'CRUD');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function createCase(input: Record<string, unknown>, token = clerk.token): Promise<CaseNode> {
    return ok(
      await t.gql<{ createCase: CaseNode }>(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { ${CASE_FIELDS} } }`,
        { input: { court: 'CRUD', caseType: 'civil', filedDate: '2026-03-01', ...input } },
        token,
      ),
    ).createCase;
  }

  it('creates, reads, updates, closes and reopens a case', async () => {
    const created = await createCase({
      docketNumber: ' CV-2026-001 ',
      title: 'Smith v Jones',
      parties: [
        { name: 'Alice Smith', role: 'PLAINTIFF', counsel: 'Ms Counsel' },
        { name: 'Bob Jones', role: 'DEFENDANT' },
      ],
    });
    expect(created).toMatchObject({
      docketNumber: 'CV-2026-001',
      title: 'Smith v Jones',
      court: 'CRUD',
      status: 'OPEN',
      filedDate: '2026-03-01',
      sealed: false,
      closedAt: null,
      assignees: [],
    });
    expect(created.parties.map((p) => [p.name, p.role, p.counsel])).toEqual([
      ['Alice Smith', 'PLAINTIFF', 'Ms Counsel'],
      ['Bob Jones', 'DEFENDANT', null],
    ]);

    const read = ok(await t.gql<{ case: CaseNode }>(`query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`, { id: created.id }, judge.token)).case;
    expect(read).toEqual(created);

    const updated = ok(
      await t.gql<{ updateCase: CaseNode }>(
        `mutation($id: ID!) { updateCase(input: { id: $id, title: "Smith v Jones (No 2)", caseType: "appeal", filedDate: "2026-03-02", status: STAYED, docketNumber: "CV-2026-001A" }) { ${CASE_FIELDS} } }`,
        { id: created.id },
        clerk.token,
      ),
    ).updateCase;
    expect(updated).toMatchObject({ title: 'Smith v Jones (No 2)', caseType: 'appeal', filedDate: '2026-03-02', status: 'STAYED', docketNumber: 'CV-2026-001A' });

    const closed = ok(await t.gql<{ closeCase: CaseNode }>(`mutation($id: ID!) { closeCase(id: $id) { ${CASE_FIELDS} } }`, { id: created.id }, clerk.token)).closeCase;
    expect(closed.status).toBe('CLOSED');
    expect(closed.closedAt).not.toBeNull();
    expect(errorCode(await t.gql(`mutation($id: ID!) { closeCase(id: $id) { id } }`, { id: created.id }, clerk.token))).toBe('CONFLICT');
    const reopened = ok(await t.gql<{ reopenCase: CaseNode }>(`mutation($id: ID!) { reopenCase(id: $id) { ${CASE_FIELDS} } }`, { id: created.id }, clerk.token)).reopenCase;
    expect(reopened).toMatchObject({ status: 'OPEN', closedAt: null });
  });

  it('adds, updates and removes parties', async () => {
    const c = await createCase({ docketNumber: 'CV-P-1', title: 'Party case' });
    const party = ok(
      await t.gql<{ addParty: { id: string; name: string; role: string; counsel: string | null } }>(
        `mutation($id: ID!) { addParty(input: { caseId: $id, name: "Acme Ltd", role: RESPONDENT, counsel: "Big Firm LLP" }) { id name role counsel } }`,
        { id: c.id },
        clerk.token,
      ),
    ).addParty;
    expect(party).toMatchObject({ name: 'Acme Ltd', role: 'RESPONDENT', counsel: 'Big Firm LLP' });
    const changed = ok(
      await t.gql<{ updateParty: { role: string; counsel: string | null } }>(
        `mutation($id: ID!) { updateParty(input: { id: $id, role: APPELLANT, counsel: null }) { role counsel } }`,
        { id: party.id },
        clerk.token,
      ),
    ).updateParty;
    expect(changed).toEqual({ role: 'APPELLANT', counsel: null });
    const after = ok(await t.gql<{ removeParty: CaseNode }>(`mutation($id: ID!) { removeParty(id: $id) { ${CASE_FIELDS} } }`, { id: party.id }, clerk.token)).removeParty;
    expect(after.parties).toEqual([]);
    expect(errorCode(await t.gql(`mutation($id: ID!) { removeParty(id: $id) { id } }`, { id: party.id }, clerk.token))).toBe('NOT_FOUND');
  });

  it('assigns and unassigns users; assignedToMe lists the assigned cases', async () => {
    const c = await createCase({ docketNumber: 'CV-A-1', title: 'Assignment case' });
    const assigned = ok(
      await t.gql<{ assignUser: CaseNode }>(`mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { ${CASE_FIELDS} } }`, { c: c.id, u: judge.user.id }, clerk.token),
    ).assignUser;
    expect(assigned.assignees).toEqual([{ id: judge.user.id, displayName: judge.user.displayName, role: 'JUDGE' }]);
    // Assigning twice is harmless.
    ok(await t.gql(`mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }`, { c: c.id, u: judge.user.id }, clerk.token));

    const mine = ok(await t.gql<Page>(`{ cases(filter: { assignedToMe: true }) { totalCount edges { cursor node { id docketNumber title filedDate } } pageInfo { hasNextPage endCursor } } }`, {}, judge.token));
    expect(mine.cases.edges.map((e) => e.node.id)).toEqual([c.id]);
    expect(mine.cases.totalCount).toBe(1);

    // A user of another court is not eligible when a clerk assigns.
    const outsider = await t.createUser(UserRole.JUDGE, 'ELSEWHERE');
    expect(errorCode(await t.gql(`mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }`, { c: c.id, u: outsider.user.id }, clerk.token))).toBe('BAD_USER_INPUT');
    // An admin may assign across courts.
    const admin = await t.admin();
    ok(await t.gql(`mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }`, { c: c.id, u: outsider.user.id }, admin.token));
    expect(ok(await t.gql<{ case: CaseNode | null }>(`query($id: ID!) { case(id: $id) { id } }`, { id: c.id }, outsider.token)).case?.id).toBe(c.id);

    const unassigned = ok(
      await t.gql<{ unassignUser: CaseNode }>(`mutation($c: ID!, $u: ID!) { unassignUser(caseId: $c, userId: $u) { ${CASE_FIELDS} } }`, { c: c.id, u: judge.user.id }, clerk.token),
    ).unassignUser;
    expect(unassigned.assignees.map((a) => a.id)).toEqual([outsider.user.id]);
  });

  it('case notes: add, list newest first with pagination, delete by author only', async () => {
    const c = await createCase({ docketNumber: 'CV-N-1', title: 'Notes case' });
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const note = ok(
        await t.gql<{ addCaseNote: { id: string; body: string; author: { id: string } } }>(
          `mutation($c: ID!, $b: String!) { addCaseNote(input: { caseId: $c, body: $b }) { id body author { id } } }`,
          { c: c.id, b: `Note ${i}` },
          i % 2 ? clerk.token : judge.token,
        ),
      ).addCaseNote;
      ids.push(note.id);
      await new Promise((r) => setTimeout(r, 3));
    }
    const bodies: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { caseNotes: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { body: string; author: { id: string } } }> } } = ok(
        await t.gql(`query($c: ID!, $a: String) { caseNotes(caseId: $c, first: 2, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { body author { id } } } } }`, { c: c.id, a: after }, judge.token),
      );
      expect(page.caseNotes.totalCount).toBe(5);
      bodies.push(...page.caseNotes.edges.map((e) => e.node.body));
      if (!page.caseNotes.pageInfo.hasNextPage) break;
      after = page.caseNotes.pageInfo.endCursor;
    }
    expect(bodies).toEqual(['Note 5', 'Note 4', 'Note 3', 'Note 2', 'Note 1']);
    expect(errorCode(await t.gql(`mutation($id: ID!) { deleteCaseNote(id: $id) }`, { id: ids[0] }, judge.token))).toBe('FORBIDDEN');
    expect(ok(await t.gql<{ deleteCaseNote: boolean }>(`mutation($id: ID!) { deleteCaseNote(id: $id) }`, { id: ids[0] }, clerk.token)).deleteCaseNote).toBe(true);
  });

  describe('pagination, sorting, filtering and search', () => {
    const court = 'PAGE';
    let pager: TestUser;
    beforeAll(async () => {
      pager = await t.createUser(UserRole.CLERK, court);
      for (let i = 1; i <= 25; i++) {
        await createCase(
          {
            court,
            docketNumber: `PG-${String(i).padStart(3, '0')}`,
            title: `${String.fromCharCode(90 - (i % 26))} title ${i}`,
            filedDate: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 3) + 10)}`,
            parties: i === 7 ? [{ name: 'Unusual Ｐarty 100% name_x', role: 'PETITIONER' }] : [],
          },
          pager.token,
        );
      }
      const c = ok(await t.gql<{ cases: { edges: Array<{ node: { id: string } }> } }>(`{ cases(filter: { search: "PG-003" }) { edges { node { id } } } }`, {}, pager.token));
      ok(await t.gql(`mutation($id: ID!) { closeCase(id: $id) { id } }`, { id: c.cases.edges[0].node.id }, pager.token));
    });

    async function all(sort: string | null, first: number): Promise<Array<Page['cases']['edges'][number]['node']>> {
      const nodes: Array<Page['cases']['edges'][number]['node']> = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: Page = ok(
          await t.gql(
            `query($first: Int, $after: String, $sort: CaseSortInput) { cases(first: $first, after: $after, sort: $sort, filter: { court: "${court}" }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id docketNumber title filedDate } } } }`,
            { first, after, sort: sort ? JSON.parse(sort) : null },
            pager.token,
          ),
        );
        expect(page.cases.totalCount).toBe(25);
        nodes.push(...page.cases.edges.map((e) => e.node));
        pages += 1;
        if (!page.cases.pageInfo.hasNextPage) break;
        after = page.cases.pageInfo.endCursor;
      }
      expect(pages).toBe(Math.ceil(25 / first));
      return nodes;
    }

    it('pages through every case exactly once in each sort order', async () => {
      const byDocket = await all('{"field":"DOCKET_NUMBER","direction":"ASC"}', 10);
      expect(byDocket.map((n) => n.docketNumber)).toEqual(Array.from({ length: 25 }, (_, i) => `PG-${String(i + 1).padStart(3, '0')}`));
      const byDocketDesc = await all('{"field":"DOCKET_NUMBER","direction":"DESC"}', 7);
      expect(byDocketDesc.map((n) => n.docketNumber)).toEqual(byDocket.map((n) => n.docketNumber).reverse());

      const byDate = await all(null, 4);
      expect(new Set(byDate.map((n) => n.id)).size).toBe(25);
      const dates = byDate.map((n) => n.filedDate);
      expect(dates).toEqual([...dates].sort().reverse());

      const byTitle = await all('{"field":"TITLE"}', 6);
      expect(new Set(byTitle.map((n) => n.id)).size).toBe(25);
      const initials = byTitle.map((n) => n.title[0]);
      expect(initials).toEqual([...initials].sort());
    });

    it('filters by status and searches docket numbers, titles and party names case-insensitively (LIKE wildcards are literal)', async () => {
      const q = async (filter: string) => ok(await t.gql<Page>(`{ cases(first: 50, filter: { court: "${court}", ${filter} }) { totalCount edges { node { id docketNumber title filedDate } } } }`, {}, pager.token)).cases;
      expect((await q('status: CLOSED')).edges.map((e) => e.node.docketNumber)).toEqual(['PG-003']);
      expect((await q('status: OPEN')).totalCount).toBe(24);
      expect((await q('search: "pg-01"')).totalCount).toBe(10);
      expect((await q('search: "TITLE 25"')).edges.map((e) => e.node.docketNumber)).toEqual(['PG-025']);
      expect((await q('search: "ｐarty 100%"')).edges.map((e) => e.node.docketNumber)).toEqual(['PG-007']);
      expect((await q('search: "100%"')).totalCount).toBe(1);
      expect((await q('search: "name_x"')).totalCount).toBe(1);
      expect((await q('search: "%"')).totalCount).toBe(1);
      expect((await q('search: "_"')).totalCount).toBe(1);
    });

    it('first: 0 answers the count only; a bad cursor is BAD_USER_INPUT', async () => {
      const zero = ok(await t.gql<Page>(`{ cases(first: 0, filter: { court: "${court}" }) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`, {}, pager.token));
      expect(zero.cases).toMatchObject({ totalCount: 25, edges: [] });
      expect(errorCode(await t.gql(`{ cases(after: "not-a-cursor") { totalCount } }`, {}, pager.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(`{ cases(first: 101) { totalCount } }`, {}, pager.token))).toBe('BAD_USER_INPUT');
    });
  });
});
