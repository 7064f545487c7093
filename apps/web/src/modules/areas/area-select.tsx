import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../ui/use-debounced';
import { useAreaSearch } from './area-api';

type Props = {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /** Label for the current value before any search (e.g. the org's area name). */
  currentLabel?: string;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
  allowClear?: boolean;
};

/** Picks an area by searching its name; the value is the area code. */
export const AreaSelect = ({ value, onChange, currentLabel, allowClear, ...rest }: Props) => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 300);
  const { data, isFetching } = useAreaSearch(debounced);
  const options = (data ?? []).map((a) => ({
    value: a.code,
    label: `${a.pathNames.join(' / ')} (${a.code})`,
  }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: currentLabel ? `${currentLabel} (${value})` : value });
  }
  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: setQ }}
      virtual={false}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(code?: string) => onChange?.(code ?? undefined)}
      placeholder={t('areas.pickPlaceholder')}
      loading={isFetching}
      options={options}
      notFoundContent={debounced ? t('areas.noResults') : null}
    />
  );
};
