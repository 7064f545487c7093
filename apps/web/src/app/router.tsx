import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth, RequireRole } from './guards';
import { lazyPage } from './lazy-page';
import { navItems } from './nav';
import { PublicLayout } from './public-layout';
import { RouteError } from './route-error';
import { WorkspaceLayout } from './workspace-layout';

const HomePage = lazyPage(() => import('../pages/public/home-page'), 'HomePage');
const PublicAreasPage = lazyPage(() => import('../pages/public/public-areas-page'), 'PublicAreasPage');
const LoginPage = lazyPage(() => import('../pages/auth/login-page'), 'LoginPage');
const NotFoundPage = lazyPage(() => import('../pages/public/not-found-page'), 'NotFoundPage');
const DashboardPage = lazyPage(() => import('../pages/dashboard/dashboard-page'), 'DashboardPage');
const AreasPage = lazyPage(() => import('../pages/areas/areas-page'), 'AreasPage');
const OrgsPage = lazyPage(() => import('../pages/orgs/orgs-page'), 'OrgsPage');
const UsersPage = lazyPage(() => import('../pages/users/users-page'), 'UsersPage');
const ClientsPage = lazyPage(() => import('../pages/clients/clients-page'), 'ClientsPage');
const JobsPage = lazyPage(() => import('../pages/jobs/jobs-page'), 'JobsPage');
const LedgerPage = lazyPage(() => import('../pages/ledger/ledger-page'), 'LedgerPage');
const CatalogPage = lazyPage(() => import('../pages/catalog/catalog-page'), 'CatalogPage');
const DatasetPage = lazyPage(() => import('../pages/catalog/dataset-page'), 'DatasetPage');
const DatasetEditPage = lazyPage(() => import('../pages/catalog/dataset-edit-page'), 'DatasetEditPage');
const DatasetClassifyPage = lazyPage(
  () => import('../pages/catalog/dataset-classify-page'),
  'DatasetClassifyPage',
);
const ClassifyFilePage = lazyPage(() => import('../pages/classify/classify-file-page'), 'ClassifyFilePage');
const ElementsPage = lazyPage(() => import('../pages/catalog/elements-page'), 'ElementsPage');
const ConflictsPage = lazyPage(() => import('../pages/catalog/conflicts-page'), 'ConflictsPage');
const PublicCatalogPage = lazyPage(() => import('../pages/catalog/public-catalog-page'), 'PublicCatalogPage');
const DatasetPrivacyPage = lazyPage(
  () => import('../pages/privacy/dataset-privacy-page'),
  'DatasetPrivacyPage',
);
const PsiPage = lazyPage(() => import('../pages/privacy/psi-page'), 'PsiPage');
const QualityPage = lazyPage(() => import('../pages/quality/quality-page'), 'QualityPage');
const DatasetQualityPage = lazyPage(
  () => import('../pages/quality/dataset-quality-page'),
  'DatasetQualityPage',
);
const ComplaintsPage = lazyPage(() => import('../pages/quality/complaints-page'), 'ComplaintsPage');
const CalendarPage = lazyPage(() => import('../pages/quality/calendar-page'), 'CalendarPage');
const PasswordPage = lazyPage(() => import('../pages/account/password-page'), 'PasswordPage');
const RequestsPage = lazyPage(() => import('../pages/open-community/requests-page'), 'RequestsPage');
const RequestAskPage = lazyPage(() => import('../pages/open-community/request-ask-page'), 'RequestAskPage');
const RequestPage = lazyPage(() => import('../pages/open-community/request-page'), 'RequestPage');
const OpenRequestsInboxPage = lazyPage(
  () => import('../pages/open-community/inbox-page'),
  'OpenRequestsInboxPage',
);
const OpenHomePage = lazyPage(() => import('../pages/portal/open-home-page'), 'OpenHomePage');
const OpenSearchPage = lazyPage(() => import('../pages/portal/open-search-page'), 'OpenSearchPage');
const OpenDatasetPage = lazyPage(() => import('../pages/portal/open-dataset-page'), 'OpenDatasetPage');
const OpenOrgsPage = lazyPage(() => import('../pages/portal/open-orgs-page'), 'OpenOrgsPage');
const OpenOrgPage = lazyPage(() => import('../pages/portal/open-org-page'), 'OpenOrgPage');
const MyKeysPage = lazyPage(() => import('../pages/open-access/my-keys-page'), 'MyKeysPage');
const MyApplicationsPage = lazyPage(
  () => import('../pages/open-access/my-applications-page'),
  'MyApplicationsPage',
);
const ApplyPage = lazyPage(() => import('../pages/open-access/apply-page'), 'ApplyPage');
const OpenApplicationsInboxPage = lazyPage(
  () => import('../pages/open-access/inbox-page'),
  'OpenApplicationsInboxPage',
);
const MyDataLoginPage = lazyPage(() => import('../pages/mydata/login-page'), 'MyDataLoginPage');
const MyDataPage = lazyPage(() => import('../pages/mydata/my-data-page'), 'MyDataPage');
const ShareApplyPage = lazyPage(() => import('../pages/sharing/apply-page'), 'ShareApplyPage');
const ShareRequestsPage = lazyPage(() => import('../pages/sharing/requests-page'), 'ShareRequestsPage');
const ShareRequestPage = lazyPage(() => import('../pages/sharing/request-page'), 'ShareRequestPage');
const ShareGrantsPage = lazyPage(() => import('../pages/sharing/grants-page'), 'ShareGrantsPage');
const ShareConsolePage = lazyPage(() => import('../pages/sharing/console-page'), 'ShareConsolePage');
const ShareUsagePage = lazyPage(() => import('../pages/sharing/usage-page'), 'ShareUsagePage');

/** Wraps a workspace page in the role gate its nav entry declares. */
const gated = (navKey: string, page: ReactNode) => {
  const roles = navItems.find((item) => item.key === navKey)?.roles;
  return roles ? <RequireRole roles={roles}>{page}</RequireRole> : page;
};

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/areas', element: <PublicAreasPage /> },
      { path: '/catalog', element: <PublicCatalogPage /> },
      { path: '/open/requests', element: <RequestsPage /> },
      { path: '/open/requests/new', element: <RequestAskPage /> },
      { path: '/open/requests/:id', element: <RequestPage /> },
      { path: '/open', element: <OpenHomePage /> },
      { path: '/open/datasets', element: <OpenSearchPage /> },
      { path: '/open/datasets/:name', element: <OpenDatasetPage /> },
      { path: '/open/organizations', element: <OpenOrgsPage /> },
      { path: '/open/organizations/:name', element: <OpenOrgPage /> },
      { path: '/open/keys', element: <MyKeysPage /> },
      { path: '/open/applications', element: <MyApplicationsPage /> },
      { path: '/open/apply/:code', element: <ApplyPage /> },
      { path: '/my-data', element: <MyDataPage /> },
      { path: '/my-data/login', element: <MyDataLoginPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/workspace',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <WorkspaceLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'catalog', element: gated('catalog', <CatalogPage />) },
      { path: 'catalog/new', element: gated('catalog', <DatasetEditPage />) },
      { path: 'catalog/elements', element: gated('catalog', <ElementsPage />) },
      { path: 'conflicts', element: gated('conflicts', <ConflictsPage />) },
      { path: 'catalog/:id', element: gated('catalog', <DatasetPage />) },
      { path: 'catalog/:id/edit', element: gated('catalog', <DatasetEditPage />) },
      { path: 'catalog/:id/classification', element: gated('catalog', <DatasetClassifyPage />) },
      { path: 'catalog/:id/privacy', element: gated('catalog', <DatasetPrivacyPage />) },
      { path: 'privacy', element: gated('privacy', <PsiPage />) },
      { path: 'classify', element: gated('classify', <ClassifyFilePage />) },
      { path: 'quality', element: gated('quality', <QualityPage />) },
      { path: 'quality/complaints', element: gated('complaints', <ComplaintsPage />) },
      { path: 'quality/calendar', element: gated('quality', <CalendarPage />) },
      { path: 'quality/datasets/:id', element: gated('quality', <DatasetQualityPage />) },
      { path: 'open/requests', element: gated('openRequests', <OpenRequestsInboxPage />) },
      { path: 'open/applications', element: gated('openApplications', <OpenApplicationsInboxPage />) },
      { path: 'sharing/apply/:code', element: gated('sharingRequests', <ShareApplyPage />) },
      { path: 'sharing/requests', element: gated('sharingRequests', <ShareRequestsPage />) },
      { path: 'sharing/requests/:id', element: gated('sharingRequests', <ShareRequestPage />) },
      { path: 'sharing/grants', element: gated('sharingGrants', <ShareGrantsPage />) },
      { path: 'sharing/console/:grantId', element: gated('sharingGrants', <ShareConsolePage />) },
      { path: 'sharing/usage', element: gated('sharingUsage', <ShareUsagePage />) },
      { path: 'areas', element: gated('areas', <AreasPage />) },
      { path: 'orgs', element: gated('orgs', <OrgsPage />) },
      { path: 'users', element: gated('users', <UsersPage />) },
      { path: 'clients', element: gated('clients', <ClientsPage />) },
      { path: 'jobs', element: gated('jobs', <JobsPage />) },
      // Not gated: the checkpoint is public, so every signed-in user may open the page; it hides the entries.
      { path: 'ledger', element: <LedgerPage /> },
      { path: 'password', element: <PasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
