import { z } from 'zod';
import { Role } from './auth.ts';

export const DemoAccount = z.object({
  username: z.string(),
  password: z.string(),
  role: Role,
  orgName: z.string(),
});
export type DemoAccount = z.infer<typeof DemoAccount>;
export const Meta = z.object({
  name: z.string(),
  version: z.string(),
  demo: z.boolean(),
  demoAccounts: z.array(DemoAccount),
});
export type Meta = z.infer<typeof Meta>;

export const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.string()),
});
