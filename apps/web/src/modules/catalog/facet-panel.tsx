import { DatasetStatus } from '@shuzhi/contracts';
import { Button, Card, Flex, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogFilter, FacetName, SearchResult } from './catalog-api';
import { useCatalogLabels } from './catalog-labels';

type FilterKey = FacetName | 'status';
type Bucket = { value: string; label: string; count?: number };

const FOLDED = 8;

type GroupProps = {
  name: FilterKey;
  buckets: Bucket[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
};

/** One facet: a radio list "全部 / value (count)"; the API filters on one value per facet. */
const FacetGroup = ({ name, buckets, value, onChange }: GroupProps) => {
  const { t } = useTranslation();
  const { facetLabel } = useCatalogLabels();
  const [open, setOpen] = useState(false);
  // A chosen value stays visible even when the facet no longer counts it.
  const all =
    value && !buckets.some((b) => b.value === value) ? [{ value, label: value }, ...buckets] : buckets;
  const shown = open ? all : all.slice(0, FOLDED);
  const title = t(`catalog.facets.${name}`);
  return (
    <fieldset style={{ border: 'none', margin: 0, padding: 0 }} data-testid={`facet-${name}`}>
      <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 6 }}>{title}</legend>
      <Radio.Group
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
        aria-label={title}
        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        options={[
          { value: '', label: t('common.all') },
          ...shown.map((b) => ({
            value: b.value,
            label: (
              <span data-testid={`facet-${name}-${b.value}`}>
                {facetLabel(name, b.value, b.label)}
                {b.count !== undefined && <Typography.Text type="secondary"> ({b.count})</Typography.Text>}
              </span>
            ),
          })),
        ]}
      />
      {all.length > FOLDED && (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpen((o) => !o)}>
          {open ? t('catalog.showLess') : t('catalog.showMore')}
        </Button>
      )}
    </fieldset>
  );
};

type Props = {
  facets: SearchResult['facets'] | undefined;
  filter: CatalogFilter;
  onChange: (patch: Partial<CatalogFilter>) => void;
  /** Staff may filter by lifecycle status (the admin finds datasets awaiting review this way). */
  withStatus: boolean;
};

/** Side panel of facet filters; which access facet shows depends on the view. */
export const FacetPanel = ({ facets, filter, onChange, withStatus }: Props) => {
  const { t } = useTranslation();
  const { status } = useCatalogLabels();
  const names: FacetName[] = ['org', 'theme', 'level'];
  if (filter.view !== 'open') names.push('shareType');
  if (filter.view !== 'share') names.push('openType');
  names.push('updateFrequency');
  const active = [...names, 'status' as const].some((n) => filter[n] !== undefined);
  return (
    <Card
      size="small"
      title={t('catalog.filters')}
      data-testid="catalog-facets"
      extra={
        active && (
          <Button
            type="link"
            size="small"
            data-testid="catalog-clear-filters"
            onClick={() =>
              onChange(
                Object.fromEntries([...names, 'status'].map((n) => [n, undefined])) as Partial<CatalogFilter>,
              )
            }
          >
            {t('catalog.clearFilters')}
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        {names.map((name) => (
          <FacetGroup
            key={name}
            name={name}
            buckets={facets?.[name] ?? []}
            value={filter[name]}
            onChange={(value) => onChange({ [name]: value })}
          />
        ))}
        {withStatus && (
          <FacetGroup
            name="status"
            buckets={DatasetStatus.options.map((value) => ({ value, label: status(value) }))}
            value={filter.status}
            onChange={(value) => onChange({ status: value as DatasetStatus | undefined })}
          />
        )}
      </Flex>
    </Card>
  );
};
