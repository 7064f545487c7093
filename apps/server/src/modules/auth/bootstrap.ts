import type { DemoAccount, Role } from '@shuzhi/contracts';
import { type OrgsService, organCode } from '../orgs/index.ts';
import { generatePassword } from './passwords.ts';
import type { UsersService } from './users.service.ts';

/** Shown on the login page in demo mode; demo mode is for trying Shuzhi, never for real data. */
export const DEMO_PASSWORD = 'Demo2026shuzhi';

const CITY = '330100';
const XIHU = '330106';

/** One demo account per role, each in a plausible organisation (the handler works one street). */
const demoSpecs: { username: string; displayName: string; role: Role; orgCode: string; areaCode?: string }[] =
  [
    { username: 'admin', displayName: '平台管理员', role: 'platform_admin', orgCode: organCode(CITY, 1) },
    { username: 'officer', displayName: '公安局数据专员', role: 'data_officer', orgCode: organCode(CITY, 2) },
    { username: 'approver', displayName: '市场监管局审批人', role: 'approver', orgCode: organCode(CITY, 6) },
    { username: 'clerk', displayName: '西湖区窗口人员', role: 'clerk', orgCode: organCode(XIHU, 1) },
    {
      username: 'handler',
      displayName: '北山街道处置员',
      role: 'handler',
      orgCode: organCode(XIHU, 1),
      areaCode: '330106002',
    },
    { username: 'commander', displayName: '西湖区指挥长', role: 'commander', orgCode: organCode(XIHU, 1) },
    { username: 'auditor', displayName: '数据资源局审计员', role: 'auditor', orgCode: organCode(CITY, 1) },
    { username: 'viewer', displayName: '民政局只读用户', role: 'viewer', orgCode: organCode(CITY, 3) },
  ];

/** On a platform with no accounts, creates `admin` with a random password to be printed once. */
export async function ensureAdmin(
  users: UsersService,
  orgs: OrgsService,
): Promise<{ username: string; password: string } | null> {
  if ((await users.countUsers()) > 0) return null;
  const platform = await orgs.findOrgByCode(organCode(CITY, 1));
  if (!platform) throw new Error('the platform organisation is missing: run the seed first');
  const password = generatePassword();
  await users.createUnchecked(
    {
      username: 'admin',
      displayName: '平台管理员',
      password,
      grants: [{ orgId: platform.id, role: 'platform_admin' }],
    },
    true,
  );
  return { username: 'admin', password };
}

/** Creates the demo accounts that are missing (existing ones keep their passwords). */
export async function ensureDemoAccounts(users: UsersService, orgs: OrgsService): Promise<DemoAccount[]> {
  const out: DemoAccount[] = [];
  for (const spec of demoSpecs) {
    const org = await orgs.findOrgByCode(spec.orgCode);
    if (!org) throw new Error(`demo organisation ${spec.orgCode} is missing`);
    if (!(await users.findUserIdByUsername(spec.username))) {
      await users.createUnchecked(
        {
          username: spec.username,
          displayName: spec.displayName,
          password: DEMO_PASSWORD,
          grants: [{ orgId: org.id, role: spec.role, areaCode: spec.areaCode ?? null }],
        },
        false,
      );
    }
    out.push({ username: spec.username, password: DEMO_PASSWORD, role: spec.role, orgName: org.name });
  }
  return out;
}
