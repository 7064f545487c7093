import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../ui/use-debounced';
import { useDatasetOptions } from './catalog-api';

type Props = {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
};

/** Picks a dataset by name or code (server-side search); the value is its id. */
export const DatasetSelect = ({ value, onChange, ...rest }: Props) => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 250);
  const { data, isFetching } = useDatasetOptions(debounced);
  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: setQ }}
      virtual={false}
      allowClear
      value={value}
      onChange={(id?: string) => onChange?.(id ?? undefined)}
      onOpenChange={(open) => !open && setQ('')}
      placeholder={t('catalog.elements.datasetPlaceholder')}
      loading={isFetching}
      options={(data ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.code})` }))}
    />
  );
};
