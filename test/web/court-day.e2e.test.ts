// A court's whole day in the browser, from an empty install, in English and in Simplified Chinese:
// the bootstrap admin replaces the configured password, creates a judge and a clerk, creates a case
// and assigns them; the clerk uploads a real judgment, summarizes it, follows a sentence to its source
// and drafts an order; the judge approves it through the approval dialog and downloads the DOCX; the
// admin filters the ledger by the case, exports it as CSV and verifies the chain. Every screen is
// checked with axe; the case page must not scroll sideways at 420 and 1366 px. Screenshots of the main
// screens go to test/artifacts/, with the case page's time to interactive and the bundle size.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api-server.js';
import { horizontalOverflow, seriousViolations } from '../support/axe.js';
import { launchBrowser, screenshot } from '../support/browser.js';
import { artifactsDir, webIndex } from '../support/config.js';
import { judgmentsAvailable, readJudgment } from '../support/judgments.js';

const JUDGMENT_ID = 'uksc-2013-0252';
const COURT = 'UKSC';
const DOCKET = 'UKSC 2013/0252';
const NEW_ADMIN_PASSWORD = 'the admin chose this one';
const STAFF_PASSWORD = 'a long staff password 7';

/** What each screen says, per language: the test reads the page as a person would. */
const UI = {
  en: {
    email: 'Email address',
    password: 'Password',
    signIn: 'Sign in',
    mustChange: 'Choose a new password before you go on.',
    current: 'Current password',
    newPassword: 'New password',
    again: 'New password again',
    changePassword: 'Change password',
    casesHeading: 'Cases',
    noCases: 'There are no cases you can see.',
    newUser: 'New user',
    name: 'Name',
    court: 'Court',
    firstPassword: 'First password',
    createUser: 'Create user',
    judgeRole: 'Judge',
    clerkRole: 'Clerk',
    docket: 'Docket number',
    title: 'Title',
    caseType: 'Case type',
    filedOn: 'Filed on',
    approveHeading: 'Approve version 1',
    confirm: 'I have read this version and approve it as the court’s document.',
    intact: 'The chain is intact',
    modelLine: /amicus-legal-extractive, version \d+\.\d+\.\d+/,
    ready: 'Ready: the database answers.',
    ledgerCount: /^Entries 1–\d+ of \d+$/,
  },
  'zh-CN': {
    email: '电子邮箱',
    password: '密码',
    signIn: '登录',
    mustChange: '请先设置新密码再继续。',
    current: '当前密码',
    newPassword: '新密码',
    again: '再次输入新密码',
    changePassword: '修改密码',
    casesHeading: '案件',
    noCases: '没有您可以查看的案件。',
    newUser: '新建用户',
    name: '姓名',
    court: '法院',
    firstPassword: '初始密码',
    createUser: '创建用户',
    judgeRole: '法官',
    clerkRole: '书记员',
    docket: '案号',
    title: '案件名称',
    caseType: '案件类型',
    filedOn: '立案日期',
    approveHeading: '批准第 1 版',
    confirm: '我已阅读此版本，并批准其作为法院文书。',
    intact: '哈希链完整',
    modelLine: /amicus-legal-extractive，版本 \d+\.\d+\.\d+/,
    ready: '就绪：数据库响应正常。',
    ledgerCount: /^第 1–\d+ 条，共 \d+ 条$/,
  },
} as const;

let browser: Browser;
let judgmentText: string;
const metrics: Record<string, unknown> = {};

/** Size of the production build of the web app, raw and gzip, and what the first page loads. */
function bundleSize(): Record<string, number> {
  const assets = join(webIndex, '..', 'assets');
  let raw = 0;
  let gzip = 0;
  let js = 0;
  let jsGzip = 0;
  for (const file of readdirSync(assets)) {
    const bytes = readFileSync(join(assets, file));
    raw += statSync(join(assets, file)).size;
    const zipped = gzipSync(bytes).length;
    gzip += zipped;
    if (file.endsWith('.js')) {
      js += bytes.length;
      jsGzip += zipped;
    }
  }
  return { totalBytes: raw, totalGzipBytes: gzip, jsBytes: js, jsGzipBytes: jsGzip };
}

beforeAll(async () => {
  if (!judgmentsAvailable()) return;
  judgmentText = await readJudgment(JUDGMENT_ID);
  browser = await launchBrowser();
  metrics.bundle = bundleSize();
});

afterAll(async () => {
  await browser?.close();
  if (Object.keys(metrics).length > 0) {
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(join(artifactsDir, 'web-metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    console.log(`web metrics: ${JSON.stringify(metrics)}`);
  }
});

for (const locale of ['en', 'zh-CN'] as const) {
  describe.skipIf(!judgmentsAvailable())(`a court's day in the browser (${locale})`, () => {
    const ui = UI[locale];
    let api: RunningApi;
    let caseId = '';
    const judge = { email: `judge.${locale.toLowerCase()}@court.example`, name: locale === 'en' ? 'Lady Justice Hale' : '王法官' };
    const clerk = { email: `clerk.${locale.toLowerCase()}@court.example`, name: locale === 'en' ? 'Clara Clerk' : '李书记员' };
    const shot = (page: Page, name: string) => screenshot(page, `court-day-${locale}-${name}`);

    beforeAll(async () => {
      api = await startApi({ env: { AMICUS_JOB_POLL_INTERVAL: '100ms', AMICUS_INFERENCE_THREADS: '2' } });
    }, 120_000);
    afterAll(async () => {
      await api?.stop();
    });

    async function open(viewport = { width: 1366, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
      // The browser's language is the only hint: the app must default to it.
      const context = await browser.newContext({ baseURL: api.baseUrl, viewport, locale, acceptDownloads: true });
      return { context, page: await context.newPage() };
    }

    async function signIn(page: Page, email: string, password: string, path = '/'): Promise<void> {
      await page.goto(path);
      await page.getByLabel(ui.email, { exact: true }).fill(email);
      await page.getByLabel(ui.password, { exact: true }).fill(password);
      await page.getByRole('button', { name: ui.signIn, exact: true }).click();
    }

    /** Screens checked with axe in the Chinese run too; the English run checks every screen. */
    const CHECKED_IN_BOTH = new Set(['sign-in', 'account', 'case overview', 'summary with source', 'approval dialog', 'ledger']);

    async function expectAccessible(page: Page, screen: string): Promise<void> {
      if (locale !== 'en' && !CHECKED_IN_BOTH.has(screen)) return;
      const problems = await seriousViolations(page);
      expect(problems, `${screen}: ${JSON.stringify(problems, null, 1)}`).toEqual([]);
    }

    async function section(page: Page, name: string): Promise<void> {
      await page.getByTestId('case-sections').locator(`a[data-section="${name}"]`).click();
      await page.locator(`.case-section[data-section="${name}"]`).waitFor();
    }

    async function step<T>(page: Page, run: () => Promise<T>): Promise<T> {
      try {
        return await run();
      } catch (error) {
        await shot(page, `failure-${expect.getState().currentTestName?.replace(/\W+/g, '-').slice(-50)}`);
        throw new Error(`${String(error)}\nAPI output:\n${api.output().slice(-3000)}`, { cause: error });
      }
    }

    it('the bootstrap admin replaces the password, creates a judge and a clerk, and opens an assigned case', async () => {
      const { context, page } = await open();
      await step(page, async () => {
        await page.goto('/');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        await expectAccessible(page, 'sign-in');
        await signIn(page, api.admin.email, api.admin.password);

        // Asked to replace the configured password before anything else.
        await page.waitForURL(/\/account\?required=1/);
        expect(await page.getByTestId('password-required').innerText()).toContain(ui.mustChange);
        await expectAccessible(page, 'account');
        await shot(page, 'account');
        await page.getByLabel(ui.current, { exact: true }).fill(api.admin.password);
        await page.getByLabel(ui.newPassword, { exact: true }).fill(NEW_ADMIN_PASSWORD);
        await page.getByLabel(ui.again, { exact: true }).fill(NEW_ADMIN_PASSWORD);
        await page.getByRole('button', { name: ui.changePassword, exact: true }).click();
        await page.waitForURL(/\/cases$/);
        api.admin.password = NEW_ADMIN_PASSWORD;

        // An empty install: the list says so and offers "New case".
        await expect.poll(() => page.getByTestId('case-count').innerText()).toBe(ui.noCases);
        expect(await page.getByTestId('empty-cases').getByRole('link').count()).toBe(1);
        await expectAccessible(page, 'empty case list');

        // A judge and a clerk of the court.
        await page.getByRole('navigation').first().getByRole('link', { name: locale === 'en' ? 'Administration' : '系统管理' }).click();
        await page.waitForURL(/\/admin\/users$/);
        for (const [person, role] of [[judge, 'JUDGE'], [clerk, 'CLERK']] as const) {
          await page.getByTestId('new-user').click();
          const dialog = page.getByTestId('create-user-form');
          await dialog.getByLabel(ui.name, { exact: true }).fill(person.name);
          await dialog.getByLabel(ui.email, { exact: true }).fill(person.email);
          await dialog.locator('#new-user-role').selectOption(role);
          await dialog.getByLabel(ui.court, { exact: true }).fill(COURT);
          await dialog.getByLabel(ui.firstPassword, { exact: true }).fill(STAFF_PASSWORD);
          if (role === 'JUDGE') await expectAccessible(page, 'new user dialog');
          await dialog.getByRole('button', { name: ui.createUser, exact: true }).click();
          await page.locator(`tr[data-user-email="${person.email}"]`).waitFor();
        }
        expect(await page.locator(`tr[data-user-email="${judge.email}"]`).innerText()).toContain(ui.judgeRole);
        expect(await page.locator(`tr[data-user-email="${clerk.email}"]`).innerText()).toContain(ui.clerkRole);
        await expectAccessible(page, 'users');
        await shot(page, 'users');

        // The other administration screens.
        await page.goto('/admin/service-accounts');
        await page.locator('h2.page__subheading').waitFor();
        await expectAccessible(page, 'service accounts');
        await page.goto('/admin/status');
        await expect.poll(() => page.getByTestId('model-name').innerText()).toMatch(ui.modelLine);
        expect(await page.getByTestId('system-status').innerText()).toContain(ui.ready);
        await expectAccessible(page, 'status');
        await shot(page, 'status');

        // A case, with its parties, and both assigned.
        await page.goto('/cases/new');
        await page.getByLabel(ui.court, { exact: true }).fill(COURT);
        await page.getByLabel(ui.docket, { exact: true }).fill(DOCKET);
        await page.getByLabel(ui.title, { exact: true }).fill('R (on the application of the Appellant) v Secretary of State');
        await page.getByLabel(ui.caseType, { exact: true }).fill('appeal');
        await page.getByLabel(ui.filedOn, { exact: true }).fill('2013-06-01');
        await page.locator('#party-name-0').fill('The Appellant');
        await page.locator('#party-role-0').selectOption('APPELLANT');
        await page.locator('#party-name-1').fill('Secretary of State');
        await page.locator('#party-role-1').selectOption('RESPONDENT');
        await expectAccessible(page, 'new case');
        await page.getByTestId('case-submit').click();
        await page.getByRole('heading', { level: 1, name: new RegExp(DOCKET) }).waitFor();
        caseId = new URL(page.url()).pathname.split('/')[2];
        for (const person of [judge, clerk]) {
          await page.getByTestId('assign-select').selectOption({ label: `${person.name} (${person === judge ? ui.judgeRole : ui.clerkRole})` });
          await page.getByTestId('assign-submit').click();
          await expect.poll(() => page.getByTestId('assignees').innerText()).toContain(person.name);
        }
        expect(await page.getByTestId('parties-table').innerText()).toContain('Secretary of State');
        await expectAccessible(page, 'case overview');
        await shot(page, 'case-overview');
      });
      await context.close();
    }, 180_000);

    it('the clerk uploads the judgment, summarizes it, follows a sentence to its source and drafts an order', async () => {
      const { context, page } = await open();
      await step(page, async () => {
        // A deep link survives sign-in.
        await signIn(page, clerk.email, STAFF_PASSWORD, `/cases/${caseId}/documents`);
        await page.locator('.case-section[data-section="documents"]').waitFor();
        const upload = page.getByRole('form', { name: 'Upload a document' });
        await upload.getByLabel('File', { exact: true }).setInputFiles({ name: 'judgment.txt', mimeType: 'text/plain', buffer: Buffer.from(judgmentText, 'utf8') });
        await upload.getByLabel('Title').fill('Judgment of the Supreme Court');
        await upload.getByLabel('Kind').selectOption('judgment');
        await upload.getByRole('button', { name: 'Upload' }).click();
        const row = page.getByTestId('documents-table').locator('tbody tr');
        await expect.poll(() => row.getByTestId('extraction-status').innerText(), { timeout: 30_000 }).toBe('Text extracted');
        await expectAccessible(page, 'documents');

        await section(page, 'summary');
        await page.getByRole('radio', { name: /Short/ }).check();
        await page.getByRole('button', { name: 'Summarize' }).click();
        await expect.poll(() => page.getByTestId('summary-job-status').innerText(), { timeout: 60_000 }).toContain('Finished');
        const sentence = page.getByTestId('summary-sentences').locator('button.summary-sentence').nth(1);
        const said = (await sentence.innerText()).replace(/\s+/g, ' ').trim();
        await sentence.click();
        const mark = page.getByTestId('source-highlight');
        await mark.waitFor();
        const highlighted = (await mark.innerText()).replace(/\s+/g, ' ').trim();
        expect(said.startsWith(highlighted)).toBe(true);
        expect(judgmentText.replace(/\s+/g, ' ')).toContain(highlighted);
        await expectAccessible(page, 'summary with source');
        await shot(page, 'summary-source');

        await section(page, 'drafts');
        const form = page.getByRole('form', { name: 'New draft from a template' });
        await form.getByLabel('Template').selectOption('order-on-motion@1.0.0');
        await form.getByLabel('Motion', { exact: true }).fill('the application for permission to appeal');
        await form.getByLabel('Moving party', { exact: true }).fill('The Appellant');
        await form.getByLabel('Outcome', { exact: true }).selectOption('granted');
        await form.getByLabel('Date of the order', { exact: true }).fill('2026-02-05');
        await form.getByRole('button', { name: 'Create draft' }).click();
        await expect.poll(() => page.getByTestId('draft-job-status').innerText(), { timeout: 60_000 }).toMatch(/^Draft created from/);
        const editor = page.getByTestId('draft-editor');
        await editor.waitFor();
        // Names, not ids: the template's title with its version in small print.
        const templateCell = page.getByTestId('drafts-table').locator('tbody tr').first();
        expect(await templateCell.innerText()).toContain('Order granting or denying a motion');
        expect(await templateCell.innerText()).not.toContain('order-on-motion@');
        await expectAccessible(page, 'drafts');

        // The case page fits 1366 px and 420 px without sideways scrolling, in every section.
        for (const width of [1366, 420]) {
          await page.setViewportSize({ width, height: 900 });
          for (const name of ['overview', 'documents', 'summary', 'drafts', 'notes', 'activity']) {
            await section(page, name);
            expect(await horizontalOverflow(page), `${name} at ${width} px`).toEqual([]);
          }
        }
        await section(page, 'drafts');
        await shot(page, 'drafts-420');
        await expectAccessible(page, 'drafts at 420 px');

        // Time to interactive of the case page: from navigation to the heading and section links.
        await page.setViewportSize({ width: 1366, height: 900 });
        const ready: number[] = [];
        for (let i = 0; i < 3; i++) {
          await page.goto(`/cases/${caseId}`);
          await page.getByTestId('case-sections').locator('a[data-section="drafts"]').waitFor();
          ready.push(await page.evaluate(() => performance.now()));
        }
        metrics[`caseTimeToInteractiveMs_${locale}`] = ready.map((ms) => Math.round(ms));
      });
      await context.close();
    }, 200_000);

    it('the judge approves the order through the dialog and downloads the Word file', async () => {
      const { context, page } = await open();
      await step(page, async () => {
        await signIn(page, judge.email, STAFF_PASSWORD, `/cases/${caseId}/drafts`);
        await page.getByTestId('drafts-table').locator('tbody tr button').first().click();
        const editor = page.getByTestId('draft-editor');
        await editor.getByTestId('open-approval').click();
        const dialog = page.getByRole('dialog', { name: ui.approveHeading });
        await dialog.getByTestId('approval-gate').waitFor();
        await expectAccessible(page, 'approval dialog');
        await dialog.getByLabel(ui.confirm).check();
        await shot(page, 'approval-dialog');
        await dialog.getByTestId('approval-confirm').click();
        const approval = editor.getByTestId('approval');
        await approval.waitFor();
        const [download] = await Promise.all([page.waitForEvent('download'), approval.getByRole('button', { name: 'Download Word (.docx)' }).click()]);
        const bytes = readFileSync((await download.path())!);
        expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
        expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
      });
      await context.close();
    }, 90_000);

    it('the admin filters the ledger by the case, exports it as CSV and verifies the chain', async () => {
      const { context, page } = await open();
      await step(page, async () => {
        await signIn(page, api.admin.email, api.admin.password, '/admin/ledger');
        await page.getByTestId('ledger-table').waitFor();
        await page.getByTestId('ledger-case').selectOption(caseId);
        await page.getByTestId('ledger-apply').click();
        const rows = page.getByTestId('ledger-table').locator('tbody tr');
        await expect.poll(async () => {
          const n = await rows.count();
          return n > 0 && (await rows.locator(`a[href="/cases/${caseId}"]`).count()) === n;
        }).toBe(true);
        expect(await page.getByTestId('ledger-count').innerText()).toMatch(ui.ledgerCount);
        const actions = await rows.allInnerTexts();
        expect(actions.join('\n')).toMatch(locale === 'en' ? /Approval[\s\S]*Export|Export[\s\S]*Approval/ : /批准|导出/);

        const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
        const lines = readFileSync((await csv.path())!, 'utf8').trim().split(/\r?\n/);
        expect(lines[0]).toMatch(/seq/);
        expect(lines.length).toBeGreaterThan(3);
        expect(lines.slice(1).every((line) => line.includes(caseId))).toBe(true);

        await page.getByTestId('verify-chain').click();
        await expect.poll(() => page.getByTestId('verify-result').innerText()).toContain(ui.intact);
        await expectAccessible(page, 'ledger');
        await shot(page, 'ledger');
      });
      await context.close();
    }, 90_000);
  });
}
