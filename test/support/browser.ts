// Debian Chromium driven by playwright-core. Never downloads a browser.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { artifactsDir, chromiumPath, headed } from './config.js';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium was not found at ${chromiumPath}. The browser tests drive Debian's Chromium: install it with ` +
        '`apt-get update && apt-get install -y chromium` (CI does this in .ci/run), or set AMICUS_E2E_CHROMIUM to its path.',
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: !headed,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Saves a full-page screenshot under test/artifacts/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
