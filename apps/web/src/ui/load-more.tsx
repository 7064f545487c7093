import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { hasMore: boolean; loading: boolean; onLoad: () => void; shown: number };

/** Cursor paging footer: "load more" while the server has a next cursor. */
export const LoadMore = ({ hasMore, loading, onLoad, shown }: Props) => {
  const { t } = useTranslation();
  if (shown === 0) return null;
  return (
    <Flex justify="center" style={{ marginTop: 16 }}>
      {hasMore ? (
        <Button onClick={onLoad} loading={loading}>
          {t('common.loadMore')}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      )}
    </Flex>
  );
};
