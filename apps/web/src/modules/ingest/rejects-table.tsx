import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RejectedRow, useRejects } from './ingest-api';

const PAGE_SIZE = 10;

const Values = ({ values }: { values: RejectedRow['values'] }) => {
  if (!values) return <Typography.Text type="secondary">—</Typography.Text>;
  const text = Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return (
    <Typography.Text code ellipsis={{ tooltip: text }} style={{ maxWidth: 360 }}>
      {text}
    </Typography.Text>
  );
};

/** The rejected rows of one import, a page at a time; the server's cursors make the pages. */
export const RejectsTable = ({ importId, live = false }: { importId: string; live?: boolean }) => {
  const { t } = useTranslation();
  // cursors[i] opens page i; the first page has none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const pageIndex = cursors.length - 1;
  const { data, isFetching, error } = useRejects(importId, cursors[pageIndex], PAGE_SIZE, live);
  const columns: ColumnsType<RejectedRow> = [
    { key: 'rowNumber', title: t('ingest.rowNumber'), dataIndex: 'rowNumber', width: 90 },
    {
      key: 'reason',
      title: t('ingest.reason'),
      render: (_, row) => <span title={row.code}>{row.reason}</span>,
    },
    { key: 'values', title: t('ingest.values'), render: (_, row) => <Values values={row.values} /> },
  ];
  if (error) return <Typography.Text type="danger">{error.message}</Typography.Text>;
  const next = data?.nextCursor ?? null;
  return (
    <Flex vertical gap={8}>
      <Table<RejectedRow>
        data-testid="import-rejects-table"
        rowKey={(row) => `${row.rowNumber}-${row.code}`}
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ingest.rejectsNone') }}
      />
      {(pageIndex > 0 || next) && (
        <Flex justify="end" align="center" gap={8}>
          <Button
            size="small"
            icon={<LeftOutlined aria-hidden />}
            aria-label={t('ingest.prevPage')}
            disabled={pageIndex === 0 || isFetching}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          />
          <Typography.Text>{t('ingest.pageN', { n: pageIndex + 1 })}</Typography.Text>
          <Button
            size="small"
            icon={<RightOutlined aria-hidden />}
            aria-label={t('ingest.nextPage')}
            disabled={!next || isFetching}
            onClick={() => next && setCursors((c) => [...c, next])}
          />
        </Flex>
      )}
    </Flex>
  );
};
