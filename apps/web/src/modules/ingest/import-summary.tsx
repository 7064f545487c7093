import { CheckCircleFilled } from '@ant-design/icons';
import type { DataImport } from '@shuzhi/contracts';
import { Col, Flex, Progress, Row, Statistic, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { isActiveImport } from './ingest-api';
import { formatCount, ImportStatusTag } from './ingest-labels';

const Counter = ({
  title,
  value,
  testId,
  color,
}: {
  title: string;
  value: number;
  testId: string;
  color?: string;
}) => (
  <Statistic
    title={title}
    value={value}
    styles={{ content: { color } }}
    formatter={() => (
      <span data-testid={testId} data-value={value}>
        {formatCount(value)}
      </span>
    )}
  />
);

/** Status, a bar of the rows read (loaded in green, rejected in red) and the three counters. */
export const ImportSummary = ({ imp }: { imp: DataImport }) => {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { rowsRead: read, rowsLoaded: loaded, rowsRejected: rejected } = imp;
  const accounted = loaded + rejected;
  const share = (n: number) => (read > 0 ? Math.round((n / read) * 1000) / 10 : 0);
  const active = isActiveImport(imp);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <ImportStatusTag status={imp.status} testId="import-status" />
        <Typography.Text type="secondary">{t('ingest.rowsRead', { count: read })}</Typography.Text>
      </Flex>
      <div data-testid="import-progress" data-read={read} data-active={active}>
        <Progress
          percent={share(accounted)}
          success={{ percent: share(loaded), strokeColor: token.colorSuccess }}
          strokeColor={token.colorError}
          status={active ? 'active' : imp.status === 'failed' ? 'exception' : 'normal'}
          format={() => formatCount(read)}
          aria-label={t('ingest.rowsRead', { count: read })}
        />
      </div>
      <Row gutter={16}>
        <Col span={8}>
          <Counter title={t('ingest.read')} value={read} testId="import-read" />
        </Col>
        <Col span={8}>
          <Counter
            title={t('ingest.loaded')}
            value={loaded}
            testId="import-loaded"
            color={token.colorSuccess}
          />
        </Col>
        <Col span={8}>
          <Counter
            title={t('ingest.rejected')}
            value={rejected}
            testId="import-rejected"
            color={rejected > 0 ? token.colorError : undefined}
          />
        </Col>
      </Row>
      {accounted === read && (
        <Tooltip title={t('ingest.invariantHint')}>
          <Typography.Text type="success" data-testid="import-invariant" style={{ width: 'fit-content' }}>
            <CheckCircleFilled aria-hidden />{' '}
            {t('ingest.invariant', {
              loaded: formatCount(loaded),
              rejected: formatCount(rejected),
              read: formatCount(read),
            })}
          </Typography.Text>
        </Tooltip>
      )}
    </Flex>
  );
};
