// Steps of the clerk's workflow shared by the operations tests: a case with assigned users, an
// uploaded document whose extraction is awaited, a case summary by the model.
import { ok, TestApp, TestUser, waitForJob } from './test-app.js';

/** A short judgment with sentences that occur nowhere else (for tests that search logs or copies). */
export const TENANCY_SENTENCES = [
  'The appellant Marguerite Okonkwo-Lindqvist appeals against the order of the Circuit Court dated 3 March 2021.',
  'The tenancy agreement for the premises at 14 Larkspur Terrace was signed on 2 February 2019 for a term of five years.',
  'The respondent landlord served a notice to quit on 9 September 2020, relying on arrears of rent of 4,315 pounds.',
  'The trial judge found that the notice was defective because it gave fewer than twenty-eight days.',
  'Counsel for the respondent submitted that the defect was cured by the later letter of 1 October 2020.',
  'We are unable to accept that submission, since the letter did not purport to be a notice at all.',
  'The statutory scheme requires strict compliance with the period of notice before possession may be sought.',
  'For these reasons the appeal is allowed and the order for possession of 14 Larkspur Terrace is set aside.',
  'The respondent shall pay the costs of the appeal, to be assessed if not agreed.',
];

export const TENANCY_JUDGMENT = `IN THE COURT OF APPEAL\n\n${TENANCY_SENTENCES.slice(0, 3).join(' ')}\n\n${TENANCY_SENTENCES.slice(3, 6).join(' ')}\n\n${TENANCY_SENTENCES.slice(6).join(' ')}\n`;

/** Creates a case in court CA (by the admin) and assigns the users to it; returns its id. */
export async function createAssignedCase(t: TestApp, users: TestUser[], docketNumber = 'CA 2021/77'): Promise<string> {
  const admin = await t.admin();
  const { createCase } = ok(
    await t.gql<{ createCase: { id: string } }>(
      'mutation CreateCase($input: CreateCaseInput!) { createCase(input: $input) { id } }',
      { input: { docketNumber, title: 'Okonkwo-Lindqvist v Larkspur Estates', court: 'CA', caseType: 'appeal', filedDate: '2021-04-01' } },
      admin.token,
    ),
  );
  for (const u of users) {
    ok(await t.gql('mutation Assign($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }', { c: createCase.id, u: u.user.id }, admin.token));
  }
  return createCase.id;
}

/** Uploads `bytes` as a judgment and waits for its extraction; returns the document id. */
export async function uploadAndExtract(t: TestApp, caseId: string, bytes: Buffer, token: string, name = 'judgment.txt'): Promise<string> {
  const form = new FormData();
  form.append('title', 'Judgment');
  form.append('kind', 'judgment');
  form.append('file', new Blob([bytes]), name);
  const up = await fetch(`${t.url}/api/cases/${caseId}/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (up.status !== 201) throw new Error(`upload answered ${up.status}: ${await up.text()}`);
  const { document: uploaded } = (await up.json()) as { document: { id: string } };
  for (const deadline = Date.now() + 60_000; ; ) {
    const { document } = ok(
      await t.gql<{ document: { extractionStatus: string; extractionError: string | null } }>('query Doc($id: ID!) { document(id: $id) { extractionStatus extractionError } }', { id: uploaded.id }, token),
    );
    if (document.extractionStatus === 'DONE') return uploaded.id;
    if (document.extractionStatus === 'FAILED') throw new Error(`extraction of ${uploaded.id} failed: ${document.extractionError}`);
    if (Date.now() > deadline) throw new Error(`extraction of ${uploaded.id} did not finish`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs summarizeCase and waits for the job; returns the job id. `headers` go with the mutation. */
export async function summarizeCase(t: TestApp, caseId: string, token: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query: 'mutation SummarizeCase($c: ID!) { summarizeCase(caseId: $c, length: SHORT) { id } }', variables: { c: caseId } }),
  });
  const id = ok((await res.json()) as { data: { summarizeCase: { id: string } } } & { status: number }).summarizeCase.id;
  const job = await waitForJob(t, id, token);
  if (job.state !== 'SUCCEEDED') throw new Error(`summarize job ${id} ended ${job.state}: ${job.errorCode} ${job.errorMessage}`);
  return id;
}
