// The case workspace in Chromium against the real built API and the shipped model: a clerk uploads a
// real UK judgment (and is told plainly when a file cannot be read), waits for extraction, summarizes,
// follows a summary sentence to its highlighted source passage, creates a draft from a template and
// edits it; the assigned judge approves it and downloads the Word export.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api-server.js';
import { launchBrowser, screenshot } from '../support/browser.js';
import { artifactsDir } from '../support/config.js';
import { gql, login } from '../support/graphql.js';
import { judgmentsAvailable, readJudgment } from '../support/judgments.js';

/** A UK Supreme Court judgment of about 4,000 words. */
const JUDGMENT_ID = 'uksc-2013-0252';
const COURT = 'UKSC';
const PASSWORD = 'a long test password 1';

let api: RunningApi;
let browser: Browser;
let judgmentText: string;
let caseId: string;
const clerk = { email: 'clerk.uksc@court.example', name: 'Clara Clerk' };
const judge = { email: 'judge.uksc@court.example', name: 'Lady Justice Hale' };
const otherJudge = { email: 'judge.other@court.example', name: 'Judge Unassigned' };

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: api.baseUrl, viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  return { context, page: await context.newPage() };
}

/** Opens a section of the case page through its local navigation. */
async function openSection(page: Page, name: string): Promise<void> {
  await page.getByTestId('case-sections').getByRole('link', { name, exact: true }).click();
  await page.waitForURL((url) => url.pathname.endsWith(`/${name.toLowerCase()}`) || name === 'Overview');
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`/cases/${caseId}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /UKSC 2013\/0252/ }).waitFor();
}

describe.skipIf(!judgmentsAvailable())('the case workspace', () => {
  beforeAll(async () => {
    judgmentText = await readJudgment(JUDGMENT_ID);
    browser = await launchBrowser();
    api = await startApi({ env: { AMICUS_JOB_POLL_INTERVAL: '100ms', AMICUS_INFERENCE_THREADS: '2', AMICUS_MAX_UPLOAD_BYTES: '2000000' } });
    const adminToken = await login(api.baseUrl, api.admin.email, api.admin.password);
    const call = <T>(query: string, variables: Record<string, unknown>) => gql<T>(api.baseUrl, query, variables, adminToken);
    const ids: Record<string, string> = {};
    for (const [u, role] of [[clerk, 'CLERK'], [judge, 'JUDGE'], [otherJudge, 'JUDGE']] as const) {
      const { createUser } = await call<{ createUser: { id: string } }>('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: { email: u.email, displayName: u.name, role, court: COURT, password: PASSWORD },
      });
      ids[u.email] = createUser.id;
    }
    const { createCase } = await call<{ createCase: { id: string } }>('mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }', {
      input: {
        docketNumber: 'UKSC 2013/0252',
        title: 'R (on the application of the Appellant) v Secretary of State',
        court: COURT,
        caseType: 'appeal',
        filedDate: '2013-06-01',
        sealed: false,
        parties: [
          { name: 'The Appellant', role: 'APPELLANT' },
          { name: 'Secretary of State', role: 'RESPONDENT' },
        ],
      },
    });
    caseId = createCase.id;
    await call('mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }', { c: caseId, u: ids[judge.email] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('lets a clerk upload a judgment, summarize it, follow a sentence to its source and draft from a template', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, clerk.email);
      await openSection(page, 'Documents');
      const upload = page.getByRole('form', { name: 'Upload a document' });

      // A file Amicus cannot read is refused with a plain, typed message; nothing is listed.
      await upload.getByLabel('File', { exact: true }).setInputFiles({ name: 'photo.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 7, 8, 9, 10, 11, 12]) });
      await upload.getByLabel('Title').fill('Not a court document');
      await upload.getByRole('button', { name: 'Upload' }).click();
      await expect.poll(() => page.getByTestId('upload-error').innerText()).toContain('Amicus cannot read this kind of file');

      // Too large: over the configured limit (2 MB here).
      await upload.getByLabel('File', { exact: true }).setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(2_500_000, 'a') });
      await upload.getByLabel('Title').fill('Far too large');
      await upload.getByRole('button', { name: 'Upload' }).click();
      await expect.poll(() => page.getByTestId('upload-error').innerText()).toMatch(/too large|closed the connection/);
      expect(await page.getByTestId('documents-table').count()).toBe(0);

      // The real judgment.
      await upload.getByLabel('File', { exact: true }).setInputFiles({ name: 'judgment.txt', mimeType: 'text/plain', buffer: Buffer.from(judgmentText, 'utf8') });
      await upload.getByLabel('Title').fill('Judgment of the Supreme Court');
      await upload.getByLabel('Kind').selectOption('judgment');
      await upload.getByLabel(/Filed on/).fill('2013-10-09');
      await upload.getByRole('button', { name: 'Upload' }).click();
      await expect.poll(() => page.getByTestId('upload-status').innerText()).toContain('was uploaded');
      const row = page.getByTestId('documents-table').locator('tbody tr');
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.innerText()).toContain('Judgment of the Supreme Court');
      await expect.poll(() => row.getByTestId('extraction-status').innerText(), { timeout: 30_000 }).toBe('Text extracted');
      expect(await row.innerText()).toMatch(/9 Oct 2013/);

      // A slow upload shows its progress and can be cancelled; nothing is stored.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
      await upload.getByLabel('File', { exact: true }).setInputFiles({ name: 'slow.txt', mimeType: 'text/plain', buffer: Buffer.from('The appeal is allowed. '.repeat(80_000), 'utf8') });
      await upload.getByLabel('Title').fill('A slow upload');
      await upload.getByRole('button', { name: 'Upload' }).click();
      const bar = upload.getByRole('progressbar', { name: 'Upload progress' });
      await bar.waitFor();
      await expect.poll(() => bar.evaluate((el) => (el as HTMLProgressElement).value), { timeout: 10_000 }).toBeGreaterThan(0);
      await upload.getByRole('button', { name: 'Cancel upload' }).click();
      await expect.poll(() => page.getByTestId('upload-status').innerText()).toBe('The upload was cancelled. Nothing was stored.');
      expect(await bar.count()).toBe(0);
      // Cancelled at once, before the server has started storing the file: the server carries on.
      for (let i = 0; i < 3; i++) {
        await upload.getByRole('button', { name: 'Upload' }).click();
        await upload.getByRole('button', { name: 'Cancel upload' }).click();
        await expect.poll(() => page.getByTestId('upload-status').innerText()).toBe('The upload was cancelled. Nothing was stored.');
      }
      expect((await fetch(`${api.baseUrl}/healthz`)).status).toBe(200);
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      expect(await row.count()).toBe(1);


      // The original downloads unchanged.
      const [original] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download original of Judgment of the Supreme Court' }).click()]);
      expect(original.suggestedFilename()).toBe('judgment.txt');
      expect((await readFile((await original.path())!)).toString('utf8')).toBe(judgmentText);

      // Summarize with the real model; progress is announced, then the summary appears.
      await openSection(page, 'Summary');
      await page.getByRole('radio', { name: /Standard/ }).check();
      await page.getByRole('button', { name: 'Summarize' }).click();
      await expect.poll(() => page.getByTestId('summary-job-status').innerText(), { timeout: 60_000 }).toContain('Finished');
      const sentences = page.getByTestId('summary-sentences').locator('button.summary-sentence');
      await expect.poll(() => sentences.count()).toBeGreaterThan(2);
      expect(await page.getByTestId('model-notice').innerText()).toMatch(/Machine-made; verify against the source\.[\s\S]*version/);
      expect(await page.getByTestId('case-brief').innerText()).toContain('Case brief');
      // This judgment refers questions to the Court of Justice and disposes of nothing: the result is marked as not found.
      expect(await page.getByTestId('summary-result').innerText()).toMatch(/^Result: not found/);

      // The third sentence opens the document with exactly that passage highlighted and in view.
      const third = sentences.nth(2);
      const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
      const sentenceText = norm(await third.locator('.summary-sentence__text').innerText());
      // By keyboard: the sentence is a button.
      await third.focus();
      await page.keyboard.press('Enter');
      const mark = page.getByTestId('source-highlight');
      await mark.waitFor();
      const highlighted = norm(await mark.innerText());
      expect(highlighted.length).toBeGreaterThan(20);
      expect(sentenceText.startsWith(highlighted)).toBe(true);
      expect(norm(judgmentText)).toContain(highlighted);
      await expect.poll(() => mark.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const pane = el.parentElement!.getBoundingClientRect();
        return box.top >= pane.top && box.bottom <= pane.bottom + 1 && box.top >= 0 && box.top < window.innerHeight;
      })).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('source-heading');
      await screenshot(page, 'workspace-summary-source');

      // A brief entry opens its own source passage.
      const timelineLink = page.getByTestId('case-brief').locator('.timeline button.source-link').first();
      await timelineLink.click();
      await expect.poll(() => page.locator('.source-viewer__label').innerText()).toMatch(/^Timeline: .*highlighted below\.$/);
      const briefPassage = norm(await mark.innerText());
      expect(briefPassage.length).toBeGreaterThan(5);
      expect(norm(judgmentText)).toContain(briefPassage);

      // A second, shorter summary is a new version; the earlier one stays and can be picked.
      await page.getByRole('radio', { name: /Short/ }).check();
      await page.getByRole('button', { name: 'Summarize' }).click();
      await expect.poll(() => page.locator('#summary-heading').innerText(), { timeout: 60_000 }).toBe('Summary, version 2');
      await page.getByLabel('Version', { exact: true }).selectOption({ label: (await page.getByLabel('Version', { exact: true }).locator('option').last().innerText()).trim() });
      await expect.poll(() => page.locator('#summary-heading').innerText()).toBe('Summary, version 1 (an older version)');
      await page.screenshot({ path: join(artifactsDir, 'workspace-summary-source-viewport.png') });

      // A draft from the judgment template, filled from the case, the summary and the brief.
      await openSection(page, 'Drafts');
      const form = page.getByRole('form', { name: 'New draft from a template' });
      await form.getByLabel('Template').selectOption({ label: 'Judgment skeleton — version 1.0.0' });
      await form.getByLabel('Date of judgment').fill('2026-02-05');
      await form.getByLabel(/Disposal/).selectOption('appeal-dismissed');
      await form.getByLabel(/^Reasons/).fill('For the reasons given above the appeal fails.');
      await form.getByRole('button', { name: 'Create draft' }).click();
      // The draft is made by a background job: its progress shows, then the draft it made opens.
      await expect.poll(() => page.getByTestId('draft-job-status').innerText(), { timeout: 60_000 }).toBe('Draft created from “Judgment skeleton”.');
      const editor = page.getByTestId('draft-editor');
      await editor.waitFor();
      await expect.poll(() => editor.locator('.sentence--machine').count()).toBeGreaterThan(0);
      expect(await editor.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
      expect(await editor.innerText()).toContain('Only a judge assigned to this case can approve');

      // Someone else saves a version while the clerk edits: the clerk's save is refused with a plain
      // conflict message, nothing is lost on the server, and the newest version can be reloaded.
      const draftId = (await page.getByTestId('drafts-table').locator('tbody tr').first().getAttribute('data-draft-id'))!;
      const edit = () => editor.getByRole('button', { name: /^Edit/ }).last();
      await edit().click();
      const box = editor.locator('textarea').first();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      const judgeToken = await login(api.baseUrl, judge.email, PASSWORD);
      const { draft } = await gql<{ draft: { version: { text: string } } }>(api.baseUrl, 'query($id: ID!) { draft(id: $id) { version { text } } }', { id: draftId }, judgeToken);
      await gql(api.baseUrl, 'mutation($input: UpdateDraftInput!) { updateDraft(input: $input) { currentVersion } }', {
        input: { draftId, baseVersion: 1, text: `${draft.version.text}\n\nCosts are reserved.` },
      }, judgeToken);
      await box.fill(`${await box.inputValue()} The Court is grateful to counsel for their submissions.`);
      await editor.getByRole('button', { name: 'Save as a new version' }).click();
      await expect.poll(() => editor.getByTestId('save-error').innerText()).toMatch(/Someone saved a newer version of this draft/);
      await editor.getByRole('button', { name: 'Reload the newest version' }).click();
      await expect.poll(() => editor.innerText()).toContain('Costs are reserved.');

      // Edit again on the newest version and save.
      await editor.locator('.draft-para', { hasText: 'For these reasons the appeal is dismissed.' }).getByRole('button', { name: /^Edit/ }).click();
      const again = editor.locator('textarea').first();
      await again.fill(`${await again.inputValue()} The Court is grateful to counsel for their submissions.`);
      await editor.getByRole('button', { name: 'Save as a new version' }).click();
      await expect.poll(() => editor.getByTestId('draft-status').innerText()).toBe('Saved as version 3.');
      expect(await editor.locator('.sentence--human').allInnerTexts()).toContain('The Court is grateful to counsel for their submissions.');
      await screenshot(page, 'workspace-draft-clerk');
      await editor.screenshot({ path: join(artifactsDir, 'workspace-draft-editor.png') });
    } catch (error) {
      await screenshot(page, `failure-${expect.getState().currentTestName?.replace(/\W+/g, '-').slice(0, 60)}`);
      throw new Error(`${String(error)}\nAPI output:\n${api.output().slice(-3000)}`, { cause: error });
    } finally {
      await context.close();
    }
  }, 110_000);

  it('lets the assigned judge approve the draft and download its Word export', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, judge.email);
      await openSection(page, 'Drafts');
      await page.getByTestId('drafts-table').getByRole('button', { name: /judgment/i }).click();
      const editor = page.getByTestId('draft-editor');

      // A citation found in no case document stops approval: the signing gate lists the sentence
      // and says why; removing it lets the draft through.
      const closing = () => editor.locator('.draft-para', { hasText: 'For these reasons the appeal is dismissed.' });
      await closing().getByRole('button', { name: /^Edit/ }).click();
      const box = editor.locator('textarea').first();
      const original = await box.inputValue();
      await box.fill(`${original} See also Smith v Jones [2099] UKSC 99.`);
      await editor.getByRole('button', { name: 'Save as a new version' }).click();
      await expect.poll(() => editor.getByTestId('draft-status').innerText()).toBe('Saved as version 4.');
      // Approval opens a dialog that checks the version first: the signing gate lists the sentence.
      await editor.getByRole('button', { name: 'Approve version 4…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Approve version 4' });
      const gate = dialog.getByTestId('approval-gate');
      await gate.waitFor();
      expect(await gate.innerText()).toMatch(/Approval is blocked: 1 sentence[\s\S]*\[2099\] UKSC 99[\s\S]*The sentence cites an authority that appears in none of the case documents/);
      expect(await dialog.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
      await dialog.screenshot({ path: join(artifactsDir, 'workspace-signing-gate.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await closing().getByRole('button', { name: /^Edit/ }).click();
      await editor.locator('textarea').first().fill(original);
      await editor.getByRole('button', { name: 'Save as a new version' }).click();
      await expect.poll(() => editor.getByTestId('draft-status').innerText()).toBe('Saved as version 5.');

      // The dialog shows the change from the machine text and asks for an explicit confirmation.
      await editor.getByRole('button', { name: 'Approve version 5…' }).click();
      const confirmDialog = page.getByRole('dialog', { name: 'Approve version 5' });
      await expect.poll(() => confirmDialog.getByTestId('approval-counts').innerText()).toMatch(/12 words added, 0 removed/);
      expect(await confirmDialog.getByTestId('approval-diff').locator('ins').allInnerTexts()).toEqual(
        expect.arrayContaining([expect.stringContaining('The Court is grateful to counsel for their submissions.')]),
      );
      expect(await confirmDialog.getByTestId('approval-gate').innerText()).toContain('Every machine-made sentence has a valid source');
      await confirmDialog.getByRole('button', { name: 'Approve', exact: true }).click();
      expect(await confirmDialog.getByRole('alert').innerText()).toBe('Confirm that you have read this version.');
      await confirmDialog.getByLabel('I have read this version and approve it as the court’s document.').check();
      await confirmDialog.screenshot({ path: join(artifactsDir, 'workspace-approval-dialog.png') });
      await confirmDialog.getByRole('button', { name: 'Approve', exact: true }).click();
      const approval = editor.getByTestId('approval');
      await approval.waitFor();
      expect(await approval.innerText()).toMatch(/Version 5 was approved on .*Changes from the machine-made text: 12 words added, 0 removed/);
      expect(await editor.getByRole('button', { name: /^Edit/ }).count()).toBe(0);

      const [download] = await Promise.all([page.waitForEvent('download'), approval.getByRole('button', { name: 'Download Word (.docx)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const bytes = await readFile((await download.path())!);
      expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      expect(bytes.length).toBeGreaterThan(2000);
      expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);

      const [pdf] = await Promise.all([page.waitForEvent('download'), approval.getByRole('button', { name: 'Download PDF' }).click()]);
      expect((await readFile((await pdf.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await screenshot(page, 'workspace-draft-approved');
      await editor.screenshot({ path: join(artifactsDir, 'workspace-draft-approved-editor.png') });
    } catch (error) {
      await screenshot(page, `failure-${expect.getState().currentTestName?.replace(/\W+/g, '-').slice(0, 60)}`);
      throw new Error(`${String(error)}\nAPI output:\n${api.output().slice(-3000)}`, { cause: error });
    } finally {
      await context.close();
    }
  }, 60_000);

  it('does not offer approval to a judge who is not assigned', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, otherJudge.email);
      await openSection(page, 'Drafts');
      await page.getByTestId('drafts-table').getByRole('button', { name: /judgment/i }).click();
      const editor = page.getByTestId('draft-editor');
      await editor.waitFor();
      await expect.poll(() => editor.getByTestId('approval').count()).toBe(1);
      expect(await editor.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
      // Narrow screens: one column, the source pane below.
      await page.setViewportSize({ width: 420, height: 900 });
      await openSection(page, 'Summary');
      await page.getByTestId('summary-sentences').locator('button.summary-sentence').first().click();
      await page.getByTestId('source-highlight').waitFor();
      await page.screenshot({ path: join(artifactsDir, 'workspace-narrow.png') });
    } catch (error) {
      await screenshot(page, `failure-${expect.getState().currentTestName?.replace(/\W+/g, '-').slice(0, 60)}`);
      throw new Error(`${String(error)}\nAPI output:\n${api.output().slice(-3000)}`, { cause: error });
    } finally {
      await context.close();
    }
  }, 30_000);
});
