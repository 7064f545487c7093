import type { ConsentRecord } from '@shuzhi/contracts';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Collapse,
  Flex,
  Popconfirm,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { formatDateTime } from '../../ui/format';
import { ConsentForm } from './consent-form';
import { mono } from './labels';
import { useConsentKey, useConsents, useWithdrawConsent } from './mydata-api';

const PREFIX = 12;

const HashCell = ({ hash, testId }: { hash: string; testId: string }) => (
  <Tooltip title={<span style={mono}>{hash}</span>}>
    <Typography.Text style={mono} data-testid={testId}>
      {hash.slice(0, PREFIX)}…
    </Typography.Text>
  </Tooltip>
);

const WithdrawButton = ({ record }: { record: ConsentRecord }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const withdraw = useWithdrawConsent();
  const showError = useShowError();
  return (
    <Popconfirm
      title={t('myData.consents.withdrawConfirm')}
      okText={t('myData.consents.withdraw')}
      cancelText={t('common.cancel')}
      okButtonProps={
        {
          danger: true,
          loading: withdraw.isPending,
          'data-testid': 'mydata-consent-withdraw-ok',
        } as ButtonProps
      }
      onConfirm={() =>
        withdraw.mutateAsync(record.id).then(
          () => void message.success(t('myData.consents.withdrawn')),
          (err) => showError(err),
        )
      }
    >
      <Button size="small" danger data-testid={`mydata-consent-withdraw-${record.seq}`}>
        {t('myData.consents.withdraw')}
      </Button>
    </Popconfirm>
  );
};

const PublicKey = () => {
  const { t } = useTranslation();
  const key = useConsentKey();
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'key',
          label: t('myData.consents.key'),
          children: (
            <Flex vertical gap={8}>
              <Typography.Text type="secondary">{t('myData.consents.keyHint')}</Typography.Text>
              {key.error ? (
                <Alert type="warning" showIcon title={key.error.message} />
              ) : (
                <Typography.Paragraph copyable={key.data ? { text: key.data } : false} style={{ margin: 0 }}>
                  <pre
                    style={{ ...mono, whiteSpace: 'pre-wrap', margin: 0 }}
                    data-testid="mydata-consent-key"
                  >
                    {key.data ?? '…'}
                  </pre>
                </Typography.Paragraph>
              )}
            </Flex>
          ),
        },
      ]}
    />
  );
};

/** 授权同意: my consents as a signed hash chain, with grant and withdraw. */
export const ConsentsPanel = () => {
  const { t } = useTranslation();
  const consents = useConsents();
  const items = consents.data?.items ?? [];
  const seqOf = new Map(items.map((c) => [c.id, c.seq]));
  const columns: ColumnsType<ConsentRecord> = [
    { key: 'seq', title: t('myData.consents.seq'), dataIndex: 'seq', width: 64 },
    {
      key: 'action',
      title: t('myData.consents.action'),
      render: (_, c) => (
        <Tag color={c.action === 'grant' ? 'blue' : 'orange'}>{t(`myData.consents.actions.${c.action}`)}</Tag>
      ),
    },
    {
      key: 'scope',
      title: t('myData.consents.scope'),
      render: (_, c) => t(`myData.consents.scopes.${c.scope}`),
    },
    { key: 'party', title: t('myData.consents.party'), render: (_, c) => c.partyName ?? '—' },
    { key: 'purpose', title: t('myData.consents.purpose'), dataIndex: 'purpose' },
    { key: 'time', title: t('myData.consents.time'), render: (_, c) => formatDateTime(c.createdAt) },
    {
      key: 'hash',
      title: t('myData.consents.hash'),
      render: (_, c) => <HashCell hash={c.hash} testId="mydata-consent-hash" />,
    },
    {
      key: 'prev',
      title: t('myData.consents.prevHash'),
      render: (_, c) => <HashCell hash={c.prevHash} testId="mydata-consent-prev" />,
    },
    {
      key: 'state',
      title: t('myData.consents.state'),
      render: (_, c) =>
        c.action === 'withdraw' ? (
          <Typography.Text type="secondary">
            {t('myData.consents.withdrawsSeq', { seq: (c.withdraws && seqOf.get(c.withdraws)) ?? '?' })}
          </Typography.Text>
        ) : (
          <Flex gap={6} align="center" wrap>
            <Tag color={c.active ? 'green' : 'default'} data-testid="mydata-consent-state">
              {c.active ? t('myData.consents.active') : t('myData.consents.inactive')}
            </Tag>
            {c.active && <WithdrawButton record={c} />}
          </Flex>
        ),
    },
  ];
  return (
    <Flex vertical gap={16} data-testid="mydata-consents">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('myData.consents.intro')}
      </Typography.Paragraph>
      {consents.error && <Alert type="error" showIcon title={consents.error.message} />}
      {consents.data && (
        <Alert
          type={consents.data.chainValid ? 'success' : 'error'}
          showIcon
          title={
            consents.data.chainValid ? t('myData.consents.chainValid') : t('myData.consents.chainInvalid')
          }
          data-testid="mydata-chain-valid"
        />
      )}
      <ConsentForm />
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('myData.consents.chain')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={consents.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('myData.consents.empty') }}
        data-testid="mydata-consent-chain"
      />
      <PublicKey />
    </Flex>
  );
};
