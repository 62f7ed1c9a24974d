// The case list and the case page cost a fixed number of SQL statements per request, whatever the
// page size: relations are batched per request (DataLoader) and totalCount is one statement under
// the visibility rule. Counts every statement the database driver runs for one request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../src/modules/users/user.entity.js';
import { databaseAvailable, ok, startTestApp, TestApp } from './helpers/test-app.js';

const LIST = `query($first: Int) { cases(first: $first) { totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id docketNumber title status filedDate parties { name role } assignees { id displayName }
    documents(first: 5) { totalCount edges { node { id title extractionStatus job { id state progress } } } }
    summaries { id version words } drafts { id status } } } } }`;

describe.skipIf(!databaseAvailable())('SQL statements per case-list request', () => {
  let t: TestApp;
  let clerkToken: string;
  const statements: string[] = [];

  beforeAll(async () => {
    // the nested list below is deliberately heavy: every relation a connection resolves
    // no job worker in this process, so every statement counted belongs to the request
    t = await startTestApp({ AMICUS_GRAPHQL_MAX_COMPLEXITY: '20000' }, (c) => ({ ...c, jobs: { ...c.jobs, runWorker: false } }));
    const admin = await t.admin();
    const clerk = await t.createUser(UserRole.CLERK, 'STMT');
    clerkToken = clerk.token;
    for (let i = 0; i < 24; i++) {
      const { createCase } = ok(
        await t.gql<{ createCase: { id: string } }>(
          'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
          {
            input: {
              docketNumber: `STMT-${i}`,
              title: `Case ${i}`,
              court: i % 4 === 3 ? 'ELSEWHERE' : 'STMT',
              caseType: 'civil',
              filedDate: `2021-01-${String((i % 28) + 1).padStart(2, '0')}`,
              sealed: i % 6 === 5,
              parties: [
                { name: `Claimant ${i}`, role: 'CLAIMANT' },
                { name: `Defendant ${i}`, role: 'DEFENDANT' },
              ],
            },
          },
          admin.token,
        ),
      );
      if (i % 3 === 0) ok(await t.gql('mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }', { c: createCase.id, u: clerk.user.id }, admin.token));
      if (i % 2 === 0) {
        const form = new FormData();
        form.append('title', `Order ${i}`);
        form.append('kind', 'order');
        form.append('file', new Blob([Buffer.from(`ORDER ${i}\n\nThe application is dismissed with costs.`, 'utf8')]), `order-${i}.txt`);
        const res = await fetch(`${t.url}/api/cases/${createCase.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
        expect(res.status).toBe(201);
      }
    }
    const logger = t.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      statements.push(query);
      return logQuery(query, parameters, runner);
    };
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  async function statementsFor(first: number): Promise<{ count: number; edges: number; totalCount: number }> {
    statements.length = 0;
    const data = ok(await t.gql<{ cases: { totalCount: number; edges: unknown[] } }>(LIST, { first }, clerkToken));
    return { count: statements.length, edges: data.cases.edges.length, totalCount: data.cases.totalCount };
  }

  it('runs the same number of statements for a page of 2 and a page of 20', async () => {
    const small = await statementsFor(2);
    const large = await statementsFor(20);
    expect(small.edges).toBe(2);
    expect(large.edges).toBeGreaterThan(10);
    expect(large.totalCount).toBe(small.totalCount);
    expect(large.count).toBe(small.count);
    // totalCount: one statement, counting under the visibility rule
    const counts = statements.filter((q) => /COUNT\(/i.test(q) && /FROM ("[^"]+"\.)?"cases"/.test(q));
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatch(/case_assignments/);
  });
});
