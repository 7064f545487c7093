import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, onTestFinished } from 'vitest';

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** How long a single wait or assertion may take; well under the 60 s test timeout so a failure is explained. */
export const STEP_MS = 15_000;

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The origin of the server started by global-setup.ts. */
export const baseURL = (): string => inject('baseURL');

const fileName = (testName: string) =>
  testName
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120) || 'test';

/**
 * Launches the system's Chromium once per test file. `openPage()` gives each test a fresh context
 * (zh-CN, no cookies), saves a full-page screenshot to test-results/<test name>.png when the test
 * fails, and closes the context afterwards.
 */
export function useBrowser() {
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: LAUNCH_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  return async function openPage(): Promise<Page> {
    if (!browser) throw new Error('the browser is not running (openPage must be called inside a test)');
    const context = await browser.newContext({
      baseURL: baseURL(),
      locale: 'zh-CN',
      viewport: { width: 1366, height: 900 },
    });
    context.setDefaultTimeout(STEP_MS);
    const page = await context.newPage();
    // Runs before onTestFailed hooks, when the result is already known, so one hook does both.
    onTestFinished(async ({ task }) => {
      try {
        if (task.result?.state === 'fail') {
          await mkdir(RESULTS_DIR, { recursive: true });
          const path = `${RESULTS_DIR}${fileName(task.name)}.png`;
          await page.screenshot({ path, fullPage: true, timeout: 10_000 });
          console.error(`screenshot of the failed test: ${path}`);
        }
      } finally {
        await context.close();
      }
    });
    return page;
  };
}

/** Waits until the locator is visible (retrying), then asserts it. */
export async function expectVisible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
  expect(await locator.first().isVisible()).toBe(true);
}

/** Waits until the locator's visible text contains every expected fragment. */
export async function expectText(locator: Locator, ...fragments: string[]): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
  for (const fragment of fragments) {
    await expect
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text a person sees, not the DOM property.
      .poll(() => locator.first().innerText(), { timeout: STEP_MS, interval: 100 })
      .toContain(fragment);
  }
}

/** Waits until the page's path (without origin) is exactly `path`. */
export async function expectPath(page: Page, path: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === path);
  expect(new URL(page.url()).pathname).toBe(path);
}

/** The value cell next to an Ant Design Descriptions label (bordered or not), found by the exact label. */
export const field = (container: Locator, label: string): Locator =>
  container
    .locator('.ant-descriptions-item-label')
    .filter({ hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
    .locator(
      'xpath=following-sibling::*[contains(concat(" ", @class, " "), " ant-descriptions-item-content ")][1]',
    );

/** Waits until the Descriptions value shown for `label` is exactly `value`. */
export async function expectField(container: Locator, label: string, value: string): Promise<void> {
  const cell = field(container, label);
  await cell.first().waitFor({ state: 'visible' });
  await expect
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text a person sees, not the DOM property.
    .poll(async () => (await cell.first().innerText()).trim(), { timeout: STEP_MS, interval: 100 })
    .toBe(value);
}
