import { Alert, Card, Descriptions, Flex, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApplicable } from '../../modules/open-access/access-api';
import { AccountBar } from '../../modules/open-access/account-panel';
import { ApplyButton } from '../../modules/open-access/apply-button';
import { VerifyEmailBanner } from '../../modules/open-access/verify-email';
import { PageTitle } from '../../ui/page-title';

/** A stand-alone page to apply for one dataset (`/open/apply/{code}`), for links from anywhere. */
export const ApplyPage = () => {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { data: ds, error, isPending } = useApplicable(code);
  if (error) return <Result status="404" title={t('openAccess.apply.notFound')} />;
  return (
    <>
      <PageTitle title={t('openAccess.apply.pageTitle')} extra={<ApplyButton datasetCode={code} />} />
      <Flex vertical gap={16}>
        <AccountBar />
        <VerifyEmailBanner />
        <Card loading={isPending} data-testid="apply-dataset">
          {ds && (
            <>
              <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
                {ds.name} <Typography.Text code>{ds.code}</Typography.Text>
              </Typography.Title>
              <Typography.Paragraph type="secondary">{ds.description}</Typography.Paragraph>
              {ds.openType === 'unconditional' && (
                <Alert type="success" showIcon title={t('openAccess.apply.notConditional')} />
              )}
              {ds.openType === 'conditional' && ds.level === 'L4' && (
                <Alert type="warning" showIcon title={t('openAccess.apply.closed')} />
              )}
              <Descriptions
                size="small"
                column={1}
                style={{ marginTop: 12 }}
                items={[
                  { key: 'owner', label: t('openAccess.applications.owner'), children: ds.ownerOrgName },
                  {
                    key: 'fields',
                    label: t('openAccess.applications.fields'),
                    children: (
                      <Flex gap={4} wrap>
                        {ds.fields.map((f) => (
                          <Tag key={f.name} color={!f.applicable ? 'default' : f.masked ? 'gold' : 'blue'}>
                            {f.title}
                          </Tag>
                        ))}
                      </Flex>
                    ),
                  },
                ]}
              />
            </>
          )}
        </Card>
        <Flex gap={16}>
          <Link to="/open/applications">{t('openAccess.nav.applications')}</Link>
          <Link to="/open/keys">{t('openAccess.nav.keys')}</Link>
        </Flex>
      </Flex>
    </>
  );
};
