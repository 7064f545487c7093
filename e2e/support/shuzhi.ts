import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectPath, expectVisible, STEP_MS } from './browser.ts';

/** The demo platform administrator (apps/server seeds it with `serve --demo`). */
export const ADMIN = { username: 'admin', password: 'Demo2026shuzhi' } as const;

/** Fills the sign-in form on /login and submits it; the caller asserts where it lands. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/login') await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
}

/** Signs in as the demo admin and waits for the workspace. */
export async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto('/login');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expectPath(page, '/workspace');
  await expectVisible(page.getByTestId('dashboard-profile'));
}

/** The workspace side menu; its accessible name follows the language ('Main menu' in English). */
export const mainMenu = (page: Page, name = '主菜单'): Locator => page.getByRole('navigation', { name });

/** Picks an option of an Ant Design select: opens it, optionally types to search, clicks the option. */
export async function pickOption(
  page: Page,
  select: Locator,
  option: string,
  search?: { combobox: Locator; text: string },
): Promise<void> {
  await select.click();
  if (search) await search.combobox.fill(search.text);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Waits for every modal's open (zoom) animation to end: while Ant Design's modal still scales in, a
 * dropdown opened inside it is aligned to where the select was mid-animation, and a click on one of
 * its options lands on the modal instead (seen as "intercepts pointer events" under load).
 */
export async function modalSettled(page: Page): Promise<void> {
  const opening = page.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter');
  await expect.poll(() => opening.count(), { timeout: STEP_MS }).toBe(0);
}

/** The row of an area in the tree, found by its exact name. */
export const treeItem = (tree: Locator, name: string): Locator =>
  tree.getByRole('treeitem').filter({ has: tree.page().getByText(name, { exact: true }) });

/**
 * Waits for the tree's expand/collapse animation to end: Ant Design's tree ignores clicks on rows
 * that are still sliding in, as a person would never click that fast.
 */
export async function treeSettled(tree: Locator): Promise<void> {
  await tree.locator('.ant-tree-treenode-motion').first().waitFor({ state: 'detached' });
}

/** Expands a collapsed tree row by its switcher and waits until the tree says it is expanded. */
export async function expandTreeItem(tree: Locator, name: string): Promise<void> {
  const item = treeItem(tree, name);
  await treeSettled(tree);
  await item.locator('.ant-tree-switcher').click();
  await item.and(tree.page().locator('[aria-expanded="true"]')).waitFor();
  await treeSettled(tree);
}

/** Uploads a CSV into a published dataset (upsert) and waits for the import job to load it all. */
export async function importCsv(
  request: APIRequestContext,
  datasetId: string,
  csv: string,
  fileName = 'load.csv',
): Promise<void> {
  const res = await request.post(
    `/api/v1/ingest/datasets/${datasetId}/imports?mode=upsert&filename=${fileName}`,
    {
      headers: { 'content-type': 'application/octet-stream' },
      data: Buffer.from(csv),
    },
  );
  expect(res.status()).toBe(202);
  const { id } = (await res.json()) as { id: string };
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/v1/ingest/imports/${id}`)).json()) as { status: string }).status,
      { timeout: STEP_MS },
    )
    .toBe('succeeded');
}

/** An API client (app) of an organisation, created by a platform admin's session; its secret shows once. */
export async function createApp(
  admin: Page,
  orgId: string,
  name: string,
): Promise<{ client: { id: string; clientId: string }; clientSecret: string }> {
  const created = await admin.request.post('/api/v1/auth/clients', {
    data: { name, orgId, roles: ['viewer'] },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as { client: { id: string; clientId: string }; clientSecret: string };
}
