import type { Meta } from '@shuzhi/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './api';

export const useMeta = () =>
  useQuery({ queryKey: ['meta'], queryFn: () => apiGet<Meta>('/meta'), staleTime: 5 * 60_000 });
