import { CatalogView } from '@shuzhi/contracts';
import { Alert, Col, Flex, Input, Row, Segmented, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadMore } from '../../ui/load-more';
import { type CatalogFilter, type SortKey, useCatalogSearch, type View } from './catalog-api';
import { DatasetTable } from './dataset-table';
import { FacetPanel } from './facet-panel';

const FILTER_KEYS = [
  'q',
  'org',
  'theme',
  'level',
  'shareType',
  'openType',
  'updateFrequency',
  'status',
  'sort',
] as const;
const SORTS: SortKey[] = ['relevance', 'name', 'updated'];

/** The filter lives in the address bar, so a search can be shared and survives the back button. */
const useUrlFilter = (fixedView?: View) => {
  const [params, setParams] = useSearchParams();
  const rawView = params.get('view');
  const view: View =
    fixedView ?? (CatalogView.options.includes(rawView as View) ? (rawView as View) : 'resource');
  const filter = { view } as CatalogFilter;
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) (filter as Record<string, string>)[key] = value;
  }
  const update = (patch: Partial<CatalogFilter>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (fixedView) next.delete('view');
    setParams(next, { replace: true });
  };
  return { filter, update };
};

type Props = {
  /** Public portal: the open view only, no status, no links into the workspace. */
  publicView?: boolean;
  /** Toolbar items that depend on the current view (import and export). */
  toolbar?: (view: View) => ReactNode;
};

/** Search box, view switch, facets, sort and the growing result table of the catalog. */
export const CatalogBrowser = ({ publicView, toolbar }: Props) => {
  const { t } = useTranslation();
  const { filter, update } = useUrlFilter(publicView ? 'open' : undefined);
  const search = useCatalogSearch(filter);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={6} xl={5}>
        <FacetPanel facets={search.facets} filter={filter} onChange={update} withStatus={!publicView} />
      </Col>
      <Col xs={24} lg={18} xl={19}>
        <Flex vertical gap={12}>
          {!publicView && (
            <Flex justify="space-between" wrap gap={8}>
              <Segmented<View>
                data-testid="catalog-view"
                aria-label={t('catalog.viewSwitch')}
                value={filter.view}
                onChange={(view) =>
                  // The access facet of one view means nothing in another.
                  update({ view, shareType: undefined, openType: undefined })
                }
                options={CatalogView.options.map((view) => ({
                  value: view,
                  label: <span data-testid={`catalog-view-${view}`}>{t(`catalog.views.${view}`)}</span>,
                }))}
              />
              {toolbar && <Flex gap={8}>{toolbar(filter.view)}</Flex>}
            </Flex>
          )}
          <Flex gap={8} wrap align="center">
            <Input.Search
              key={filter.q ?? ''}
              data-testid="catalog-search"
              aria-label={t('catalog.search')}
              placeholder={t('catalog.searchPlaceholder')}
              defaultValue={filter.q}
              allowClear
              enterButton
              maxLength={100}
              style={{ flex: '1 1 280px', maxWidth: 520 }}
              onSearch={(value) => update({ q: value.trim() || undefined })}
            />
            <Select<SortKey>
              data-testid="catalog-sort"
              aria-label={t('catalog.sort')}
              virtual={false}
              style={{ minWidth: 150 }}
              value={filter.sort ?? 'relevance'}
              onChange={(sort) => update({ sort: sort === 'relevance' ? undefined : sort })}
              options={SORTS.map((value) => ({ value, label: t(`catalog.sorts.${value}`) }))}
            />
            {search.total !== undefined && (
              <Typography.Text type="secondary" data-testid="catalog-total">
                {t('catalog.total', { count: search.total })}
              </Typography.Text>
            )}
          </Flex>
          {search.error && <Alert type="error" showIcon title={search.error.message} />}
          <DatasetTable
            items={search.items}
            loading={search.isPending || (search.isPlaceholderData && search.isFetching)}
            view={filter.view}
            workspace={!publicView}
          />
          <LoadMore
            hasMore={!!search.hasNextPage}
            loading={search.isFetchingNextPage}
            onLoad={search.loadMore}
            shown={search.items.length}
          />
        </Flex>
      </Col>
    </Row>
  );
};
