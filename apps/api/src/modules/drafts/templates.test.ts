// Templates an admin adds without code changes (AMICUS_TEMPLATES_DIR): loaded beside the shipped
// ones and used by createDraft; an invalid file stops the start-up naming the file and the problem.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinTemplatesDir } from '@amicus/prompts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, createDraftAndWait, databaseAvailable, errorCode, ok, waitForJob, startTestApp, TestApp, testConfig, testDatabase, TestUser } from '../../../test/helpers/test-app.js';
import { loadConfig } from '../../config/config.loader.js';
import { ApiKeyAccess } from '../auth/api-key.entity.js';
import { DRAFT_JOB, DraftJobPayload, DraftProcessor } from './draft.processor.js';
import { documentBudgets } from '../summaries/summarize.processor.js';
import { UserRole } from '../users/user.entity.js';

const NOTICE_VALUES = { hearingType: 'the trial', hearingDate: '2026-03-10', hearingTime: '10:30', venue: 'Court 4', issueDate: '2026-02-05' };

describe.skipIf(!databaseAvailable())('templates from AMICUS_TEMPLATES_DIR', () => {
  let t: TestApp;
  let clerk: TestUser;
  let caseId: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'amicus-templates-'));
    const notice = JSON.parse(readFileSync(join(builtinTemplatesDir, 'notice-of-hearing@1.0.0.json'), 'utf8')) as { version: string; title: string };
    writeFileSync(join(dir, 'notice-of-hearing@1.1.0.json'), JSON.stringify({ ...notice, version: '1.1.0', title: 'Notice of hearing (court form 7)' }));
    t = await startTestApp({ AMICUS_TEMPLATES_DIR: dir });
    clerk = await t.createUser(UserRole.CLERK, 'HC');
    const data = ok(
      await t.gql<{ createCase: { id: string } }>(
        'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
        { input: { docketNumber: 'HC-T-1', title: 'Smith v Jones', court: 'HC', caseType: 'civil', filedDate: '2020-03-12', parties: [{ name: 'Smith', role: 'PLAINTIFF' }, { name: 'Jones', role: 'DEFENDANT' }] } },
        clerk.token,
      ),
    );
    caseId = data.createCase.id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the court’s template version beside the shipped ones and drafts from the latest by default', async () => {
    const { templates } = ok(await t.gql<{ templates: Array<{ id: string; version: string; title: string }> }>('{ templates(id: "notice-of-hearing") { id version title } }', {}, clerk.token));
    expect(templates.map((x) => x.version)).toEqual(['1.0.0', '1.1.0']);
    const latest = await createDraftAndWait<{ templateVersion: string; summaryId: string | null; version: { text: string; origins: { machine: number } } }>(
      t,
      { caseId, templateId: 'notice-of-hearing', values: JSON.stringify(NOTICE_VALUES) },
      'templateVersion summaryId version { text origins { machine } }',
      clerk.token,
    );
    expect(latest).toMatchObject({ templateVersion: '1.1.0', summaryId: null });
    expect(latest.version.text).toContain('Smith');
    expect(latest.version.text).toContain('HC-T-1');
    const pinned = await createDraftAndWait<{ templateVersion: string }>(
      t,
      { caseId, templateId: 'notice-of-hearing', templateVersion: '1.0.0', values: JSON.stringify(NOTICE_VALUES) },
      'templateVersion',
      clerk.token,
    );
    expect(pinned.templateVersion).toBe('1.0.0');
    const bad = await t.gql('mutation($input: CreateDraftInput!) { createDraft(input: $input) { id } }', { input: { caseId, templateId: 'notice-of-hearing', values: '[1]' } }, clerk.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });

  it('a draft job stores its draft and ledger entry once: run again with the same job id, it finds the draft and adds nothing', async () => {
    const { createDraft } = ok(
      await t.gql<{ createDraft: { id: string; type: string; caseId: string } }>(
        'mutation($input: CreateDraftInput!) { createDraft(input: $input) { id type caseId } }',
        { input: { caseId, templateId: 'notice-of-hearing', templateVersion: '1.0.0', values: JSON.stringify(NOTICE_VALUES) } },
        clerk.token,
      ),
    );
    expect(createDraft).toMatchObject({ type: 'draft', caseId });
    const job = await waitForJob(t, createDraft.id, clerk.token);
    expect(job.state).toBe('SUCCEEDED');
    const { draftId } = JSON.parse(job.result!) as { draftId: string };
    const q = (sql: string) => (t.dataSource.options.type === 'postgres' ? sql.replace(/\?/g, () => '$1') : sql);
    const [row] = (await t.dataSource.query(q('SELECT payload, created_by FROM jobs WHERE id = ?'), [createDraft.id])) as Array<{ payload: string; created_by: string }>;
    const rerun = await t.app.get(DraftProcessor).generate({
      id: createDraft.id,
      type: DRAFT_JOB,
      payload: JSON.parse(row.payload) as DraftJobPayload,
      caseId,
      attempt: 2,
      createdBy: row.created_by,
      signal: new AbortController().signal,
      progress: async () => {},
      throwIfCancelled: () => {},
    });
    expect(rerun).toEqual({ draftId });
    const drafts = (await t.dataSource.query(q('SELECT id FROM drafts WHERE job_id = ?'), [createDraft.id])) as Array<{ id: string }>;
    expect(drafts.map((d) => d.id)).toEqual([draftId]);
    const ledger = (await t.dataSource.query(q('SELECT details FROM audit_log WHERE action = ?'), ['generation'])) as Array<{ details: string }>;
    expect(ledger.filter((e) => (JSON.parse(e.details) as { draftId?: string }).draftId === draftId)).toHaveLength(1);
  });

  // database-independent: the sqlite project only
  it.skipIf(testDatabase() !== 'sqlite')('an invalid template file stops the start-up, naming the file and the problem', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'amicus-templates-bad-'));
    writeFileSync(join(broken, 'bad-order@1.0.0.json'), JSON.stringify({ id: 'bad-order', version: '1.0.0', title: 'Bad', heading: 'ORDER', slots: [], sections: [], colour: 'red' }));
    const { config, cleanup } = await testConfig({ AMICUS_TEMPLATES_DIR: broken });
    try {
      await expect(bootTestApp(config)).rejects.toThrow(/bad-order@1\.0\.0\.json/);
    } finally {
      await cleanup();
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('a templates directory that does not exist is a configuration problem', () => {
    expect(() => loadConfig({ AMICUS_TEMPLATES_DIR: '/nonexistent/amicus-templates' })).toThrow(/AMICUS_TEMPLATES_DIR must be an existing directory/);
  });
});

describe('word budgets of a case summary', () => {
  it('shares a word budget between documents by their length; ratio presets apply to each document', () => {
    expect(documentBudgets('standard', null, [1000, 3000])).toEqual([{ length: 'standard' }, { length: 'standard' }]);
    expect(documentBudgets('short', null, [1000, 3000])).toEqual([{ words: 38 }, { words: 113 }]);
    expect(documentBudgets('short', null, [100, 9900])).toEqual([{ words: 30 }, { words: 149 }]);
    expect(documentBudgets('detailed', 400, [5000])).toEqual([{ words: 400 }]);
    expect(documentBudgets('short', null, [5000])).toEqual([{ length: 'short' }]);
  });
});

describe.skipIf(!databaseAvailable())('who may summarize and draft', () => {
  let t: TestApp;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const clerk = await t.createUser(UserRole.CLERK, 'HC');
    caseId = ok(
      await t.gql<{ createCase: { id: string } }>(
        'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
        { input: { docketNumber: 'HC-S-1', title: 'Smith v Jones', court: 'HC', caseType: 'civil', filedDate: '2020-03-12' } },
        clerk.token,
      ),
    ).createCase.id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('a read-only API key may not start a summary nor draft; a case without extracted text has nothing to summarize', async () => {
    const reader = await t.serviceAccount(['HC'], ApiKeyAccess.READ);
    const writer = await t.serviceAccount(['HC'], ApiKeyAccess.READ_WRITE);
    const summarize = 'mutation($c: ID!) { summarizeCase(caseId: $c) { id } }';
    expect(errorCode(await t.gql(summarize, { c: caseId }, reader.token))).toBe('FORBIDDEN');
    const empty = await t.gql(summarize, { c: caseId }, writer.token);
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors![0].extensions!.reason).toBe('NOTHING_TO_SUMMARIZE');
    const draft = await t.gql('mutation($input: CreateDraftInput!) { createDraft(input: $input) { id } }', { input: { caseId, templateId: 'notice-of-hearing' } }, writer.token);
    expect(errorCode(draft)).toBe('FORBIDDEN');
    const { summaries } = ok(await t.gql<{ summaries: unknown[] }>('query($c: ID!) { summaries(caseId: $c) { id } }', { c: caseId }, reader.token));
    expect(summaries).toEqual([]);
  });
});
