import { describe, test } from 'vitest';
import { expectText, expectVisible, useBrowser } from './support/browser.ts';
import { mainMenu, signIn } from './support/shuzhi.ts';

const openPage = useBrowser();

describe('audit ledger', () => {
  test('an auditor opens the ledger, finds the first entry and verifies its inclusion in the browser', async () => {
    const page = await openPage();
    await page.goto('/login');
    await signIn(page, 'auditor', 'Demo2026shuzhi');
    await mainMenu(page).getByRole('link', { name: '审计账本' }).click();

    await expectVisible(page.getByTestId('ledger-checkpoint'));
    await expectText(page.getByTestId('ledger-checkpoint'), 'shuzhi.local/ledger');
    const table = page.getByTestId('ledger-entries');
    // The auditor's own sign-in is recorded and listed among the newest entries.
    await expectText(table, '登录', 'auditor');

    await page.getByTestId('ledger-jump-input').fill('0');
    await page.getByTestId('ledger-jump').click();
    // Jumping to an index opens that entry's details.
    const first = table.locator('tr[data-row-key="0"]');
    await expectText(first, '新建用户');
    await page.getByTestId('ledger-verify-0').click();
    await expectText(page.getByTestId('ledger-verify-result-0'), '已验证');
  });

  test('a viewer sees the public checkpoint but not the entries', async () => {
    const page = await openPage();
    await page.goto('/login');
    await signIn(page, 'viewer', 'Demo2026shuzhi');
    await page.waitForURL('**/workspace');
    await page.goto('/workspace/ledger');
    await expectVisible(page.getByTestId('ledger-checkpoint'));
    await expectVisible(page.getByTestId('ledger-needs-auditor'));
    await page.getByTestId('ledger-entries').waitFor({ state: 'detached' });
  });
});
