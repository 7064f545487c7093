import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectText, expectVisible, STEP_MS, useBrowser } from './support/browser.ts';
import { signIn } from './support/shuzhi.ts';

const openPage = useBrowser();

async function signedIn(username: string): Promise<Page> {
  const page = await openPage();
  await page.goto('/login');
  await signIn(page, username, 'Demo2026shuzhi');
  await page.waitForURL('**/workspace');
  return page;
}

/** Raises a complaint on a published dataset the user can see; answers its deadline. */
async function raiseDeadline(request: APIRequestContext, datasetId: string): Promise<string> {
  const res = await request.post('/api/v1/quality/complaints', {
    data: { datasetId, text: '工作日历测试：请核实该数据集的更新情况' },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { deadline: string }).deadline;
}

const kindOf = (page: Page, date: string) =>
  expect.poll(() => page.getByTestId(`calendar-day-${date}`).getAttribute('data-kind'), {
    timeout: STEP_MS,
    interval: 100,
  });

describe('working-day calendar (工作日历)', () => {
  test('the admin makes a deadline day a holiday: later complaints get the next working day; others only read', async () => {
    const admin = await signedIn('admin');
    const viewer = await signedIn('viewer');
    const list = await viewer.request.get('/api/v1/catalog/datasets?status=published&limit=1');
    expect(list.status()).toBe(200);
    const datasetId = ((await list.json()) as { items: { id: string }[] }).items[0]?.id as string;
    expect(datasetId).toBeTruthy();

    // A deadline is always a working day: taking it away must push the next complaint's deadline later.
    const before = await raiseDeadline(viewer.request, datasetId);
    const year = before.slice(0, 4);

    await admin.goto('/workspace/quality');
    await admin.getByTestId('quality-calendar-link').click();
    await admin.waitForURL('**/workspace/quality/calendar');
    await expectVisible(admin.getByTestId('calendar-grid'));
    await admin.goto(`/workspace/quality/calendar?year=${year}`);
    const day = admin.getByTestId(`calendar-day-${before}`);
    await kindOf(admin, before).toBe('workday');
    await day.click();
    const dialog = admin.getByRole('dialog');
    await expectText(dialog, before, '当前：工作日');
    await dialog.getByText('法定节假日（休息）').click();
    await dialog.getByTestId('calendar-day-name').fill('台风停工');
    // The reason is required: saving without one changes nothing.
    await dialog.getByTestId('calendar-day-save').click();
    await expectText(dialog, '请说明调整原因');
    await dialog.getByTestId('calendar-day-reason').fill('杭州市防汛防台指挥部通知，全市停工一天');
    await dialog.getByTestId('calendar-day-save').click();
    await expectText(admin.locator('.ant-message'), '已设为法定节假日');
    await kindOf(admin, before).toBe('holiday');

    // After a reload the day is still a holiday, listed with its name, and the API says so.
    await admin.reload();
    await kindOf(admin, before).toBe('holiday');
    await expectText(admin.getByTestId('calendar-entries'), before, '台风停工', '法定节假日');
    const cal = (await (await viewer.request.get(`/api/v1/quality/calendar?year=${year}`)).json()) as {
      days: { date: string; kind: string; name: string }[];
    };
    expect(cal.days).toContainEqual({ date: before, kind: 'holiday', name: '台风停工' });
    const after = await raiseDeadline(viewer.request, datasetId);
    expect(after > before).toBe(true);

    // Anyone else sees the same calendar but cannot change it.
    await viewer.goto(`/workspace/quality/calendar?year=${year}`);
    await kindOf(viewer, before).toBe('holiday');
    await expectText(viewer.getByTestId('calendar-page'), '只有平台管理员可以调整日历');
    expect(await viewer.getByTestId(`calendar-day-${before}`).evaluate((el) => el.tagName)).toBe('DIV');
    await viewer.getByTestId(`calendar-day-${before}`).click();
    expect(await viewer.getByRole('dialog').count()).toBe(0);

    // The admin returns the day to the ordinary week, again with a reason.
    await day.click();
    await dialog.getByTestId('calendar-day-reason').fill('通知已撤回，照常上班');
    await dialog.getByTestId('calendar-day-remove').click();
    await expectText(admin.locator('.ant-message'), '已恢复为常规安排');
    await kindOf(admin, before).toBe('workday');
    const again = (await (await admin.request.get(`/api/v1/quality/calendar?year=${year}`)).json()) as {
      days: { date: string }[];
    };
    expect(again.days.map((d) => d.date)).not.toContain(before);
    expect(await raiseDeadline(viewer.request, datasetId)).toBe(before);
  }, 90_000);
});
