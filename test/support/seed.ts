// Test data created through the real GraphQL API as the bootstrap admin.
import { gql, login } from './graphql.js';

export const COURT_A = 'HIGH-CIV';
export const COURT_B = 'COUNTY-B';
export const PASSWORD = 'a long test password 1';

export interface SeededUser {
  id: string;
  email: string;
  displayName: string;
  password: string;
}

export interface SeededCase {
  id: string;
  docketNumber: string;
  title: string;
  court: string;
  sealed: boolean;
  status: string;
}

export interface Seed {
  adminToken: string;
  judgeA: SeededUser;
  clerkB: SeededUser;
  /** Used only by the rate-limit test, so that its failures lock nobody else out. */
  lockoutUser: SeededUser;
  cases: SeededCase[];
  sealed: SeededCase;
  closed: SeededCase;
  withParty: SeededCase;
  courtA: SeededCase[];
  courtB: SeededCase[];
}

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email displayName } }`;
const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id docketNumber title court sealed status } }`;
const CLOSE_CASE = `mutation($id: ID!) { closeCase(id: $id) { id status } }`;
const ADD_PARTY = `mutation($input: AddPartyInput!) { addParty(input: $input) { id } }`;
const ASSIGN = `mutation($caseId: ID!, $userId: ID!) { assignUser(caseId: $caseId, userId: $userId) { id } }`;

/**
 * The bootstrap admin is asked to replace the configured password at first sign-in; tests that are not
 * about that replace it through the API and sign in with the new one (`admin.password` is updated).
 */
export async function replaceBootstrapPassword(baseUrl: string, admin: { email: string; password: string }): Promise<string> {
  const token = await login(baseUrl, admin.email, admin.password);
  const next = `${admin.password} renewed`;
  await gql(baseUrl, 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }', { c: admin.password, n: next }, token);
  admin.password = next;
  return token;
}

export async function seed(baseUrl: string, admin: { email: string; password: string }): Promise<Seed> {
  const adminToken = await replaceBootstrapPassword(baseUrl, admin);
  const call = <T>(query: string, variables: Record<string, unknown>) => gql<T>(baseUrl, query, variables, adminToken);

  async function user(email: string, displayName: string, role: string, court: string): Promise<SeededUser> {
    const { createUser } = await call<{ createUser: Omit<SeededUser, 'password'> }>(CREATE_USER, {
      input: { email, displayName, role, court, password: PASSWORD },
    });
    return { ...createUser, password: PASSWORD };
  }

  async function createCase(input: { docketNumber: string; title: string; court: string; caseType: string; filedDate: string; sealed?: boolean }): Promise<SeededCase> {
    const { createCase: created } = await call<{ createCase: SeededCase }>(CREATE_CASE, { input: { sealed: false, ...input } });
    return created;
  }

  const judgeA = await user('judge.a@court.example', 'Judge Amara Okafor', 'JUDGE', COURT_A);
  const clerkB = await user('clerk.b@court.example', 'Ben Clerk', 'CLERK', COURT_B);
  const lockoutUser = await user('locked.out@court.example', 'Lockout Tester', 'CLERK', COURT_B);

  const courtA: SeededCase[] = [];
  for (let i = 1; i <= 27; i++) {
    const n = String(i).padStart(4, '0');
    courtA.push(
      await createCase({
        docketNumber: `HC-2025-${n}`,
        title: `Rivera v Castle Insurance plc (no. ${i})`,
        court: COURT_A,
        caseType: 'civil',
        filedDate: `2025-${String(((i - 1) % 12) + 1).padStart(2, '0')}-${String(((i * 7) % 27) + 1).padStart(2, '0')}`,
      }),
    );
  }
  const withParty = await createCase({ docketNumber: 'HC-2024-0777', title: 'Okonkwo v Brightwater Utilities Ltd', court: COURT_A, caseType: 'civil', filedDate: '2024-06-03' });
  courtA.push(withParty);
  await call(ADD_PARTY, { input: { caseId: withParty.id, name: 'Brightwater Utilities Ltd', role: 'RESPONDENT', counsel: 'Harriet Vane KC' } });
  await call(ADD_PARTY, { input: { caseId: withParty.id, name: 'Chidi Okonkwo', role: 'APPELLANT' } });

  const sealed = await createCase({ docketNumber: 'HC-2025-S001', title: 'In re the Guardianship of a Minor', court: COURT_A, caseType: 'family', filedDate: '2025-12-19', sealed: true });
  courtA.push(sealed);
  await call(ASSIGN, { caseId: sealed.id, userId: judgeA.id });
  await call(ASSIGN, { caseId: withParty.id, userId: judgeA.id });

  const closedA = await createCase({ docketNumber: 'HC-2023-0042', title: 'Petrov v Meridian Shipping SA', court: COURT_A, caseType: 'commercial', filedDate: '2023-11-20' });
  const { closeCase } = await call<{ closeCase: { status: string } }>(CLOSE_CASE, { id: closedA.id });
  const closed = { ...closedA, status: closeCase.status };
  courtA.push(closed);

  const courtB: SeededCase[] = [];
  courtB.push(await createCase({ docketNumber: 'CB-2025-001', title: 'Hughes v Hughes', court: COURT_B, caseType: 'family', filedDate: '2025-03-01' }));
  courtB.push(await createCase({ docketNumber: 'CB-2025-002', title: 'Marsh v Pennant Motors Ltd', court: COURT_B, caseType: 'civil', filedDate: '2025-04-11' }));
  courtB.push(await createCase({ docketNumber: 'CB-2025-003', title: 'County Council v Reed', court: COURT_B, caseType: 'civil', filedDate: '2025-05-19' }));

  return { adminToken, judgeA, clerkB, lockoutUser, cases: [...courtA, ...courtB], sealed, closed, withParty, courtA, courtB };
}
