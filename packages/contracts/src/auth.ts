import { z } from 'zod';
import { AreaCode } from './areas.ts';
import { PageQuery, page } from './common.ts';

export const Role = z.enum([
  'platform_admin',
  'data_officer',
  'approver',
  'clerk',
  'handler',
  'commander',
  'auditor',
  'viewer',
]);
export type Role = z.infer<typeof Role>;

export const Username = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9._-]{2,39}$/,
    'username: 3–40 lower-case letters, digits, . _ -, starting with a letter',
  );
/** At least 10 characters with a letter and a digit: long enough to survive offline guessing. */
export const Password = z
  .string()
  .min(10, 'password: at least 10 characters')
  .max(128)
  .regex(/[A-Za-z]/, 'password: needs a letter')
  .regex(/\d/, 'password: needs a digit');

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(128),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const RoleGrant = z.object({
  orgId: z.uuid(),
  role: Role,
  /** Narrows the org's area (e.g. a grid worker's grid); defaults to the org's area. */
  areaCode: AreaCode.nullable().optional(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const OrgRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const Me = z.object({
  user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
  org: OrgRef,
  roles: z.array(Role),
  areaCode: AreaCode,
  areaName: z.string(),
  memberships: z.array(z.object({ org: OrgRef, roles: z.array(Role) })),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const SwitchOrgBody = z.object({ orgId: z.uuid() });
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const UserStatus = z.enum(['active', 'disabled']);
export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  status: UserStatus,
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(RoleGrant.extend({ orgName: z.string(), areaCode: AreaCode.nullable() })),
});
export type User = z.infer<typeof User>;
export const UserPage = page(User);
export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(40).optional(),
  orgId: z.uuid().optional(),
});

export const CreateUserBody = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(60),
  password: Password,
  grants: z.array(RoleGrant).min(1, 'grants: give the user at least one role'),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.object({
  displayName: z.string().trim().min(1).max(60).optional(),
  status: UserStatus.optional(),
  grants: z.array(RoleGrant).min(1).optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const ResetPasswordBody = z.object({ newPassword: Password.optional() });
export const ResetPasswordResult = z.object({ password: z.string() });

export const ApiClient = z.object({
  id: z.uuid(),
  clientId: z.string(),
  name: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  roles: z.array(Role),
  status: z.enum(['active', 'revoked']),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiClient = z.infer<typeof ApiClient>;
export const ApiClientPage = page(ApiClient);
export const CreateClientBody = z.object({
  name: z.string().trim().min(2).max(60),
  orgId: z.uuid(),
  roles: z.array(Role.exclude(['platform_admin'])).min(1),
});
export type CreateClientBody = z.infer<typeof CreateClientBody>;
/** The secret is shown once, at creation; only its hash is kept. */
export const CreatedClient = z.object({ client: ApiClient, clientSecret: z.string() });

export const TokenBody = z.object({
  grant_type: z.literal('client_credentials'),
  client_id: z.string().min(1).max(64),
  client_secret: z.string().min(1).max(200),
});
export const TokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
});

export const ClientListQuery = PageQuery;
