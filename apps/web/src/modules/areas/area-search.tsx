import { LoadingOutlined, SearchOutlined } from '@ant-design/icons';
import type { AreaWithPath } from '@shuzhi/contracts';
import { Button, Empty, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../ui/use-debounced';
import { useAreaSearch } from './area-api';

type Props = { onPick: (area: AreaWithPath) => void };

/** Name search over all areas; picking a result hands it to the tree to reveal. */
export const AreaSearch = ({ onPick }: Props) => {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebounced(text.trim(), 300);
  const { data, isFetching } = useAreaSearch(q);
  const showResults = open && q.length > 0;
  return (
    <div style={{ marginBottom: 12 }}>
      <Input
        data-testid="area-search"
        type="search"
        prefix={isFetching ? <LoadingOutlined aria-hidden /> : <SearchOutlined aria-hidden />}
        aria-label={t('areas.search')}
        placeholder={t('areas.searchPlaceholder')}
        allowClear
        value={text}
        maxLength={50}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onPressEnter={() => setOpen(true)}
      />
      {showResults && (
        <section
          aria-label={t('areas.results')}
          style={{
            border: '1px solid #f0f0f0',
            borderRadius: 6,
            marginTop: 4,
            maxHeight: 280,
            overflow: 'auto',
          }}
        >
          {!data ? (
            <Spin style={{ display: 'block', padding: 12 }} />
          ) : data.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('areas.noResults')} />
          ) : (
            <ul style={{ listStyle: 'none', margin: 0, padding: 4 }} data-testid="area-search-results">
              {data.map((area) => (
                <li key={area.code}>
                  <Button
                    type="text"
                    block
                    style={{
                      textAlign: 'start',
                      height: 'auto',
                      paddingBlock: 4,
                      justifyContent: 'flex-start',
                    }}
                    onClick={() => {
                      setOpen(false);
                      onPick(area);
                    }}
                  >
                    <span>
                      <span>{area.name}</span>{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {area.pathNames.join(' / ')}
                      </Typography.Text>
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
};
