import type { Application } from '@shuzhi/contracts';
import { Alert, App, Button, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../../app/api-errors';
import { useMyApplications, useOpenAccount, useWithdraw } from '../../modules/open-access/access-api';
import { AccountBar, RequireOpenAccount } from '../../modules/open-access/account-panel';
import { ApplicationTable } from '../../modules/open-access/application-table';
import { PageTitle } from '../../ui/page-title';

const Mine = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: account } = useOpenAccount();
  const list = useMyApplications(!!account);
  const withdraw = useWithdraw();
  const showError = useShowError();
  const actions = (a: Application) =>
    a.status === 'pending' ? (
      <Popconfirm
        title={t('openAccess.applications.withdrawConfirm')}
        okText={t('openAccess.applications.withdraw')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          withdraw.mutateAsync(a.id).then(
            () => void message.success(t('openAccess.applications.withdrawn')),
            (err) => showError(err),
          )
        }
      >
        <Button type="link" size="small">
          {t('openAccess.applications.withdraw')}
        </Button>
      </Popconfirm>
    ) : a.status === 'approved' ? (
      <Typography.Text code copyable style={{ fontSize: 12 }}>
        {`GET /api/v1/open/datasets/${a.datasetCode}/records`}
      </Typography.Text>
    ) : null;
  return (
    <Flex vertical gap={16}>
      <AccountBar />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('openAccess.applications.intro')} <Link to="/open/keys">{t('openAccess.nav.keys')}</Link>
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <ApplicationTable
        items={list.data?.items ?? []}
        loading={list.isPending}
        view="mine"
        actions={actions}
        testId="my-applications"
        empty={t('openAccess.applications.empty')}
      />
    </Flex>
  );
};

/** 我的申请: the applicant follows status, deadline and outcome of their applications. */
export const MyApplicationsPage = () => {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('openAccess.applications.title')} />
      <RequireOpenAccount>
        <Mine />
      </RequireOpenAccount>
    </>
  );
};
