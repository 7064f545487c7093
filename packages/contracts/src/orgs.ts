import { z } from 'zod';
import { AreaCode } from './areas.ts';
import { PageQuery, page } from './common.ts';

export const OrgType = z.enum(['platform', 'department', 'government', 'street_office']);
export type OrgType = z.infer<typeof OrgType>;

export const Org = z.object({
  id: z.uuid(),
  /** Unified social credit code (GB 32100) of the organ. */
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  type: OrgType,
  parentId: z.uuid().nullable(),
  areaCode: AreaCode,
  areaName: z.string(),
});
export type Org = z.infer<typeof Org>;

export const OrgPage = page(Org);
export const OrgListQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  type: OrgType.optional(),
  areaCode: AreaCode.optional(),
});

export const CreateOrgBody = z.object({
  code: z.string().trim().length(18),
  name: z.string().trim().min(2).max(60),
  nameEn: z.string().trim().max(120).optional(),
  type: OrgType,
  parentId: z.uuid().optional(),
  areaCode: AreaCode,
});
export type CreateOrgBody = z.infer<typeof CreateOrgBody>;

export const UpdateOrgBody = CreateOrgBody.omit({ code: true }).partial();
export type UpdateOrgBody = z.infer<typeof UpdateOrgBody>;
