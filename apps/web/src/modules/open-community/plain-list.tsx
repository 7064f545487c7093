import { Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';

type Props<T> = {
  items: T[];
  loading: boolean;
  empty: string;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  itemTestId?: string;
  'data-testid'?: string;
};

/** A divided list of items: what antd's deprecated List did for these pages, as plain markup. */
export const PlainList = <T,>({ items, loading, empty, keyOf, render, itemTestId, ...rest }: Props<T>) => {
  if (loading && items.length === 0) return <Skeleton active />;
  if (items.length === 0)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid={rest['data-testid']} />
    );
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid={rest['data-testid']}>
      {items.map((item) => (
        <li
          key={keyOf(item)}
          style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
          data-testid={itemTestId}
        >
          {render(item)}
        </li>
      ))}
    </ul>
  );
};
