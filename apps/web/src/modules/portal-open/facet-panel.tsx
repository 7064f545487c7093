import type { PortalSearchResult } from '@shuzhi/contracts';
import { Button, Card, Flex, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogLabels } from '../catalog/catalog-labels';
import { FILTERS, type FilterName } from './search-state';

const FOLDED = 6;
type Item = PortalSearchResult['facets']['theme'][number];

/** How a facet value reads: enums in the user's language, organisations by the server's name. */
export const useFacetLabel = () => {
  const labels = useCatalogLabels();
  return (name: FilterName, item: Pick<Item, 'value' | 'label'>): string => {
    switch (name) {
      case 'theme':
        return labels.theme(item.value);
      case 'level':
        return labels.level(item.value);
      case 'openType':
        return labels.openType(item.value);
      case 'updateFrequency':
        return labels.frequency(item.value);
      case 'organization':
        return item.label ?? item.value;
      default:
        return item.value;
    }
  };
};

type GroupProps = {
  name: FilterName;
  items: Item[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
};

const FacetGroup = ({ name, items, value, onChange }: GroupProps) => {
  const { t } = useTranslation();
  const label = useFacetLabel();
  const [open, setOpen] = useState(false);
  // A chosen value stays visible even when nothing matches it any more.
  const all = value && !items.some((i) => i.value === value) ? [{ value, count: 0 }, ...items] : items;
  const shown = open ? all : all.slice(0, FOLDED);
  const title = t(`openPortal.search.facets.${name}`);
  return (
    <fieldset style={{ border: 'none', margin: 0, padding: 0 }} data-testid={`portal-facet-${name}`}>
      <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 6 }}>{title}</legend>
      <Radio.Group
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
        aria-label={title}
        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        options={[
          { value: '', label: t('openPortal.search.all') },
          ...shown.map((i) => ({
            value: i.value,
            label: (
              <span data-testid={`portal-facet-${name}-${i.value}`}>
                {label(name, i)}
                <Typography.Text type="secondary"> ({i.count})</Typography.Text>
              </span>
            ),
          })),
        ]}
      />
      {all.length > FOLDED && (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpen((o) => !o)}>
          {open ? t('openPortal.search.less') : t('openPortal.search.more')}
        </Button>
      )}
    </fieldset>
  );
};

type Props = {
  facets: PortalSearchResult['facets'] | undefined;
  values: Partial<Record<FilterName, string>>;
  /** Facets that a page fixes (an organisation's page) are not offered. */
  hidden?: FilterName[];
  hasFilters: boolean;
  onChange: (name: FilterName, value: string | undefined) => void;
  onClear: () => void;
};

/** The six facets of the open-data search, each a one-of list with counts. */
export const FacetPanel = ({ facets, values, hidden = [], hasFilters, onChange, onClear }: Props) => {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('openPortal.search.filters')}
      data-testid="portal-facets"
      extra={
        hasFilters && (
          <Button type="link" size="small" onClick={onClear} data-testid="portal-clear-filters">
            {t('openPortal.search.clear')}
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        {FILTERS.filter((n) => !hidden.includes(n)).map((name) => (
          <FacetGroup
            key={name}
            name={name}
            items={facets?.[name] ?? []}
            value={values[name]}
            onChange={(v) => onChange(name, v)}
          />
        ))}
      </Flex>
    </Card>
  );
};
