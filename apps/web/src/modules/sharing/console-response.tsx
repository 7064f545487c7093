import { Alert, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsoleRecords } from './console-records';
import type { GatewayResult } from './gateway-client';

/** The gateway's answer: the call, its status and time, the problem when refused, and the JSON. */
export const ConsoleResponse = ({ result }: { result: GatewayResult | null }) => {
  const { t } = useTranslation();
  return (
    <Card title={t('sharing.console.response')} size="small" data-testid="console-response">
      {!result ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sharing.console.noResponse')} />
      ) : (
        <Flex vertical gap={8}>
          <Flex gap={8} align="center" wrap>
            <Tag
              color={result.status >= 200 && result.status < 300 ? 'success' : 'error'}
              data-testid="console-status"
            >
              {result.status || '—'}
            </Tag>
            <Typography.Text code style={{ wordBreak: 'break-all' }}>
              {result.method} {decodeURI(result.url)}
            </Typography.Text>
            <Typography.Text type="secondary">{result.ms} ms</Typography.Text>
          </Flex>
          {result.problem && (
            <Alert
              type="error"
              showIcon
              data-testid="console-problem"
              title={`${result.problem.title}${result.problem.code ? ` (${result.problem.code})` : ''}`}
              description={result.problem.detail}
            />
          )}
          <ConsoleRecords body={result.body} />
          <pre
            data-testid="console-json"
            style={{
              margin: 0,
              maxHeight: 480,
              overflow: 'auto',
              background: '#f6f8fa',
              padding: 12,
              borderRadius: 6,
              fontSize: 12,
            }}
          >
            {typeof result.body === 'string' ? result.body : JSON.stringify(result.body, null, 2)}
          </pre>
        </Flex>
      )}
    </Card>
  );
};
