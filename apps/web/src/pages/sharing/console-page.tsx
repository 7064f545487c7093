import type { ShareSide } from '@shuzhi/contracts';
import { Alert, Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ConsoleCredentials } from '../../modules/sharing/console-credentials';
import { ConsolePanels } from '../../modules/sharing/console-panels';
import { ConsoleResponse } from '../../modules/sharing/console-response';
import { type GatewayResult, gatewayPath } from '../../modules/sharing/gateway-client';
import { useShareableDataset, useShareGrants } from '../../modules/sharing/sharing-api';
import { AreaText, DatasetName, FieldTags, GrantStatusTag } from '../../modules/sharing/sharing-labels';
import { PageTitle } from '../../ui/page-title';

/** API 调试: try the sharing gateway as the grant's app, with its credentials held in memory only. */
export const ShareConsolePage = () => {
  const { t } = useTranslation();
  const { grantId } = useParams();
  const [params] = useSearchParams();
  const side = (params.get('side') as ShareSide | null) ?? 'consumer';
  const grants = useShareGrants(side);
  const grant = grants.data?.items.find((g) => g.id === grantId);
  const dataset = useShareableDataset(grant?.datasetCode);
  const [token, setToken] = useState<string | null>(null);
  const [result, setResult] = useState<GatewayResult | null>(null);
  const back = <Link to={`/workspace/sharing/grants?side=${side}`}>← {t('sharing.console.back')}</Link>;
  if (grants.error) return <Result status="error" title={grants.error.message} extra={back} />;
  if (grants.isPending) return <Skeleton active />;
  if (!grant) return <Result status="404" title={t('sharing.console.notFound')} extra={back} />;
  const openapi = gatewayPath(grant.datasetCode, '/openapi.json');
  return (
    <div data-testid="share-console">
      {back}
      <PageTitle
        title={
          <span>
            {t('sharing.console.title')} · <DatasetName name={grant.datasetName} code={grant.datasetCode} />
          </span>
        }
        extra={
          <a href={openapi} target="_blank" rel="noreferrer" data-testid="console-openapi">
            {t('sharing.console.openapi')}
          </a>
        }
      />
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('sharing.console.intro')}
        </Typography.Paragraph>
        <Card size="small" title={t('sharing.console.grantFacts')}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'status',
                label: t('sharing.common.status'),
                children: <GrantStatusTag status={grant.status} />,
              },
              {
                key: 'app',
                label: t('sharing.common.app'),
                children: `${grant.app.name}（${grant.app.clientId}）`,
              },
              {
                key: 'fields',
                label: t('sharing.common.fields'),
                span: 2,
                children: <FieldTags fields={grant.fields} />,
              },
              {
                key: 'period',
                label: t('sharing.common.period'),
                children: `${grant.periodStart} ~ ${grant.periodEnd}`,
              },
              {
                key: 'quota',
                label: t('sharing.grants.callsToday'),
                children: `${grant.callsToday.toLocaleString()} / ${grant.dailyQuota.toLocaleString()}`,
              },
              {
                key: 'area',
                label: t('sharing.common.area'),
                children: <AreaText field={grant.areaField} code={grant.areaCode} />,
              },
            ]}
          />
        </Card>
        <ConsoleCredentials clientId={grant.app.clientId} token={token} onToken={setToken} />
        <Card size="small">
          {!token && (
            <Alert type="info" showIcon title={t('sharing.console.needToken')} style={{ marginBottom: 12 }} />
          )}
          {dataset.isPending && grant.datasetCode ? (
            <Skeleton active />
          ) : (
            <ConsolePanels
              grant={grant}
              keyFields={dataset.data?.keyFields ?? []}
              token={token}
              onResult={setResult}
            />
          )}
        </Card>
        <ConsoleResponse result={result} />
      </Flex>
    </div>
  );
};
