import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';

export const ME_KEY = ['auth', 'me'] as const;

/** Server state lives here; a 401 anywhere means the session ended, so `me` is cleared and the guard redirects. */
export const createQueryClient = () => {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (err, query) => {
        if (isApiError(err) && err.status === 401 && query.queryKey[1] !== 'me') {
          client.setQueryData(ME_KEY, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
};
