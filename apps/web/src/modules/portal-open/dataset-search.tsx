import { PortalSort } from '@shuzhi/contracts';
import { Alert, Col, Empty, Flex, Input, Pagination, Row, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DatasetCard } from './dataset-card';
import { FacetPanel } from './facet-panel';
import { formatCount } from './numbers';
import { usePortalSearch } from './portal-api';
import { type FilterName, useSearchState } from './search-state';

const SIZES = [10, 20, 50];

/**
 * Search box, facets, sort, results and pages of the open datasets, all kept in the address. An
 * organisation's page passes `organization` and its facet disappears.
 */
export const DatasetSearch = ({ organization }: { organization?: string }) => {
  const { t } = useTranslation();
  const locked = organization ? { organization } : {};
  const { state, update, clearFilters, hasFilters } = useSearchState(locked);
  const search = usePortalSearch(state);
  const data = search.data;
  const page = state.page ?? 1;
  const size = state.size ?? 20;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={7} xl={6}>
        <FacetPanel
          facets={data?.facets}
          values={state as Partial<Record<FilterName, string>>}
          hidden={organization ? ['organization'] : []}
          hasFilters={hasFilters}
          onChange={(name, value) => update({ [name]: value })}
          onClear={clearFilters}
        />
      </Col>
      <Col xs={24} lg={17} xl={18}>
        <Flex vertical gap={12}>
          <Flex gap={8} wrap align="center">
            <Input.Search
              key={state.q ?? ''}
              data-testid="portal-search-input"
              aria-label={t('openPortal.search.placeholder')}
              placeholder={t('openPortal.search.placeholder')}
              defaultValue={state.q}
              allowClear
              enterButton
              maxLength={200}
              style={{ flex: '1 1 280px', maxWidth: 560 }}
              onSearch={(value) => update({ q: value.trim() || undefined })}
            />
            <Select
              data-testid="portal-sort"
              aria-label={t('openPortal.search.sort')}
              virtual={false}
              style={{ minWidth: 140 }}
              value={state.sort ?? 'relevance'}
              onChange={(sort) => update({ sort: sort === 'relevance' ? undefined : sort })}
              options={PortalSort.options.map((value) => ({
                value,
                label: t(`openPortal.search.sorts.${value}`),
              }))}
            />
            {data && (
              <Typography.Text type="secondary" data-testid="portal-total">
                {t('openPortal.search.total', { n: formatCount(data.total) })}
              </Typography.Text>
            )}
          </Flex>
          {search.error && <Alert type="error" showIcon title={search.error.message} />}
          {search.isPending ? (
            <Skeleton active />
          ) : data && data.items.length === 0 ? (
            <Empty description={t('openPortal.search.empty')} />
          ) : (
            <Flex
              vertical
              gap={8}
              data-testid="portal-results"
              aria-busy={search.isPlaceholderData && search.isFetching}
              style={{ opacity: search.isPlaceholderData && search.isFetching ? 0.6 : 1 }}
            >
              {data?.items.map((d) => (
                <DatasetCard key={d.name} d={d} />
              ))}
            </Flex>
          )}
          {data && data.total > 0 && (
            <Pagination
              data-testid="portal-pagination"
              align="center"
              current={page}
              pageSize={size}
              total={data.total}
              showSizeChanger
              pageSizeOptions={SIZES}
              onChange={(p, s) => update(s !== size ? { size: s, page: undefined } : { page: p })}
            />
          )}
        </Flex>
      </Col>
    </Row>
  );
};
