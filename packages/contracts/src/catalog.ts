import { z } from 'zod';
import { page } from './common.ts';
import { ElementBinding, SubjectKeyType } from './elements.ts';

export const Theme = z.enum([
  'population',
  'legal_entity',
  'housing',
  'geography',
  'economy',
  'society',
  'environment',
  'transport',
  'education',
  'health',
  'credit',
  'urban',
  'other',
]);
export type Theme = z.infer<typeof Theme>;
export const UpdateFrequency = z.enum([
  'realtime',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'yearly',
  'irregular',
]);
export const ShareType = z.enum(['unconditional', 'conditional', 'none']);
export const OpenType = z.enum(['unconditional', 'conditional', 'none']);
/** DB33/T 2350-2021 grading: L1 open directly … L4 never opened. */
export const Level = z.enum(['L1', 'L2', 'L3', 'L4']);
export type Level = z.infer<typeof Level>;
export const DatasetStatus = z.enum(['draft', 'submitted', 'published', 'retired']);
export type DatasetStatus = z.infer<typeof DatasetStatus>;
export const FieldType = z.enum(['string', 'integer', 'decimal', 'boolean', 'date', 'datetime']);
export const Sensitivity = z.enum(['none', 'low', 'medium', 'high']);
/** The personal-data types classification detects and masking masks, each in its own way. */
export const PersonalDataType = z.enum([
  'resident_id',
  'mobile',
  'landline',
  'bank_card',
  'credit_code',
  'passport',
  'licence_plate',
  'email',
  'person_name',
  'address',
  'birth_date',
  'coordinates',
]);
export type PersonalDataType = z.infer<typeof PersonalDataType>;
export const CatalogView = z.enum(['resource', 'share', 'open']);

export const DatasetField = z.object({
  /** Column name in the dataset's table: lower-case letters, digits and underscores. */
  name: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'field name: a-z, 0-9, _; starts with a letter'),
  title: z.string().trim().min(1).max(60),
  type: FieldType,
  unit: z.string().max(20).optional(),
  sensitivity: Sensitivity.default('none'),
  /**
   * 个人信息类型: what kind of personal data the field holds, so that masked reads keep what the type's
   * mask keeps (a resident ID its region and last 4) instead of starring the whole value. Set when the
   * data officer confirms a classification, or by hand; entries written before it existed lack it.
   */
  personalType: PersonalDataType.optional(),
  key: z.boolean().default(false),
  /**
   * 筛选索引: consumers filter by this field (sharing and open-data APIs), so its table keeps an
   * index on it that also gives the rows in change order, and filters stay fast on large tables.
   */
  indexed: z.boolean().optional(),
  /** Code of the data element (一数一源) this field carries, if any. */
  element: z.string().max(40).optional(),
  description: z.string().max(500).optional(),
});
export type DatasetField = z.infer<typeof DatasetField>;

const datasetBody = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,39}$/, 'code: 3–40 letters, digits, _ . -'),
  name: z.string().trim().min(2).max(100),
  nameEn: z.string().trim().max(200).optional(),
  description: z.string().trim().max(4000).default(''),
  sourceSystem: z.string().trim().max(100).default(''),
  theme: Theme,
  updateFrequency: UpdateFrequency,
  shareType: ShareType,
  openType: OpenType,
  level: Level,
  tags: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  contact: z
    .object({
      name: z.string().max(40).default(''),
      phone: z.string().max(40).default(''),
      email: z.string().max(100).default(''),
    })
    .default({ name: '', phone: '', email: '' }),
  fields: z
    .array(DatasetField)
    .min(1, 'fields: at least one field')
    .max(500)
    .refine((f) => new Set(f.map((x) => x.name)).size === f.length, 'fields: names must be unique')
    .refine((f) => f.some((x) => x.key), 'fields: at least one key field'),
};

export const CreateDatasetBody = z.object({ ...datasetBody, ownerOrgId: z.uuid().optional() });
export type CreateDatasetBody = z.infer<typeof CreateDatasetBody>;
export const UpdateDatasetBody = z.object(datasetBody).omit({ code: true }).partial();
export type UpdateDatasetBody = z.infer<typeof UpdateDatasetBody>;

export const Dataset = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string(),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  sourceSystem: z.string(),
  theme: Theme,
  updateFrequency: UpdateFrequency,
  shareType: ShareType,
  openType: OpenType,
  level: Level,
  tags: z.array(z.string()),
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }),
  fields: z.array(DatasetField),
  status: DatasetStatus,
  version: z.number().int(),
  reviewComment: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type Dataset = z.infer<typeof Dataset>;

const facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));
export const DatasetSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  view: CatalogView.default('resource'),
  org: z.uuid().optional(),
  theme: Theme.optional(),
  level: Level.optional(),
  shareType: ShareType.optional(),
  openType: OpenType.optional(),
  updateFrequency: UpdateFrequency.optional(),
  status: DatasetStatus.optional(),
  sort: z.enum(['relevance', 'name', 'updated']).default('relevance'),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type DatasetSearchQuery = z.infer<typeof DatasetSearchQuery>;
export const DatasetSearchResult = page(Dataset).extend({
  total: z.number().int(),
  facets: z.object({
    org: facet,
    theme: facet,
    level: facet,
    shareType: facet,
    openType: facet,
    updateFrequency: facet,
  }),
});

export const ReviewBody = z.object({ comment: z.string().trim().max(1000).default('') });
export const DatasetVersion = z.object({
  version: z.number().int(),
  action: z.enum(['create', 'update', 'submit', 'approve', 'reject', 'retire', 'import']),
  changedBy: z.string(),
  changedAt: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  comment: z.string().nullable(),
});
export const DatasetVersions = z.object({ items: z.array(DatasetVersion) });

export const CatalogExportQuery = z.object({
  format: z.enum(['json', 'xlsx']).default('json'),
  view: CatalogView.default('resource'),
});
export const CatalogImportResult = z.object({ created: z.number().int(), updated: z.number().int() });

export const DataElement = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  authoritativeDatasetId: z.uuid(),
  authoritativeDatasetName: z.string(),
  fieldName: z.string(),
  /** The authoritative dataset's field identifying the subject (resident ID number, credit code). */
  keyField: z.string().nullable(),
  keyType: SubjectKeyType,
  /** The other datasets that carry the element, compared with the authoritative one. */
  bindings: z.array(ElementBinding),
});
export type DataElement = z.infer<typeof DataElement>;
export const CreateDataElementBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{2,40}$/),
  name: z.string().trim().min(2).max(60),
  description: z.string().trim().max(500).default(''),
  authoritativeDatasetId: z.uuid(),
  fieldName: z.string().min(1).max(63),
  /** Defaults to the authoritative dataset's key field when it has exactly one. */
  keyField: z.string().min(1).max(63).optional(),
  keyType: SubjectKeyType.default('other'),
});
export const DataElementList = z.object({ items: z.array(DataElement) });
