import { BulbOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dataset, QualityRule } from '@shuzhi/contracts';
import { App, Button, Flex, Popconfirm, Select, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useDeleteRule, useRules, useSuggestRules, useUpdateRule } from './quality-api';
import { paramsText } from './quality-labels';
import { RuleFormModal } from './rule-form-modal';

type Props = { dataset: Dataset; canManage: boolean; sqlAllowed: boolean };

/** A dataset's rules: suggested ones marked; the officer enables, disables, re-grades, adds and deletes. */
export const RulesEditor = ({ dataset, canManage, sqlAllowed }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const rules = useRules(dataset.id);
  const update = useUpdateRule(dataset.id);
  const remove = useDeleteRule(dataset.id);
  const suggest = useSuggestRules(dataset.id);
  const [adding, setAdding] = useState(false);
  const fieldTitle = (name: string | null) =>
    name === null
      ? t('quality.rules.wholeDataset')
      : (dataset.fields.find((f) => f.name === name)?.title ?? name);
  const writable = (r: QualityRule) => canManage && (r.kind !== 'custom_sql' || sqlAllowed);

  const columns: ColumnsType<QualityRule> = [
    {
      key: 'enabled',
      title: t('quality.rules.enabled'),
      width: 80,
      render: (_, r) => (
        <Switch
          size="small"
          checked={r.enabled}
          disabled={!writable(r)}
          aria-label={t('quality.rules.enabled')}
          data-testid={`rule-enabled-${r.kind}-${r.field ?? 'dataset'}`}
          onChange={(enabled) =>
            update.mutate({ id: r.id, patch: { enabled } }, { onError: (e) => showError(e) })
          }
        />
      ),
    },
    {
      key: 'rule',
      title: t('quality.rules.kind'),
      render: (_, r) => (
        <Flex vertical>
          <span>
            {t(`quality.kinds.${r.kind}`)}
            {r.suggested && (
              <Tag color="blue" style={{ marginInlineStart: 8 }}>
                {t('quality.rules.suggested')}
              </Tag>
            )}
          </span>
          <Typography.Text type="secondary">{t(`quality.dimensions.${r.dimension}`)}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'field', title: t('quality.rules.field'), render: (_, r) => fieldTitle(r.field) },
    {
      key: 'params',
      title: t('quality.rules.params'),
      render: (_, r) => (
        <Typography.Text style={{ maxWidth: 320 }} ellipsis={{ tooltip: true }}>
          {paramsText(t, r)}
        </Typography.Text>
      ),
    },
    {
      key: 'severity',
      title: t('quality.rules.severity'),
      render: (_, r) => (
        <Select
          size="small"
          value={r.severity}
          disabled={!writable(r)}
          style={{ width: 96 }}
          onChange={(severity) =>
            update.mutate({ id: r.id, patch: { severity } }, { onError: (e) => showError(e) })
          }
          options={(['error', 'warning'] as const).map((s) => ({
            value: s,
            label: t(`quality.severities.${s}`),
          }))}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, r) =>
        writable(r) && (
          <Popconfirm
            title={t('quality.rules.deleteConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutate(r.id, { onError: (e) => showError(e) })}
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('quality.rules.delete')}
            />
          </Popconfirm>
        ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      {canManage && (
        <Flex gap={8} wrap>
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setAdding(true)}
            data-testid="rule-add"
          >
            {t('quality.rules.add')}
          </Button>
          <Button
            icon={<BulbOutlined aria-hidden />}
            loading={suggest.isPending}
            onClick={() =>
              suggest.mutate(undefined, {
                onSuccess: (r) =>
                  void message.success(t('quality.rules.suggestedCount', { count: r.items.length })),
                onError: (e) => showError(e),
              })
            }
          >
            {t('quality.rules.suggest')}
          </Button>
        </Flex>
      )}
      <Table<QualityRule>
        data-testid="quality-rules"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rules.data ?? []}
        loading={rules.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('quality.rules.empty') }}
      />
      <RuleFormModal
        dataset={dataset}
        open={adding}
        sqlAllowed={sqlAllowed}
        onClose={() => setAdding(false)}
      />
    </Flex>
  );
};
