// End to end through GraphQL over HTTP with the real model, on SQLite with the embedded queue and on
// PostgreSQL with BullMQ on Redis: case → upload of a real UK judgment → extraction → summarizeCase → stored summary
// whose spans slice the document text → a draft from every template → edit → approval rules and the
// signing gate → DOCX and PDF export; and what an unassigned judge can see of a sealed case.
import { extractText, segment } from '@amicus/legal-nlp';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UserRole } from '../src/modules/users/user.entity.js';
import { docxText, judgmentsAvailable, loadJudgment, modelAvailable, TEST_MODEL_DIR } from './helpers/judgments.js';
import { createDraftAndWait, databaseAvailable, errorCode, ok, startTestApp, TestApp, testDatabase, TestUser } from './helpers/test-app.js';

/** A UK Supreme Court judgment of about 4,000 words. */
const JUDGMENT_ID = 'uksc-2013-0252';
const DISCLOSURE = 'Parts of this document were drafted by machine from the case file: {sections}.';

interface SentenceView {
  text: string;
  documentId: string;
  page: number;
  start: number;
  end: number;
  paragraphIndex: number;
  role: string | null;
  result: boolean;
}
interface SummaryView {
  id: string;
  version: number;
  length: string;
  words: number;
  documentId: string | null;
  sentences: SentenceView[];
  brief: { documentIds: string[]; authorities: Array<{ citations: string[] }> };
  sources: Array<{
    documentId: string;
    sha256: string;
    language: { code: string; supported: boolean } | null;
    warnings: string[];
    outcome: { label: string; basis: string; start: number; end: number } | null;
  }>;
  warnings: string[];
  model: { name: string; version: string; sha256: string };
  settings: { length: string; words: number | null; perDocument: Array<{ documentId: string; words: number | null; ratio: number | null; length: string | null }>; threads: number };
  jobId: string;
}
interface DraftView {
  id: string;
  status: string;
  currentVersion: number;
  templateId: string;
  templateVersion: string;
  summaryId: string | null;
  version: { version: number; text: string; content: string; origins: { record: number; machine: number; human: number } };
  approval: { version: number; approvedBy: string; identical: boolean; unifiedDiff: string; counts: { wordsInserted: number }; docxUrl: string; pdfUrl: string } | null;
}

const SUMMARY_FIELDS =
  'id version length words documentId warnings sentences { text documentId page start end paragraphIndex role result } brief { documentIds authorities { citations } } ' +
  'sources { documentId sha256 language { code supported } warnings outcome { label basis start end } } model { name version sha256 } ' +
  'settings { length words perDocument { documentId words ratio length } threads } jobId';
const DRAFT_FIELDS = 'id status currentVersion templateId templateVersion summaryId version { version text content origins { record machine human } } approval { version approvedBy identical unifiedDiff counts { wordsInserted } docxUrl pdfUrl }';

/** Values of the user slots each shipped template requires. */
const USER_VALUES: Record<string, Record<string, unknown>> = {
  'order-on-motion': { motionTitle: 'application for permission to amend', movingParty: 'the Appellant', outcome: 'denied', orderDate: '2026-02-05' },
  'notice-of-hearing': { hearingType: 'the hearing of the appeal', hearingDate: '2026-03-10', hearingTime: '10:30', venue: 'Court 1, Parliament Square, London', issueDate: '2026-02-05' },
  'adjournment-order': { hearingType: 'the hearing', listedDate: '2026-03-10', costs: 'reserved', reasons: 'Counsel for the Respondent is unwell.', orderDate: '2026-02-05' },
  'scheduling-order': { trialDate: '2026-06-01', orderDate: '2026-02-05' },
  judgment: { judgmentDate: '2026-02-05', disposal: 'appeal-dismissed', reasons: 'For the reasons given above the appeal fails.' },
};

describe.skipIf(!databaseAvailable() || !modelAvailable() || !judgmentsAvailable())('summaries and drafting end to end', () => {
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  let judge: TestUser;
  let outsider: TestUser;
  let caseId: string;
  let documentId: string;
  let documentText: string;
  let documentSha: string;
  let summary: SummaryView;
  const drafts = new Map<string, DraftView>();
  let manifestSha: string;

  const gqlOk = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => ok(await t.gql<T>(query, variables, token));

  async function waitForJob(id: string, token: string): Promise<{ state: string; result: string | null; errorCode: string | null; priority: number }> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { job } = await gqlOk<{ job: { state: string; result: string | null; errorCode: string | null; priority: number } }>(
        'query($id: ID!) { job(id: $id) { state result errorCode priority } }',
        { id },
        token,
      );
      if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(job.state)) return job;
      if (Date.now() > deadline) throw new Error(`job ${id} did not finish: ${JSON.stringify(job)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function draftOf(id: string, token = judge.token): Promise<DraftView> {
    return (await gqlOk<{ draft: DraftView }>(`query($id: ID!) { draft(id: $id) { ${DRAFT_FIELDS} } }`, { id }, token)).draft;
  }

  beforeAll(async () => {
    t = await startTestApp({
      AMICUS_MODEL_DIR: TEST_MODEL_DIR,
      AMICUS_INFERENCE_THREADS: '2',
      AMICUS_JOB_POLL_INTERVAL: '50ms',
      AMICUS_JOB_MAX_ATTEMPTS: '1',
      AMICUS_DISCLOSURE_TEXT: DISCLOSURE,
      ...(testDatabase() === 'postgres' ? { REDIS_URL: inject('redisUrl'), AMICUS_JOB_QUEUE: `amicus-e2e-${randomBytes(4).toString('hex')}` } : {}),
    });
    expect(t.config.jobs.backend).toBe(testDatabase() === 'postgres' ? 'bullmq' : 'database');
    admin = await t.admin();
    clerk = await t.createUser(UserRole.CLERK, 'UKSC');
    judge = await t.createUser(UserRole.JUDGE, 'UKSC');
    outsider = await t.createUser(UserRole.JUDGE, 'UKSC');
    const { createCase } = await gqlOk<{ createCase: { id: string } }>(
      'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
      {
        input: {
          docketNumber: 'UKSC 2013/0252',
          title: 'R (on the application of the Appellant) v Secretary of State',
          court: 'UKSC',
          caseType: 'appeal',
          filedDate: '2013-06-01',
          sealed: true,
          parties: [
            { name: 'The Appellant', role: 'APPELLANT' },
            { name: 'Secretary of State', role: 'RESPONDENT' },
          ],
        },
      },
      admin.token,
    );
    caseId = createCase.id;
    for (const u of [clerk, judge]) {
      await gqlOk('mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }', { c: caseId, u: u.user.id }, admin.token);
    }
    manifestSha = (await import('node:crypto')).createHash('sha256').update(await (await import('node:fs/promises')).readFile(`${TEST_MODEL_DIR}/manifest.json`)).digest('hex');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('has no schema drift between the summary and draft entities and their migrations', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query).filter((q) => /summar|draft/.test(q))).toEqual([]);
  });

  it('uploads a real judgment, summarizes the case with the model and stores spans that slice the document text exactly', async () => {
    const text = await loadJudgment(JUDGMENT_ID);
    const form = new FormData();
    form.append('title', 'Judgment');
    form.append('kind', 'judgment');
    form.append('file', new Blob([Buffer.from(text, 'utf8')]), 'judgment.txt');
    const up = await fetch(`${t.url}/api/cases/${caseId}/documents`, { method: 'POST', headers: { authorization: `Bearer ${clerk.token}` }, body: form });
    expect(up.status).toBe(201);
    documentId = ((await up.json()) as { document: { id: string; sha256: string } }).document.id;

    const deadline = Date.now() + 60_000;
    for (;;) {
      const { document } = await gqlOk<{ document: { extractionStatus: string; text: string | null; sha256: string } }>(
        'query($id: ID!) { document(id: $id) { extractionStatus text sha256 } }',
        { id: documentId },
        clerk.token,
      );
      if (document.extractionStatus === 'DONE') {
        documentText = document.text!;
        documentSha = document.sha256;
        break;
      }
      expect(document.extractionStatus).not.toBe('FAILED');
      if (Date.now() > deadline) throw new Error('extraction did not finish');
      await new Promise((r) => setTimeout(r, 100));
    }

    // the model is loaded on first use; /readyz reports its state
    expect(await (await fetch(`${t.url}/readyz`)).json()).toMatchObject({ status: 'ready', model: 'not_loaded' });
    const { summarizeCase } = await gqlOk<{ summarizeCase: { id: string; type: string; priority: number; state: string } }>(
      'mutation($c: ID!) { summarizeCase(caseId: $c, length: STANDARD) { id type priority state } }',
      { c: caseId },
      judge.token,
    );
    expect(summarizeCase.type).toBe('summarize');
    // a judge's request goes before clerks' and service accounts' requests
    expect(summarizeCase.priority).toBe(1);
    const job = await waitForJob(summarizeCase.id, judge.token);
    expect(job).toMatchObject({ state: 'SUCCEEDED', errorCode: null });
    expect(await (await fetch(`${t.url}/readyz`)).json()).toMatchObject({ status: 'ready', model: 'ready' });

    const { summaries } = await gqlOk<{ summaries: SummaryView[] }>(`query($c: ID!) { summaries(caseId: $c) { ${SUMMARY_FIELDS} } }`, { c: caseId }, judge.token);
    expect(summaries).toHaveLength(1);
    summary = summaries[0];
    expect(summary).toMatchObject({ version: 1, length: 'standard', documentId: null, jobId: summarizeCase.id });
    expect(summary.model.sha256).toBe(manifestSha);
    expect(summary.sources).toMatchObject([{ documentId, sha256: documentSha, language: { code: 'en', supported: true }, warnings: [] }]);
    expect(summary.warnings).toEqual([]);
    // This judgment refers questions to the Court of Justice and disposes of nothing: no result is claimed.
    expect(summary.sources[0].outcome).toBeNull();
    expect(summary.sentences.filter((s) => s.result)).toEqual([]);
    expect(summary.sentences.length).toBeGreaterThan(3);
    // standard is about a tenth of the document
    const docWords = documentText.split(/\s+/).filter(Boolean).length;
    expect(summary.words).toBeGreaterThan(docWords * 0.05);
    expect(summary.words).toBeLessThanOrEqual(Math.ceil(docWords * 0.1) + 1);
    let previous = -1;
    // Offsets slice the document's sentences exactly; the text is each sentence's display text.
    const source = new Map(segment(documentText).sentences.map((x) => [x.start, x]));
    for (const s of summary.sentences) {
      expect(s.documentId).toBe(documentId);
      expect(source.get(s.start)?.end).toBe(s.end);
      expect(source.get(s.start)?.text).toBe(s.text);
      expect(s.page).toBe(1);
      expect(['header', 'heading', 'furniture', 'citation_only']).not.toContain(s.role);
      // Document order, except that the result may close the summary after a dissent.
      if (!s.result) {
        expect(s.start).toBeGreaterThan(previous);
        previous = s.start;
      }
    }
    expect(summary.brief.documentIds).toEqual([documentId]);

    const ledger: Array<{ input_hashes: string; output_hash: string; model_sha256: string; details: string }> = await t.dataSource.query(
      t.dataSource.options.type === 'postgres' ? 'SELECT * FROM audit_log WHERE action = $1 AND case_id = $2' : 'SELECT * FROM audit_log WHERE action = ? AND case_id = ?',
      ['generation', caseId],
    );
    expect(ledger).toHaveLength(1);
    expect(JSON.parse(ledger[0].input_hashes)).toEqual([documentSha]);
    expect(ledger[0].model_sha256).toBe(manifestSha);
    expect(ledger[0].output_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps old versions: a short summary of the case and a summary of the document are new versions', async () => {
    const short = await gqlOk<{ summarizeCase: { id: string } }>('mutation($c: ID!) { summarizeCase(caseId: $c, length: SHORT) { id } }', { c: caseId }, clerk.token);
    const doc = await gqlOk<{ summarizeDocument: { id: string; priority: number } }>(
      'mutation($d: ID!) { summarizeDocument(documentId: $d, words: 80) { id priority } }',
      { d: documentId },
      clerk.token,
    );
    expect(doc.summarizeDocument.priority).toBe(5);
    expect((await waitForJob(short.summarizeCase.id, clerk.token)).state).toBe('SUCCEEDED');
    expect((await waitForJob(doc.summarizeDocument.id, clerk.token)).state).toBe('SUCCEEDED');
    const { summaries } = await gqlOk<{ summaries: SummaryView[] }>(`query($c: ID!) { summaries(caseId: $c) { ${SUMMARY_FIELDS} } }`, { c: caseId }, clerk.token);
    expect(summaries.map((s) => [s.documentId, s.version, s.length]).sort()).toEqual(
      [
        [null, 1, 'standard'],
        [null, 2, 'short'],
        [documentId, 1, 'words:80'],
      ].sort(),
    );
    const shortSummary = summaries.find((s) => s.length === 'short')!;
    expect(shortSummary.words).toBeLessThanOrEqual(150);
    const docSummary = summaries.find((s) => s.documentId === documentId)!;
    expect(docSummary.words).toBeLessThanOrEqual(80);
    // the settings come back as typed fields: the preset asked for, and the budget each document got
    expect(shortSummary.settings).toMatchObject({ length: 'SHORT', words: null, perDocument: [{ words: null, ratio: null, length: 'SHORT' }] });
    expect(summaries.find((s) => s.length === 'standard')!.settings.perDocument).toEqual([{ documentId, words: null, ratio: null, length: 'STANDARD' }]);
    expect(docSummary.settings).toMatchObject({ words: 80, perDocument: [{ documentId, words: 80 }] });
    expect(shortSummary.settings.threads).toBeGreaterThanOrEqual(1);
    const { case: c } = await gqlOk<{ case: { summaries: Array<{ id: string }> } }>('query($c: ID!) { case(id: $c) { summaries { id } } }', { c: caseId }, clerk.token);
    expect(c.summaries).toHaveLength(3);
    const one = await gqlOk<{ summary: SummaryView }>(`query($id: ID!) { summary(id: $id) { ${SUMMARY_FIELDS} } }`, { id: summary.id }, clerk.token);
    expect(one.summary.sentences).toEqual(summary.sentences);
  });

  it('drafts from every template, filled from the case record, the summary and the brief', async () => {
    const { templates } = await gqlOk<{ templates: Array<{ id: string; version: string; slots: Array<{ name: string; source: string; required: boolean }> }> }>(
      '{ templates { id version title slots { name type source required } } }',
      {},
      clerk.token,
    );
    expect(templates.map((x) => x.id).sort()).toEqual(Object.keys(USER_VALUES).sort());
    for (const template of templates) {
      const createDraft = await createDraftAndWait<DraftView>(
        t,
        { caseId, templateId: template.id, summaryId: summary.id, values: JSON.stringify(USER_VALUES[template.id]) },
        DRAFT_FIELDS,
        clerk.token,
      );
      expect(createDraft).toMatchObject({ status: 'DRAFT', currentVersion: 1, templateId: template.id, templateVersion: template.version, summaryId: summary.id });
      expect(createDraft.version.text).toContain('UKSC 2013/0252');
      drafts.set(template.id, createDraft);
    }
    // each draft is a generation in the ledger: template id@version, the summary's model, its documents
    const generations: Array<{ template: string; model_sha256: string; input_hashes: string; output_hash: string }> = await t.dataSource.query(
      t.dataSource.options.type === 'postgres'
        ? 'SELECT template, model_sha256, input_hashes, output_hash FROM audit_log WHERE action = $1 AND case_id = $2 AND template IS NOT NULL'
        : 'SELECT template, model_sha256, input_hashes, output_hash FROM audit_log WHERE action = ? AND case_id = ? AND template IS NOT NULL',
      ['generation', caseId],
    );
    expect(generations.map((g) => g.template).sort()).toEqual(templates.map((x) => `${x.id}@${x.version}`).sort());
    for (const g of generations) {
      expect(g.model_sha256).toBe(manifestSha);
      expect(JSON.parse(g.input_hashes)).toEqual([documentSha]);
    }

    // the judgment's background is the summary, sentence for sentence, each still anchored to its source
    const judgment = drafts.get('judgment')!;
    expect(judgment.version.origins.machine).toBeGreaterThanOrEqual(summary.sentences.length);
    const content = JSON.parse(judgment.version.content) as { sections: Array<{ id: string; paragraphs: Array<{ sentences: Array<{ text: string; origin: string; anchors?: Array<{ documentId: string; start: number; end: number }> }> }> }> };
    const background = content.sections.find((s) => s.id === 'background')!;
    const machine = background.paragraphs.flatMap((p) => p.sentences).filter((s) => s.origin === 'machine');
    expect(machine.map((s) => s.text)).toEqual(summary.sentences.map((s) => s.text));
    const source = new Map(segment(documentText).sentences.map((x) => [x.start, x]));
    for (const s of machine) expect(source.get(s.anchors![0].start)?.end).toBe(s.anchors![0].end);

    const missing = await t.gql(`mutation($input: CreateDraftInput!) { createDraft(input: $input) { id } }`, { input: { caseId, templateId: 'order-on-motion', values: '{}' } }, clerk.token);
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0].extensions!.missing).toEqual(expect.arrayContaining(['motionTitle', 'orderDate']));
    const unknown = await t.gql(`mutation($input: CreateDraftInput!) { createDraft(input: $input) { id } }`, { input: { caseId, templateId: 'no-such-template' } }, clerk.token);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it('edits make new versions with optimistic concurrency; a clerk cannot approve', async () => {
    const judgment = drafts.get('judgment')!;
    const edited = `${judgment.version.text}\n\nThe Court is grateful to counsel for their submissions.`;
    const { updateDraft } = await gqlOk<{ updateDraft: DraftView }>(
      `mutation($input: UpdateDraftInput!) { updateDraft(input: $input) { ${DRAFT_FIELDS} } }`,
      { input: { draftId: judgment.id, baseVersion: 1, text: edited } },
      clerk.token,
    );
    expect(updateDraft.currentVersion).toBe(2);
    expect(updateDraft.version.origins.human).toBe(judgment.version.origins.human + 1);
    expect(updateDraft.version.origins.machine).toBe(judgment.version.origins.machine);

    const stale = await t.gql(`mutation($input: UpdateDraftInput!) { updateDraft(input: $input) { id } }`, { input: { draftId: judgment.id, baseVersion: 1, text: edited } }, judge.token);
    expect(errorCode(stale)).toBe('CONFLICT');

    const byClerk = await t.gql('mutation($d: ID!) { approveDraft(draftId: $d, version: 2) { id } }', { d: judgment.id }, clerk.token);
    expect(errorCode(byClerk)).toBe('FORBIDDEN');
    const notYet = await fetch(`${t.url}/api/drafts/${judgment.id}/export.docx`, { headers: { authorization: `Bearer ${judge.token}` } });
    expect(notYet.status).toBe(409);
    drafts.set('judgment', updateDraft);
  });

  it('shows an unassigned judge nothing of the sealed case: summaries, drafts, jobs, exports', async () => {
    const judgment = drafts.get('judgment')!;
    const seen = await gqlOk<Record<string, unknown>>(
      `query($c: ID!, $s: ID!, $d: ID!, $j: ID!) {
        case(id: $c) { id } summaries(caseId: $c) { id } summary(id: $s) { id } drafts(caseId: $c) { id } draft(id: $d) { id }
        job(id: $j) { id } jobs(caseId: $c) { totalCount }
      }`,
      { c: caseId, s: summary.id, d: judgment.id, j: summary.jobId },
      outsider.token,
    );
    expect(seen).toEqual({ case: null, summaries: [], summary: null, drafts: [], draft: null, job: null, jobs: { totalCount: 0 } });
    expect(errorCode(await t.gql('mutation($c: ID!) { summarizeCase(caseId: $c) { id } }', { c: caseId }, outsider.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql('mutation($d: ID!) { approveDraft(draftId: $d, version: 2) { id } }', { d: judgment.id }, outsider.token))).toBe('NOT_FOUND');
    expect(
      errorCode(await t.gql(`mutation($input: UpdateDraftInput!) { updateDraft(input: $input) { id } }`, { input: { draftId: judgment.id, baseVersion: 2, text: 'x' } }, outsider.token)),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(await t.gql(`mutation($input: CreateDraftInput!) { createDraft(input: $input) { id } }`, { input: { caseId, templateId: 'judgment' } }, outsider.token)),
    ).toBe('NOT_FOUND');
  });

  it('the assigned judge approves: the diff from the machine text is stored and the draft is frozen', async () => {
    const judgment = drafts.get('judgment')!;
    // Before approving, the judge reviews the version against the machine text and the signing gate.
    type Review = { draft: { review: { version: number; identical: boolean; counts: { wordsInserted: number }; changes: Array<{ type: string; text: string }>; gateOk: boolean; offending: unknown[] } } };
    const { draft: reviewed } = await gqlOk<Review>(
      `query($d: ID!) { draft(id: $d) { review { version identical counts { wordsInserted } changes { type text } gateOk offending { text } } } }`,
      { d: judgment.id },
      judge.token,
    );
    expect(reviewed.review).toMatchObject({ version: 2, identical: false, gateOk: true, offending: [] });
    expect(reviewed.review.counts.wordsInserted).toBe(9);
    expect(reviewed.review.changes.filter((c) => c.type === 'insert').map((c) => c.text).join('')).toContain('The Court is grateful to counsel for their submissions.');
    const { approveDraft } = await gqlOk<{ approveDraft: DraftView }>(`mutation($d: ID!) { approveDraft(draftId: $d, version: 2) { ${DRAFT_FIELDS} } }`, { d: judgment.id }, judge.token);
    expect(approveDraft.status).toBe('APPROVED');
    expect(approveDraft.approval).toMatchObject({ version: 2, approvedBy: judge.user.id, identical: false, docxUrl: `/api/drafts/${judgment.id}/export.docx` });
    expect(approveDraft.approval!.counts.wordsInserted).toBe(9);
    expect(approveDraft.approval!.unifiedDiff).toContain('+The Court is grateful to counsel for their submissions.');
    const frozen = await t.gql(`mutation($input: UpdateDraftInput!) { updateDraft(input: $input) { id } }`, { input: { draftId: judgment.id, baseVersion: 2, text: 'x' } }, judge.token);
    expect(errorCode(frozen)).toBe('CONFLICT');
    expect(errorCode(await t.gql('mutation($d: ID!) { approveDraft(draftId: $d, version: 2) { id } }', { d: judgment.id }, judge.token))).toBe('CONFLICT');
    drafts.set('judgment', approveDraft);
  });

  it('exports the approved draft as DOCX and PDF with the approved text and the disclosure line', async () => {
    const judgment = drafts.get('judgment')!;
    const content = JSON.parse(judgment.version.content) as { sections: Array<{ paragraphs: Array<{ sentences: Array<{ text: string }> }> }> };
    const sentences = content.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)));
    const squash = (s: string) => s.replace(/\s+/g, ' ');

    const docx = await fetch(`${t.url}${judgment.approval!.docxUrl}`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const text = squash(docxText(Buffer.from(await docx.arrayBuffer())));
    for (const s of sentences) expect(text).toContain(squash(s));
    expect(text).toContain('The Court is grateful to counsel for their submissions.');
    expect(text).toMatch(/Parts of this document were drafted by machine from the case file: the sections? "/);

    const pdf = await fetch(`${t.url}${judgment.approval!.pdfUrl}`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect(pdf.status).toBe(200);
    const pdfBytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(pdfBytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pdfText = squash((await extractText(pdfBytes)).text);
    expect(pdfText).toContain('The Court is grateful to counsel for their submissions.');
    expect(pdfText).toContain('Parts of this document were drafted by machine');

    const hidden = await fetch(`${t.url}${judgment.approval!.docxUrl}`, { headers: { authorization: `Bearer ${outsider.token}` } });
    expect(hidden.status).toBe(404);
    const exports: unknown[] = await t.dataSource.query(
      t.dataSource.options.type === 'postgres' ? 'SELECT * FROM audit_log WHERE action = $1 AND case_id = $2' : 'SELECT * FROM audit_log WHERE action = ? AND case_id = ?',
      ['export', caseId],
    );
    expect(exports).toHaveLength(2);
  });

  it('the signing gate refuses a made-up citation and a machine sentence whose anchor was removed', async () => {
    const order = drafts.get('order-on-motion')!;
    const invented = 'The Appellant relies on Smith v Jones [2099] UKSC 999.';
    const { updateDraft } = await gqlOk<{ updateDraft: DraftView }>(
      `mutation($input: UpdateDraftInput!) { updateDraft(input: $input) { ${DRAFT_FIELDS} } }`,
      { input: { draftId: order.id, baseVersion: 1, text: `${order.version.text}\n\n${invented}` } },
      clerk.token,
    );
    const { draft: preview } = await gqlOk<{ draft: { review: { gateOk: boolean; offending: Array<{ text: string; problems: Array<{ code: string }> }> } } }>(
      `query($d: ID!) { draft(id: $d) { review(version: 2) { gateOk offending { text problems { code message } } } } }`,
      { d: order.id },
      judge.token,
    );
    expect(preview.review.gateOk).toBe(false);
    expect(preview.review.offending).toEqual([{ text: invented, problems: [expect.objectContaining({ code: 'CITATION_NOT_IN_RECORD' })] }]);
    const refused = await t.gql('mutation($d: ID!) { approveDraft(draftId: $d, version: 2) { id } }', { d: order.id }, judge.token);
    expect(errorCode(refused)).toBe('UNANCHORED_CONTENT');
    const offending = refused.errors![0].extensions!.offending as Array<{ text: string; problems: Array<{ code: string }> }>;
    expect(offending).toEqual([expect.objectContaining({ text: invented, problems: [expect.objectContaining({ code: 'CITATION_NOT_IN_RECORD' })] })]);
    expect((await draftOf(updateDraft.id)).status).toBe('DRAFT');

    // a machine-made sentence stripped of its anchor (changed in the database, as a tampered row would be)
    const createDraft = await createDraftAndWait<DraftView>(t, { caseId, templateId: 'judgment', values: JSON.stringify(USER_VALUES.judgment) }, DRAFT_FIELDS, clerk.token);
    const content = JSON.parse(createDraft.version.content) as { sections: Array<{ paragraphs: Array<{ sentences: Array<{ text: string; origin: string; anchors?: unknown }> }> }> };
    const target = content.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences)).find((s) => s.origin === 'machine')!;
    delete target.anchors;
    await t.dataSource.query(
      t.dataSource.options.type === 'postgres' ? 'UPDATE draft_versions SET content = $1 WHERE draft_id = $2' : 'UPDATE draft_versions SET content = ? WHERE draft_id = ?',
      [JSON.stringify(content), createDraft.id],
    );
    const unanchored = await t.gql('mutation($d: ID!) { approveDraft(draftId: $d, version: 1) { id } }', { d: createDraft.id }, judge.token);
    expect(errorCode(unanchored)).toBe('UNANCHORED_CONTENT');
    expect(unanchored.errors![0].extensions!.offending).toEqual([
      expect.objectContaining({ text: target.text, origin: 'machine', problems: [expect.objectContaining({ code: 'ANCHOR_MISSING' })] }),
    ]);
  });
});
