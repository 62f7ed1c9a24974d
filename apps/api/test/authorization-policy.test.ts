// One authorization policy for every action, shown to clients as `viewerCan`: the expected table is
// written out here independently of the policy code, `viewerCan` must equal it for every role and
// action, and the API's enforcement of each action must agree with `viewerCan`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyAccess } from '../src/modules/auth/api-key.entity.js';
import { z } from 'zod';
import { JobQueue } from '../src/modules/jobs/job-queue.js';
import { JOB_QUEUE } from '../src/modules/jobs/job-queue.token.js';
import { JobsService } from '../src/modules/jobs/jobs.service.js';
import { UserRole } from '../src/modules/users/user.entity.js';
import { databaseAvailable, errorCode, GraphQLResponse, ok, startTestApp, TestApp, TestUser } from './helpers/test-app.js';

type Actor = 'admin' | 'assignedJudge' | 'judge' | 'clerk' | 'serviceRead' | 'serviceWrite';
const ACTORS: Actor[] = ['admin', 'assignedJudge', 'judge', 'clerk', 'serviceRead', 'serviceWrite'];
const ACTIONS = ['view', 'edit', 'seal', 'assign', 'addNote', 'upload', 'summarize', 'draft', 'editDraft', 'approve', 'export', 'manageJobs', 'readLedger'] as const;
type Action = (typeof ACTIONS)[number];

/** The policy, written out: what each caller may do with an unsealed case of their court. */
const EXPECTED: Record<Actor, Action[]> = {
  admin: ['view', 'edit', 'seal', 'assign', 'addNote', 'upload', 'summarize', 'draft', 'editDraft', 'export', 'manageJobs', 'readLedger'],
  assignedJudge: ['view', 'edit', 'seal', 'addNote', 'upload', 'summarize', 'draft', 'editDraft', 'approve', 'export', 'manageJobs', 'readLedger'],
  judge: ['view', 'addNote', 'summarize', 'draft', 'editDraft', 'export', 'readLedger'],
  clerk: ['view', 'edit', 'assign', 'addNote', 'upload', 'summarize', 'draft', 'editDraft', 'export', 'manageJobs', 'readLedger'],
  serviceRead: ['view', 'export', 'readLedger'],
  serviceWrite: ['view', 'edit', 'addNote', 'upload', 'summarize', 'export', 'manageJobs', 'readLedger'],
};

describe.skipIf(!databaseAvailable())('one authorization policy, shown as viewerCan', () => {
  let t: TestApp;
  const who = {} as Record<Actor, TestUser>;
  let caseId: string;
  let spare: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    // a job type with no handler: its jobs stay queued, so who may cancel them can be tried
    t.app.get<JobQueue>(JOB_QUEUE).types.define('test-idle', { description: 'Never runs.', payload: z.object({}), result: z.unknown() });
    who.admin = await t.admin();
    who.assignedJudge = await t.createUser(UserRole.JUDGE, 'HC');
    who.judge = await t.createUser(UserRole.JUDGE, 'HC');
    who.clerk = await t.createUser(UserRole.CLERK, 'HC');
    who.serviceRead = await t.serviceAccount(['HC'], ApiKeyAccess.READ);
    who.serviceWrite = await t.serviceAccount(['HC'], ApiKeyAccess.READ_WRITE);
    spare = await t.createUser(UserRole.CLERK, 'HC');
    caseId = ok(
      await t.gql<{ createCase: { id: string } }>(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        { input: { docketNumber: 'AP-1', title: 'Policy v Matrix', court: 'HC', caseType: 'civil', filedDate: '2026-04-05' } },
        who.admin.token,
      ),
    ).createCase.id;
    ok(await t.gql(`mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }`, { c: caseId, u: who.assignedJudge.user.id }, who.admin.token));
  });
  afterAll(async () => {
    await t?.close();
  });

  const viewerCan = async (actor: Actor) =>
    ok(await t.gql<{ case: { viewerCan: Record<Action, boolean> } }>(`query($id: ID!) { case(id: $id) { viewerCan { ${ACTIONS.join(' ')} } } }`, { id: caseId }, who[actor].token)).case
      .viewerCan;

  it.each(ACTORS)('viewerCan of %s equals the policy table for every action', async (actor) => {
    const can = await viewerCan(actor);
    expect(ACTIONS.filter((a) => can[a])).toEqual(EXPECTED[actor]);
  });

  /** Tries an action for real; true when the API did not refuse it as FORBIDDEN. */
  const probes: Partial<Record<Action, (u: TestUser) => Promise<GraphQLResponse | { status: number }>>> = {
    edit: (u) => t.gql(`mutation($input: UpdateCaseInput!) { updateCase(input: $input) { id } }`, { input: { id: caseId, caseType: 'civil' } }, u.token),
    seal: async (u) => {
      const res = await t.gql(`mutation($input: UpdateCaseInput!) { updateCase(input: $input) { id } }`, { input: { id: caseId, sealed: true } }, u.token);
      if (!res.errors) ok(await t.gql(`mutation($input: UpdateCaseInput!) { updateCase(input: $input) { id } }`, { input: { id: caseId, sealed: false } }, who.admin.token));
      return res;
    },
    assign: (u) => t.gql(`mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }`, { c: caseId, u: spare.user.id }, u.token),
    addNote: (u) => t.gql(`mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }`, { input: { caseId, body: 'note' } }, u.token),
    upload: async (u) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ title: 'Memo', kind: 'other', filedDate: '2026-04-05' })) form.append(k, v);
      form.append('file', new Blob([`A memo ${Math.random()}`]), 'memo.txt');
      return fetch(`${t.url}/api/cases/${caseId}/documents`, { method: 'POST', headers: { authorization: `Bearer ${u.token}` }, body: form });
    },
    summarize: (u) => t.gql(`mutation($c: ID!) { summarizeCase(caseId: $c) { id } }`, { c: caseId }, u.token),
    draft: (u) => t.gql(`mutation($input: CreateDraftInput!) { createDraft(input: $input) { id } }`, { input: { caseId, templateId: 'no-such-template' } }, u.token),
    manageJobs: async (u) => {
      const job = await t.app.get(JobsService).enqueueFor({ userId: who.admin.user.id, email: 'a', displayName: 'a', role: UserRole.ADMIN, court: null }, 'test-idle', {}, { caseId });
      return t.gql(`mutation($id: ID!) { cancelJob(id: $id) { id } }`, { id: job.id }, u.token);
    },
  };
  // refusals: HTTP 403, FORBIDDEN, or (for jobs, which are hidden from who may not manage them) NOT_FOUND
  const refused = (res: GraphQLResponse | { status: number }) => {
    const code = 'errors' in res ? errorCode(res) : undefined;
    return res.status === 403 || code === 'FORBIDDEN' || (code === 'NOT_FOUND' && (res as GraphQLResponse).errors?.[0].path?.[0] === 'cancelJob');
  };

  it.each(ACTORS)('what %s may do is what the API lets them do', async (actor) => {
    const can = await viewerCan(actor);
    for (const [action, probe] of Object.entries(probes) as Array<[Action, (u: TestUser) => Promise<GraphQLResponse | { status: number }>]>) {
      const res = await probe(who[actor]);
      expect({ action, refused: refused(res) }).toEqual({ action, refused: !can[action] });
    }
  });

  it('a draft’s viewerCan follows the policy and the draft’s state', async () => {
    const query = `query($id: ID!) { case(id: $id) { drafts { id } } }`;
    expect(ok(await t.gql<{ case: { drafts: unknown[] } }>(query, { id: caseId }, who.clerk.token)).case.drafts).toEqual([]);
    const { toDraftViewerCan } = await import('../src/modules/cases/dto/viewer-can.type.js');
    const all = Object.fromEntries(['view', 'edit', 'seal', 'assign', 'add_note', 'upload', 'summarize', 'draft', 'edit_draft', 'approve', 'export', 'manage_jobs', 'read_ledger'].map((a) => [a, true])) as never;
    expect(toDraftViewerCan(all, false)).toEqual({ view: true, edit: true, approve: true, export: false });
    expect(toDraftViewerCan(all, true)).toEqual({ view: true, edit: false, approve: false, export: true });
  });
});
