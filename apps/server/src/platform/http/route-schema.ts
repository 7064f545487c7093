import { Problem } from '@shuzhi/contracts';

/** Problem responses every route may give, so the OpenAPI document shows them. */
export const problems = { '4xx': Problem, '5xx': Problem } as const;
