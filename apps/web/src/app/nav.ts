import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  LineChartOutlined,
  LockOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
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
    .filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.key;
