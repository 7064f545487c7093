import { describe, expect, test } from 'vitest';
import {
  baseURL,
  expectField,
  expectPath,
  expectText,
  expectVisible,
  useBrowser,
} from './support/browser.ts';
import {
  ADMIN,
  expandTreeItem,
  mainMenu,
  modalSettled,
  pickOption,
  signIn,
  signInAsAdmin,
  treeItem,
  treeSettled,
} from './support/shuzhi.ts';

const openPage = useBrowser();

/** 北山街道, 西湖区: the street whose communities the area journey browses. */
const BEISHAN_STREET = '330106002';

type Area = { code: string; name: string; level: string };

async function childrenOf(code: string): Promise<Area[]> {
  const res = await fetch(`${baseURL()}/api/v1/areas/${code}/children`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Area[] }).items;
}

describe('signing in', () => {
  test('the demo admin signs in on /login, sees the demo marker and lands on the workspace', async () => {
    const page = await openPage();
    await page.goto('/login');
    await expectText(page.getByRole('heading', { level: 1 }), '登录数智工作台');
    await expectText(page.getByTestId('demo-badge'), '演示环境');
    await expectText(page.getByTestId('demo-accounts'), 'admin');

    await signIn(page, ADMIN.username, 'not-the-password-1');
    await expectText(page.getByTestId('login-error'), '用户名或密码错误');
    await expectPath(page, '/login');

    await signIn(page, ADMIN.username, ADMIN.password);
    await expectPath(page, '/workspace');
    await expectText(page.getByTestId('demo-badge'), '演示环境');
    const profile = page.getByTestId('dashboard-profile');
    await expectField(profile, '用户名', 'admin');
    await expectField(profile, '当前机构', '杭州市数据资源管理局');
    await expectField(profile, '角色', '平台管理员');
    await expectVisible(mainMenu(page).getByRole('link', { name: '用户' }));
  });
});

describe('users', () => {
  test('an admin creates a user with a role; the user must change the password, then works in that organisation', async () => {
    const page = await openPage();
    const username = `e2e${Date.now().toString(36)}`;
    const displayName = `测试用户${username.slice(-4)}`;
    const initialPassword = 'Initial2026pass';
    const newPassword = 'Changed2026pass';

    await signInAsAdmin(page);
    await mainMenu(page).getByRole('link', { name: '用户' }).click();
    await expectPath(page, '/workspace/users');
    await expectText(page.getByRole('heading', { level: 1 }), '用户');

    await page.getByTestId('user-create').click();
    await expectVisible(page.getByRole('dialog').getByText('新建用户'));
    await modalSettled(page);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('显示名称').fill(displayName);
    await page.getByLabel('初始密码').fill(initialPassword);
    await pickOption(page, page.getByTestId('grant-org-0'), '西湖区人民政府', {
      combobox: page.getByRole('combobox', { name: '第 1 条授权的机构' }),
      text: '西湖区',
    });
    await expectText(page.getByTestId('grant-org-0'), '西湖区人民政府');
    await pickOption(page, page.getByTestId('grant-role-0'), '指挥长(机长)');
    await expectText(page.getByTestId('grant-role-0'), '指挥长(机长)');
    await page.getByTestId('user-form-submit').click();

    await expectVisible(page.getByText('已新建用户'));
    const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: username });
    await expectText(row, username, displayName, '指挥长(机长)', '西湖区人民政府', '启用', '从未登录');

    await page.getByTestId('logout').click();
    await expectPath(page, '/login');

    // A password set by an administrator must be replaced before anything else.
    await signIn(page, username, initialPassword);
    await expectPath(page, '/workspace/password');
    await expectVisible(page.getByText('首次登录或密码已被重置，请先设置新密码再继续使用。'));
    await page.goto('/workspace/areas');
    await expectPath(page, '/workspace/password');

    await page.getByLabel('当前密码').fill(initialPassword);
    await page.getByLabel('新密码', { exact: true }).fill(newPassword);
    await page.getByLabel('确认新密码').fill(newPassword);
    await page.getByTestId('password-submit').click();

    await expectPath(page, '/workspace');
    await expectText(page.getByRole('heading', { level: 1 }), `欢迎，${displayName}`);
    const profile = page.getByTestId('dashboard-profile');
    await expectField(profile, '用户名', username);
    await expectField(profile, '当前机构', '西湖区人民政府');
    await expectField(profile, '角色', '指挥长(机长)');
    // A commander is no platform admin: no user management in the menu.
    await expectVisible(mainMenu(page).getByRole('link', { name: '行政区划' }));
    expect(await mainMenu(page).getByRole('link', { name: '用户' }).count()).toBe(0);

    // The new password is the one that works now, and no second change is asked for.
    await page.getByTestId('logout').click();
    await expectPath(page, '/login');
    await signIn(page, username, initialPassword);
    await expectText(page.getByTestId('login-error'), '用户名或密码错误');
    await signIn(page, username, newPassword);
    await expectPath(page, '/workspace');
    await expectField(page.getByTestId('dashboard-profile'), '当前机构', '西湖区人民政府');
  });
});

describe('areas', () => {
  test('the public area tree opens down to a community, and search reveals a street', async () => {
    const communities = await childrenOf(BEISHAN_STREET);
    expect(communities.length).toBeGreaterThan(0);
    const community = communities[0]!;
    expect(community.level).toBe('community');

    const page = await openPage();
    await page.goto('/areas');
    const tree = page.getByTestId('area-tree');
    await expectText(tree, '杭州市', '西湖区');
    await expectText(page.getByTestId('area-detail'), '在左侧选择一个区划查看详情');

    await expandTreeItem(tree, '西湖区');
    await expandTreeItem(tree, '北山街道');
    await treeItem(tree, community.name).getByText(community.name, { exact: true }).click();
    await treeSettled(tree);

    const detail = page.getByTestId('area-detail');
    await expectField(detail, '名称', community.name);
    await expectField(detail, '代码', community.code);
    await expectField(detail, '级别', '社区');
    await expectField(detail, '所在路径', `杭州市 / 西湖区 / 北山街道 / ${community.name}`);
    await expectVisible(treeItem(tree, community.name).and(page.locator('[aria-selected="true"]')));

    // A fresh page: the street is hidden in the collapsed tree until search reveals it.
    await page.reload();
    await expectText(tree, '西湖区');
    expect(await treeItem(tree, '北山街道').count()).toBe(0);
    await page.getByTestId('area-search').fill('北山街道');
    const result = page
      .getByTestId('area-search-results')
      .getByRole('button')
      .filter({ hasText: '北山街道' })
      .filter({ hasText: '西湖区' });
    await result.click();

    const street = treeItem(tree, '北山街道');
    await expectVisible(street);
    await expectVisible(street.and(page.locator('[aria-selected="true"]')));
    await expectVisible(treeItem(tree, '西湖区').and(page.locator('[aria-expanded="true"]')));
    await expectField(detail, '名称', '北山街道');
    await expectField(detail, '代码', BEISHAN_STREET);
    await expectField(detail, '级别', '街道');
    await expectField(detail, '所在路径', '杭州市 / 西湖区 / 北山街道');
  });
});

describe('language', () => {
  test('the language switch turns the workspace to English and back to Chinese', async () => {
    const page = await openPage();
    await signInAsAdmin(page);
    const html = page.locator('html');
    expect(await html.getAttribute('lang')).toBe('zh-CN');

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => html.getAttribute('lang')).toBe('en');
    await expectVisible(mainMenu(page, 'Main menu').getByRole('link', { name: 'Users' }));
    await expectText(page.getByRole('heading', { level: 1 }), 'Welcome, ');
    await expectField(page.getByTestId('dashboard-profile'), 'Roles', 'Platform admin');
    await expectText(page.getByTestId('demo-badge'), 'Demo');
    await expectText(page.getByTestId('lang-switch'), '中文');
    expect(await page.title()).toBe('Shuzhi 数智 · Digital Government Platform');

    // The choice is remembered across a reload.
    await page.reload();
    await expectVisible(mainMenu(page, 'Main menu').getByRole('link', { name: 'Areas' }));
    expect(await html.getAttribute('lang')).toBe('en');

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => html.getAttribute('lang')).toBe('zh-CN');
    await expectVisible(mainMenu(page).getByRole('link', { name: '用户' }));
    await expectText(page.getByRole('heading', { level: 1 }), '欢迎，');
    await expectField(page.getByTestId('dashboard-profile'), '角色', '平台管理员');
    await expectText(page.getByTestId('lang-switch'), 'English');
    expect(await mainMenu(page).getByRole('link', { name: 'Users' }).count()).toBe(0);
  });
});
