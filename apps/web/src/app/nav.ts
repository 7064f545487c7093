import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  KeyOutlined,
  LineChartOutlined,
  LockOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ShareAltOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Role } from '@shuzhi/contracts';
import type { ParseKeys } from 'i18next';
import type { ComponentType } from 'react';

export type NavItem = {
  key: string;
  /** Absolute path under /workspace. */
  path: string;
  /** Translation key of the menu label; add it to both locale files. */
  labelKey: ParseKeys;
  icon: ComponentType<{ 'aria-hidden'?: boolean }>;
  /** Only actors holding one of these roles see the entry (and may open the page). */
  roles?: Role[];
  /** Other paths whose pages belong to this entry (highlighted in the menu there). */
  also?: string[];
};

/** The workspace menu. A new module adds one entry here and one route in router.tsx. */
export const navItems: NavItem[] = [
  { key: 'dashboard', path: '/workspace', labelKey: 'nav.dashboard', icon: DashboardOutlined },
  { key: 'catalog', path: '/workspace/catalog', labelKey: 'nav.catalog', icon: DatabaseOutlined },
  { key: 'conflicts', path: '/workspace/conflicts', labelKey: 'nav.conflicts', icon: WarningOutlined },
  { key: 'quality', path: '/workspace/quality', labelKey: 'nav.quality', icon: LineChartOutlined },
  {
    key: 'complaints',
    path: '/workspace/quality/complaints',
    labelKey: 'nav.complaints',
    icon: MessageOutlined,
  },
  {
    key: 'openRequests',
    path: '/workspace/open/requests',
    labelKey: 'nav.openRequests',
    icon: FileSearchOutlined,
    roles: ['platform_admin', 'data_officer'],
  },
  {
    key: 'openApplications',
    path: '/workspace/open/applications',
    labelKey: 'openAccess.nav.inbox',
    icon: FileProtectOutlined,
    roles: ['platform_admin', 'data_officer'],
  },
  {
    key: 'sharingRequests',
    path: '/workspace/sharing/requests',
    labelKey: 'sharing.nav.requests',
    icon: ShareAltOutlined,
    roles: ['platform_admin', 'data_officer', 'approver'],
    also: ['/workspace/sharing/apply'],
  },
  {
    key: 'sharingGrants',
    path: '/workspace/sharing/grants',
    labelKey: 'sharing.nav.grants',
    icon: KeyOutlined,
    roles: ['platform_admin', 'data_officer', 'approver'],
    also: ['/workspace/sharing/console'],
  },
  {
    key: 'sharingUsage',
    path: '/workspace/sharing/usage',
    labelKey: 'sharing.nav.usage',
    icon: BarChartOutlined,
    roles: ['platform_admin', 'data_officer', 'approver'],
  },
  { key: 'classify', path: '/workspace/classify', labelKey: 'nav.classify', icon: SafetyCertificateOutlined },
  {
    key: 'privacy',
    path: '/workspace/privacy',
    labelKey: 'nav.privacy',
    icon: LockOutlined,
    roles: ['platform_admin', 'data_officer'],
  },
  { key: 'areas', path: '/workspace/areas', labelKey: 'nav.areas', icon: EnvironmentOutlined },
  { key: 'orgs', path: '/workspace/orgs', labelKey: 'nav.orgs', icon: ApartmentOutlined },
  {
    key: 'users',
    path: '/workspace/users',
    labelKey: 'nav.users',
    icon: TeamOutlined,
    roles: ['platform_admin'],
  },
  {
    key: 'clients',
    path: '/workspace/clients',
    labelKey: 'nav.clients',
    icon: ApiOutlined,
    roles: ['platform_admin'],
  },
  { key: 'jobs', path: '/workspace/jobs', labelKey: 'nav.jobs', icon: ScheduleOutlined },
  {
    key: 'ledger',
    path: '/workspace/ledger',
    labelKey: 'nav.ledger',
    icon: AuditOutlined,
    roles: ['auditor'],
  },
];

/** The entry whose path is the longest prefix of the current location. */
export const activeNavKey = (pathname: string): string | undefined =>
  navItems
    .flatMap((item) => [item.path, ...(item.also ?? [])].map((path) => ({ key: item.key, path })))
    .filter(({ path }) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.key;
