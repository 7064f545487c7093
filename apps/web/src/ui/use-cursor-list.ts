import type { Page } from '@shuzhi/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiGet } from '../app/api';

type Params = Record<string, string | number | undefined>;

type Options<T> = {
  refetchInterval?: (items: T[]) => number | false;
  enabled?: boolean;
};

/** A cursor-paged list endpoint as one growing array; `loadMore` fetches the next page. */
export const useCursorList = <T>(
  key: readonly unknown[],
  path: string,
  params: Params = {},
  options: Options<T> = {},
) => {
  const query = useInfiniteQuery({
    queryKey: [...key, params],
    queryFn: ({ pageParam, signal }) =>
      apiGet<Page<T>>(path, { limit: 50, ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled,
    refetchInterval: options.refetchInterval
      ? (q) => options.refetchInterval!(q.state.data?.pages.flatMap((p) => p.items) ?? [])
      : undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return {
    ...query,
    items,
    loadMore: () => void query.fetchNextPage(),
  };
};
