import { ApartmentOutlined, ReloadOutlined } from '@ant-design/icons';
import { ConflictStatus, type ElementConflict } from '@shuzhi/contracts';
import { Alert, Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDataElements } from '../../modules/catalog/catalog-api';
import { ConflictResolveModal } from '../../modules/catalog/conflict-resolve-modal';
import { ConflictSummaryPanel } from '../../modules/catalog/conflict-summary';
import { ConflictTable } from '../../modules/catalog/conflict-table';
import { type ConflictFilter, useConflictSummary, useConflicts } from '../../modules/catalog/conflicts-api';
import { DatasetSelect } from '../../modules/catalog/dataset-select';
import { LoadMore } from '../../ui/load-more';
import { PageTitle } from '../../ui/page-title';

/** 一数一源 conflicts that concern the user's organisation (all of them for the platform admin). */
export const ConflictsPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<ConflictFilter>({ status: 'open' });
  const [resolving, setResolving] = useState<ElementConflict | null>(null);
  const elements = useDataElements();
  const summary = useConflictSummary({ element: filter.element, dataset: filter.dataset });
  const list = useConflicts(filter);
  const set = (patch: Partial<ConflictFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <>
      <PageTitle
        title={t('catalog.conflicts.title')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => {
                void list.refetch();
                void summary.refetch();
              }}
              loading={list.isRefetching}
            >
              {t('common.refresh')}
            </Button>
            <Button
              icon={<ApartmentOutlined aria-hidden />}
              onClick={() => navigate('/workspace/catalog/elements')}
            >
              {t('catalog.conflicts.manage')}
            </Button>
          </>
        }
      />
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('catalog.conflicts.intro')}
        </Typography.Paragraph>
        <Card size="small">
          <Flex gap={12} wrap>
            <Select
              aria-label={t('catalog.conflicts.element')}
              data-testid="conflicts-filter-element"
              style={{ minWidth: 200 }}
              allowClear
              virtual={false}
              placeholder={t('catalog.conflicts.allElements')}
              value={filter.element}
              onChange={(element?: string) => set({ element })}
              options={(elements.data ?? []).map((e) => ({ value: e.code, label: `${e.name} (${e.code})` }))}
            />
            <div style={{ minWidth: 260 }}>
              <DatasetSelect
                aria-label={t('catalog.conflicts.dataset')}
                value={filter.dataset}
                onChange={(dataset) => set({ dataset })}
              />
            </div>
            <Select
              aria-label={t('catalog.conflicts.status')}
              data-testid="conflicts-filter-status"
              style={{ minWidth: 140 }}
              allowClear
              virtual={false}
              placeholder={t('catalog.conflicts.allStatuses')}
              value={filter.status}
              onChange={(status?: ConflictStatus) => set({ status })}
              options={ConflictStatus.options.map((s) => ({
                value: s,
                label: t(`catalog.conflicts.statuses.${s}`),
              }))}
            />
          </Flex>
        </Card>
        {summary.error && <Alert type="error" showIcon title={summary.error.message} />}
        <ConflictSummaryPanel
          summary={summary.data}
          loading={summary.isPending}
          onPickElement={(element) => set({ element })}
        />
        <Card>
          {list.error && (
            <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />
          )}
          {list.items.length > 0 && (
            <Typography.Paragraph type="secondary">
              {t('catalog.conflicts.ledgerNotice')}
            </Typography.Paragraph>
          )}
          <ConflictTable conflicts={list.items} loading={list.isPending} onResolve={setResolving} />
          <LoadMore
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoad={list.loadMore}
            shown={list.items.length}
          />
        </Card>
      </Flex>
      <ConflictResolveModal conflict={resolving} onClose={() => setResolving(null)} />
    </>
  );
};
