import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AccessEntry } from '@shuzhi/contracts';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { useAccessVerifier } from './access-verify';
import { accessActionLabel, actorKindLabel } from './labels';
import { useAccesses, useHoldings } from './mydata-api';
import { VerdictTag } from './verdict-tag';

const resultColors: Record<string, string> = { ok: 'green', denied: 'red', failed: 'orange' };

/** Dataset names and field titles from my holdings, so an access reads 户籍人口基本信息 · 姓名, not codes. */
const useNames = () => {
  const { data } = useHoldings({ fetch: false });
  return useMemo(() => {
    const datasets = new Map<string, { name: string; fields: Map<string, string> }>();
    for (const h of data?.items ?? [])
      datasets.set(h.datasetCode, {
        name: h.datasetName,
        fields: new Map(h.fields.map((f) => [f.name, f.title])),
      });
    return datasets;
  }, [data]);
};

/** 访问记录: every ledger entry concerning me, each verifiable against the signed checkpoint. */
export const AccessPanel = () => {
  const { t } = useTranslation();
  const accesses = useAccesses();
  const names = useNames();
  const { verdicts, verify } = useAccessVerifier();
  const items = accesses.items;
  const checking = items.some((e) => verdicts.get(e.index)?.state === 'checking');
  const columns: ColumnsType<AccessEntry> = [
    { key: 'time', title: t('myData.accesses.time'), render: (_, e) => formatDateTime(e.time), width: 150 },
    {
      key: 'who',
      title: t('myData.accesses.who'),
      render: (_, e) => (
        <Flex vertical gap={2} data-testid="mydata-access-who">
          <span>
            <Tag bordered={false}>{actorKindLabel(t, e.actorKind)}</Tag>
            {e.actorName}
          </span>
          {e.orgName && <Typography.Text type="secondary">{e.orgName}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'action',
      title: t('myData.accesses.action'),
      render: (_, e) => <span title={e.action}>{accessActionLabel(t, e.action)}</span>,
    },
    {
      key: 'dataset',
      title: t('myData.accesses.dataset'),
      render: (_, e) => (e.dataset ? (names.get(e.dataset)?.name ?? e.dataset) : '—'),
    },
    {
      key: 'fields',
      title: t('myData.accesses.fields'),
      render: (_, e) =>
        e.fields.length === 0 ? (
          '—'
        ) : (
          <Flex gap={4} wrap>
            {e.fields.map((f) => (
              <Tag key={f} bordered={false}>
                {(e.dataset && names.get(e.dataset)?.fields.get(f)) || f}
              </Tag>
            ))}
          </Flex>
        ),
    },
    { key: 'purpose', title: t('myData.accesses.purpose'), render: (_, e) => e.purpose ?? '—' },
    {
      key: 'result',
      title: t('myData.accesses.result'),
      render: (_, e) => (
        <Tag color={resultColors[e.result]}>
          {t(`myData.accesses.results.${e.result}` as 'myData.accesses.results.ok', {
            defaultValue: e.result,
          })}
        </Tag>
      ),
    },
    {
      key: 'proof',
      title: t('myData.accesses.proof'),
      render: (_, e) => {
        const verdict = verdicts.get(e.index);
        return (
          <Flex gap={6} align="center" wrap>
            {verdict && <VerdictTag verdict={verdict} index={e.index} />}
            {verdict?.state !== 'verified' && verdict?.state !== 'checking' && (
              <Button size="small" onClick={() => void verify([e])} data-testid={`mydata-verify-${e.index}`}>
                {t('myData.accesses.verify')}
              </Button>
            )}
          </Flex>
        );
      },
    },
  ];
  return (
    <Flex vertical gap={16} data-testid="mydata-accesses">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 800 }}>
          {t('myData.accesses.intro')}
        </Typography.Paragraph>
        <Button
          icon={<SafetyCertificateOutlined aria-hidden />}
          disabled={items.length === 0}
          loading={checking}
          onClick={() => void verify(items)}
          data-testid="mydata-verify-all"
        >
          {t('myData.accesses.verifyAll')}
        </Button>
      </Flex>
      {accesses.error && <Alert type="error" showIcon title={accesses.error.message} />}
      <Table
        size="small"
        rowKey="index"
        columns={columns}
        dataSource={items}
        loading={accesses.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('myData.accesses.empty') }}
        onRow={(e) => ({ 'data-testid': `mydata-access-${e.index}` }) as HTMLAttributes<HTMLElement>}
      />
      <LoadMore
        hasMore={!!accesses.hasNextPage}
        loading={accesses.isFetchingNextPage}
        onLoad={() => void accesses.fetchNextPage()}
        shown={items.length}
      />
    </Flex>
  );
};
