import { z } from 'zod';

export const AreaLevel = z.enum(['city', 'district', 'street', 'community', 'grid']);
export type AreaLevel = z.infer<typeof AreaLevel>;

/** GB/T 2260-style codes: 6 digits (city, district), 9 (street), 12 (community), 15 (grid). */
export const AreaCode = z.string().regex(/^\d{6}(\d{3}){0,3}$/, 'area code: 6, 9, 12 or 15 digits');

export const Area = z.object({
  code: AreaCode,
  name: z.string(),
  level: AreaLevel,
  parentCode: AreaCode.nullable(),
  childCount: z.number().int(),
});
export type Area = z.infer<typeof Area>;

export const AreaWithPath = Area.extend({
  /** Names from the city down to this area, e.g. 杭州市 / 西湖区 / 北山街道. */
  pathNames: z.array(z.string()),
});
export type AreaWithPath = z.infer<typeof AreaWithPath>;

export type AreaNode = Area & { children?: AreaNode[] };
export const AreaNode: z.ZodType<AreaNode> = Area.extend({
  get children() {
    return z.array(AreaNode).optional();
  },
}).meta({ id: 'AreaNode' });

export const AreaCodeParams = z.object({ code: AreaCode });
export const AreaList = z.object({ items: z.array(Area) });
export const AreaPath = z.object({ items: z.array(Area) });
export const AreaTreeQuery = z.object({
  root: AreaCode.optional(),
  depth: z.coerce.number().int().min(1).max(3).default(1),
});
export const AreaSearchQuery = z.object({
  q: z.string().trim().min(1).max(50),
  level: AreaLevel.optional(),
  under: AreaCode.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const AreaSearchResult = z.object({ items: z.array(AreaWithPath) });

export const CreateGridBody = z.object({
  name: z.string().trim().min(1).max(60),
});
export type CreateGridBody = z.infer<typeof CreateGridBody>;
