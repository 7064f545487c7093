import { Select } from 'antd';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../ui/use-debounced';
import { useOrgOptions } from './org-api';

type Props = {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** Names of ids that may not be among the first results (e.g. a user's existing grants). */
  knownLabels?: Record<string, string>;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
  allowClear?: boolean;
  style?: CSSProperties;
};

/** Picks an organisation by name (server-side search, 200 at a time); the value is its id. */
export const OrgSelect = ({ value, onChange, knownLabels, allowClear, ...rest }: Props) => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 250);
  const { data, isFetching } = useOrgOptions(debounced);
  const options = (data ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: knownLabels?.[value] ?? value });
  }
  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: setQ }}
      virtual={false}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(id?: string) => onChange?.(id ?? undefined)}
      onOpenChange={(open) => !open && setQ('')}
      placeholder={t('orgs.pickOrgPlaceholder')}
      loading={isFetching}
      options={options}
    />
  );
};
