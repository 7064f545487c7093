import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageSpinner } from '../../app/lazy-page';
import { AccessPanel } from '../../modules/mydata/access-panel';
import { ConsentsPanel } from '../../modules/mydata/consents-panel';
import { DisputesPanel } from '../../modules/mydata/disputes-panel';
import { HoldingsPanel } from '../../modules/mydata/holdings-panel';
import { useLogout, useMyDataMe } from '../../modules/mydata/mydata-api';
import { PageTitle } from '../../ui/page-title';

const TABS = ['holdings', 'accesses', 'disputes', 'consents'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => TABS.includes(v as Tab);

const panels: Record<Tab, () => React.JSX.Element> = {
  holdings: HoldingsPanel,
  accesses: AccessPanel,
  disputes: DisputesPanel,
  consents: ConsentsPanel,
};

/** 我的数据: what the government holds about me, who read it, my disputes and my consents. */
export const MyDataPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data: me, isPending, error } = useMyDataMe();
  const logout = useLogout();
  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'holdings';
  if (isPending) return <PageSpinner />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!me) return <Navigate to="/my-data/login" replace />;
  const who = [me.name, me.subjectKey].filter(Boolean).join(' · ');
  return (
    <>
      <PageTitle
        title={t('myData.title')}
        extra={
          <Flex align="center" gap={12} wrap>
            <Typography.Text type="secondary" data-testid="mydata-me">
              <UserOutlined aria-hidden /> {t('myData.signedInAs', { who })}
            </Typography.Text>
            <Button
              icon={<LogoutOutlined aria-hidden />}
              loading={logout.isPending}
              onClick={() =>
                logout.mutate(undefined, { onSettled: () => navigate('/my-data/login', { replace: true }) })
              }
              data-testid="mydata-logout"
            >
              {t('myData.signOut')}
            </Button>
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">{t('myData.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'holdings' ? {} : { tab: key }, { replace: true })}
        items={TABS.map((key) => {
          const Panel = panels[key];
          return {
            key,
            label: <span data-testid={`mydata-tab-${key}`}>{t(`myData.tabs.${key}`)}</span>,
            children: <Panel />,
          };
        })}
      />
    </>
  );
};
