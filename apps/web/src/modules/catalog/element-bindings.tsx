import { DeleteOutlined, KeyOutlined, LinkOutlined, SyncOutlined } from '@ant-design/icons';
import type { ElementBinding, ElementCheckStats } from '@shuzhi/contracts';
import { Alert, App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../../app/api-errors';
import { formatDateTime } from '../../ui/format';
import type { ElementRow } from './catalog-api';
import { useCheckJob, useRemoveBinding, useStartCheck } from './conflicts-api';

type Props = {
  element: ElementRow;
  admin: boolean;
  onBind: (e: ElementRow) => void;
  onSetKey: (e: ElementRow) => void;
};

export const CheckStats = ({ stats }: { stats: ElementCheckStats }) => {
  const { t } = useTranslation();
  return (
    <Flex vertical>
      <Typography.Text>{t('catalog.elements.stats', stats)}</Typography.Text>
      <Typography.Text type="secondary">{formatDateTime(stats.checkedAt)}</Typography.Text>
    </Flex>
  );
};

/** An element's authoritative source and the datasets bound to it, with the admin's actions. */
export const ElementBindings = ({ element, admin, onBind, onSetKey }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const remove = useRemoveBinding();
  const start = useStartCheck();
  const [jobId, setJobId] = useState<string>();
  const job = useCheckJob(jobId).data;
  const running = !!jobId && (!job || job.status === 'queued' || job.status === 'running');

  const columns: ColumnsType<ElementBinding> = [
    {
      key: 'dataset',
      title: t('catalog.elements.bindDataset'),
      render: (_, b) => (
        <Flex vertical>
          <Link to={`/workspace/catalog/${b.datasetId}`}>{b.datasetName}</Link>
          <Typography.Text type="secondary">{b.ownerOrgName}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'fields',
      title: `${t('catalog.elements.valueField')} / ${t('catalog.elements.bindKeyField')}`,
      render: (_, b) => (
        <Flex vertical gap={4}>
          <Typography.Text code>{b.valueField}</Typography.Text>
          <Typography.Text code>{b.keyField}</Typography.Text>
          {Object.keys(b.valueMap).length > 0 && (
            <Typography.Text type="secondary">
              {t('catalog.elements.valueMapCount', { count: Object.keys(b.valueMap).length })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'check',
      title: t('catalog.elements.lastCheck'),
      render: (_, b) => (
        <Flex vertical gap={4}>
          {b.lastCheck ? (
            <CheckStats stats={b.lastCheck} />
          ) : (
            <Typography.Text type="secondary">{t('catalog.elements.neverChecked')}</Typography.Text>
          )}
          {b.lastError && (
            <Flex vertical data-testid="binding-error">
              <Typography.Text type="danger">{t('catalog.elements.lastError')}</Typography.Text>
              <Typography.Text type="secondary">{b.lastError}</Typography.Text>
            </Flex>
          )}
        </Flex>
      ),
    },
    ...(admin
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, b: ElementBinding) => (
              <Popconfirm
                title={t('catalog.elements.unbindConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutate(
                    { code: element.code, id: b.id },
                    {
                      onSuccess: () => void message.success(t('catalog.elements.unbound')),
                      onError: (err) => showError(err),
                    },
                  )
                }
              >
                <Button danger size="small" icon={<DeleteOutlined aria-hidden />}>
                  {t('catalog.elements.unbind')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12} data-testid={`element-bindings-${element.code}`}>
      <Typography.Text strong>{t('catalog.elements.bindingsOf', { name: element.name })}</Typography.Text>
      <Typography.Text>
        <Tag color="gold">{t('catalog.elements.authoritativeRole')}</Tag>
        <Link to={`/workspace/catalog/${element.authoritativeDatasetId}`}>
          {element.authoritativeDatasetName}
        </Link>
        {' · '}
        <Typography.Text code>{element.fieldName}</Typography.Text>
        {element.keyField && (
          <>
            {' · '}
            {t('catalog.elements.keyField')} <Typography.Text code>{element.keyField}</Typography.Text> (
            {t(`catalog.elements.keyTypes.${element.keyType}`)})
          </>
        )}
      </Typography.Text>
      {!element.keyField && <Alert type="warning" showIcon title={t('catalog.elements.keyMissing')} />}
      {admin && (
        <Flex gap={8} wrap>
          <Button
            icon={<KeyOutlined aria-hidden />}
            onClick={() => onSetKey(element)}
            data-testid="element-set-key"
          >
            {t('catalog.elements.setKey')}
          </Button>
          <Button
            icon={<LinkOutlined aria-hidden />}
            disabled={!element.keyField}
            onClick={() => onBind(element)}
            data-testid="element-bind"
          >
            {t('catalog.elements.bind')}
          </Button>
          <Button
            type="primary"
            icon={<SyncOutlined aria-hidden spin={running} />}
            disabled={!element.keyField || element.bindings.length === 0}
            loading={start.isPending}
            onClick={() =>
              start.mutate(element.code, {
                onSuccess: (j) => {
                  setJobId(j.id);
                  void message.info(t('catalog.elements.checkQueued'));
                },
                onError: (err) => showError(err),
              })
            }
            data-testid="element-check"
          >
            {running ? t('catalog.elements.checkRunning') : t('catalog.elements.check')}
          </Button>
        </Flex>
      )}
      {job?.status === 'succeeded' && (
        <Alert
          type="success"
          showIcon
          title={t('catalog.elements.checkDone')}
          data-testid="element-check-done"
        />
      )}
      {(job?.status === 'failed' || job?.status === 'cancelled') && (
        <Alert
          type="error"
          showIcon
          title={t('catalog.elements.checkFailed', { error: job.error ?? job.status })}
        />
      )}
      <Table<ElementBinding>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={element.bindings}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('catalog.elements.bindingsEmpty') }}
      />
    </Flex>
  );
};
