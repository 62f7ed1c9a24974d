// The built web app, served by the real built API, driven in Debian Chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api-server.js';
import { launchBrowser, screenshot } from '../support/browser.js';
import { seed, COURT_B, type Seed } from '../support/seed.js';

let api: RunningApi;
let data: Seed;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  api = await startApi({ loginRateLimit: '3/15m' });
  try {
    data = await seed(api.baseUrl, api.admin);
  } catch (error) {
    throw new Error(`Setting up test data failed: ${String(error)}\nAPI output:\n${api.output()}`, { cause: error });
  }
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ baseURL: api.baseUrl, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
});

async function signIn(email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const countText = () => page.getByTestId('case-count');
const rows = () => page.getByTestId('case-table').locator('tbody tr');
const docketNumbers = () => page.getByTestId('case-table').locator('tbody tr td:first-child').allInnerTexts();

/** The `id` of the element that has focus. */
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

describe('signing in', () => {
  it('shows the admin every case with the total count, the sealed one badged', async () => {
    await signIn(api.admin.email, api.admin.password);
    const total = data.cases.length;
    await expect.poll(() => countText().innerText()).toBe(`Showing 25 of ${total} cases`);
    expect(await rows().count()).toBe(25);
    await expect.poll(() => page.getByTestId('current-user').innerText()).toMatch(/Administrator/);
    expect(await page.title()).toBe('Cases · Amicus');

    // The sealed case is the most recently filed, so it heads the default order, badged.
    const sealedRow = page.locator(`tr[data-case-id="${data.sealed.id}"]`);
    expect(await docketNumbers()).toContain(data.sealed.docketNumber);
    expect(await sealedRow.getByText('Sealed').isVisible()).toBe(true);
    await screenshot(page, 'case-list-admin');

    await page.getByLabel('Search by docket number, title or party').fill('Guardianship');
    await page.keyboard.press('Enter');
    await expect.poll(() => countText().innerText()).toBe('1 case');
    expect(await sealedRow.getByText('Sealed').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(() => countText().innerText()).toBe(`Showing 25 of ${total} cases`);
  });

  it('rejects a wrong password with an error announced to assistive technology', async () => {
    await signIn(api.admin.email, 'not the password at all');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('The email address or password is not correct.');
    // Focus moves to the error so that keyboard and screen-reader users meet it first.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sign-in-error');
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, 'sign-in-wrong-password');
  });

  it('explains empty fields next to each field', async () => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    expect(await alert.innerText()).toContain('Enter your email address');
    expect(await alert.innerText()).toContain('Enter your password');
    expect(await page.getByLabel('Email address').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Email address').getAttribute('aria-describedby')).toBe('sign-in-email-error');
  });

  it('tells the user when sign-in is rate limited', async () => {
    const messages: string[] = [];
    await page.goto('/sign-in');
    for (let attempt = 0; attempt < 6; attempt++) {
      await page.getByLabel('Email address').fill(data.lockoutUser.email);
      await page.getByLabel('Password').fill(`wrong password ${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).getAttribute('aria-disabled')).toBeNull();
      messages.push(await page.getByRole('alert').innerText());
      if (messages.at(-1)!.includes('Too many sign-in attempts')) break;
    }
    expect(messages.at(0)).toContain('not correct');
    expect(messages.at(-1)).toMatch(/Too many sign-in attempts\. Try again in \d+ (seconds|minutes)\./);
  });

  it('works with the keyboard alone', async () => {
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('sign-in-email');
    await page.keyboard.type(data.judgeA.email);
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('sign-in-password');
    await page.keyboard.type(data.judgeA.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases/);
    await expect.poll(() => countText().innerText()).toMatch(/cases$/);

    // The first Tab on a page reaches the skip link, which jumps past the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Tab on to the first case link and open it with Enter.
    let label = '';
    for (let i = 0; i < 20 && !/^HC-/.test(label); i++) {
      await page.keyboard.press('Tab');
      label = await page.evaluate(() => (document.activeElement?.tagName === 'A' ? (document.activeElement.textContent ?? '').trim() : ''));
    }
    expect(label).toMatch(/^HC-/);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).backgroundColor);
    expect(outline).toBe('rgb(255, 191, 71)');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: new RegExp(label) }).waitFor();
    // Focus follows the navigation to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });
});

describe('the case list', () => {
  beforeEach(async () => {
    await signIn(api.admin.email, api.admin.password);
    await expect.poll(() => countText().innerText()).toMatch(/^Showing 25 of/);
  });

  it('loads the next page and moves focus to the first new case', async () => {
    const total = data.cases.length;
    await page.getByRole('button', { name: 'Load more cases' }).click();
    await expect.poll(() => countText().innerText()).toBe(`${total} cases`);
    expect(await rows().count()).toBe(total);
    expect(new Set(await docketNumbers()).size).toBe(total);
    expect(await page.evaluate(() => document.activeElement?.closest('tr') === document.querySelectorAll('tbody tr')[25])).toBe(true);
    expect(await page.getByRole('button', { name: 'Load more cases' }).count()).toBe(0);
  });

  it('finds a case by a party name', async () => {
    await page.getByLabel('Search by docket number, title or party').fill('Brightwater');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => countText().innerText()).toBe('1 case');
    expect(await docketNumbers()).toEqual([data.withParty.docketNumber]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Brightwater');
  });

  it('filters by status', async () => {
    await page.getByLabel('Status').selectOption('CLOSED');
    await expect.poll(() => countText().innerText()).toBe('1 case');
    expect(await docketNumbers()).toEqual([data.closed.docketNumber]);
  });

  it('sorts by docket number', async () => {
    await page.getByLabel('Sort by').selectOption({ label: 'Docket number' });
    await expect.poll(async () => (await docketNumbers())[0]).toBe([...data.cases.map((c) => c.docketNumber)].sort()[0]);
    const shown = await docketNumbers();
    expect(shown).toEqual([...shown].sort());
    expect(await page.locator('th[aria-sort="ascending"]').innerText()).toContain('Docket number');
  });

  it('says so when nothing matches', async () => {
    await page.getByLabel('Search by docket number, title or party').fill('no such case anywhere');
    await page.keyboard.press('Enter');
    await expect.poll(() => countText().innerText()).toBe('No cases match these filters.');
    expect(await page.getByTestId('case-table').count()).toBe(0);
  });

  it('opens a case with its parties and assignees', async () => {
    await page.getByLabel('Search by docket number, title or party').fill(data.withParty.docketNumber);
    await page.keyboard.press('Enter');
    await expect.poll(() => countText().innerText()).toBe('1 case');
    await page.getByRole('link', { name: data.withParty.docketNumber }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(data.withParty.title) }).waitFor();
    const parties = page.locator('section[aria-labelledby="parties-heading"]');
    expect(await parties.innerText()).toContain('Brightwater Utilities Ltd');
    expect(await parties.innerText()).toContain('Harriet Vane KC');
    expect(await page.locator('section[aria-labelledby="assignees-heading"]').innerText()).toContain(data.judgeA.displayName);
    await screenshot(page, 'case-detail');
  });
});

describe('access', () => {
  it('shows a clerk of another court only that court’s unsealed cases', async () => {
    await signIn(data.clerkB.email, data.clerkB.password);
    await expect.poll(() => countText().innerText()).toBe(`${data.courtB.length} cases`);
    expect((await docketNumbers()).sort()).toEqual(data.courtB.map((c) => c.docketNumber).sort());
    const courts = await page.getByTestId('case-table').locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(new Set(courts)).toEqual(new Set([COURT_B]));
    expect(await page.getByText('Sealed', { exact: true }).count()).toBe(0);
    await screenshot(page, 'case-list-clerk-other-court');

    for (const term of [data.sealed.title, data.sealed.docketNumber, 'Rivera']) {
      await page.getByLabel('Search by docket number, title or party').fill(term);
      await page.keyboard.press('Enter');
      await expect.poll(() => countText().innerText()).toBe('No cases match these filters.');
    }

    // Opening the sealed case (or another court's case) by its address looks exactly like a missing case.
    for (const hidden of [data.sealed, data.courtA[0]]) {
      await page.goto(`/cases/${hidden.id}`);
      await page.getByRole('heading', { level: 1, name: 'Case not found' }).waitFor();
      expect(await page.locator('main').innerText()).not.toContain(hidden.title);
    }
  });

  it('shows a judge the cases assigned to them, sealed ones included', async () => {
    await signIn(data.judgeA.email, data.judgeA.password);
    await expect.poll(() => countText().innerText()).toMatch(/cases$|^Showing/);
    await page.getByLabel('Only cases assigned to me').check();
    await expect.poll(() => countText().innerText()).toBe('2 cases');
    expect((await docketNumbers()).sort()).toEqual([data.sealed.docketNumber, data.withParty.docketNumber].sort());
    expect(await page.locator(`tr[data-case-id="${data.sealed.id}"]`).getByText('Sealed').isVisible()).toBe(true);
  });

  it('keeps the token in sessionStorage only and sends the user back to sign-in when it stops working', async () => {
    await signIn(data.clerkB.email, data.clerkB.password);
    await expect.poll(() => countText().innerText()).toMatch(/cases$/);
    const stored = await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: localStorage.length }));
    expect(stored).toEqual({ session: ['amicus.session'], local: 0 });

    await page.evaluate(() => {
      const value = JSON.parse(sessionStorage.getItem('amicus.session')!) as { token: string };
      sessionStorage.setItem('amicus.session', JSON.stringify({ ...value, token: `${value.token}x` }));
    });
    await page.reload();
    await page.waitForURL(/\/sign-in\?/);
    expect(await page.getByTestId('sign-in-notice').innerText()).toContain('Your session has ended');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  it('signs out, ending the session on the server too', async () => {
    await signIn(data.clerkB.email, data.clerkB.password);
    await expect.poll(() => countText().innerText()).toMatch(/cases$/);
    const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('amicus.session')!) as { token: string }).token);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in\?/);
    expect(await page.getByTestId('sign-in-notice').innerText()).toContain('You have signed out');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

    const res = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await page.goto('/cases');
    await page.waitForURL(/\/sign-in\?redirect=(%2F|\/)cases$/);
  });
});
