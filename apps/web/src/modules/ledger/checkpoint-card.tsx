import { Alert, Card, Collapse, Descriptions, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCheckpoint, useVerifierKey } from './ledger-api';

const mono = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  wordBreak: 'break-all',
} as const;

/** The latest signed checkpoint and the key that verifies it: public, shown to everyone. */
export const CheckpointCard = () => {
  const { t } = useTranslation();
  const checkpoint = useCheckpoint();
  const vkey = useVerifierKey();
  const cp = checkpoint.data;
  return (
    <Card
      title={t('ledger.checkpoint')}
      extra={<Typography.Text type="secondary">{t('ledger.autoRefresh')}</Typography.Text>}
      data-testid="ledger-checkpoint"
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">{t('ledger.checkpointHint')}</Typography.Paragraph>
      {checkpoint.error && (
        <Alert type="error" showIcon title={checkpoint.error.message} style={{ marginBottom: 12 }} />
      )}
      {checkpoint.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
      {cp && (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'origin', label: t('ledger.origin'), children: <span style={mono}>{cp.origin}</span> },
              {
                key: 'size',
                label: t('ledger.size'),
                children: <span data-testid="ledger-size">{cp.size}</span>,
              },
              {
                key: 'root',
                label: t('ledger.root'),
                children: (
                  <Typography.Text copyable style={mono} data-testid="ledger-root">
                    {cp.root}
                  </Typography.Text>
                ),
              },
              {
                key: 'vkey',
                label: t('ledger.verifierKey'),
                children: vkey.data ? (
                  <Typography.Text copyable style={mono} data-testid="ledger-verifier-key">
                    {vkey.data}
                  </Typography.Text>
                ) : (
                  (vkey.error?.message ?? '…')
                ),
              },
            ]}
          />
          <Collapse
            size="small"
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'note',
                label: t('ledger.rawNote'),
                children: (
                  <Typography.Paragraph copyable={{ text: cp.note }} style={{ marginBottom: 0 }}>
                    <pre style={{ ...mono, whiteSpace: 'pre-wrap', margin: 0 }}>{cp.note}</pre>
                  </Typography.Paragraph>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
};
