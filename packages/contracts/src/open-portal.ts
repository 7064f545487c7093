import { z } from 'zod';
import { FieldType, Level, OpenType, Theme, UpdateFrequency } from './catalog.ts';
import { ImportMode } from './ingest.ts';
import { QualityScores, ScorePoint } from './quality.ts';

/*
 * The public open-data portal's own reads: what the CKAN Action API has no place for (home figures,
 * facets on level and update frequency, quality scores, update history, numeric field statistics).
 * Public and read-only. The portal lists published datasets open unconditionally or on conditions
 * (never L4); rows, statistics and downloads exist for the unconditionally open ones only, as in CKAN.
 */

/** What an open dataset can be had as: three download formats and the DataStore API. */
export const PortalFormat = z.enum(['CSV', 'JSON', 'XLSX', 'API']);
export type PortalFormat = z.infer<typeof PortalFormat>;
export const PortalSort = z.enum(['relevance', 'modified', 'created', 'title']);
export type PortalSort = z.infer<typeof PortalSort>;

/** A dataset's CKAN name: lower-case code with dots as dashes. */
export const PortalDatasetName = z.string().regex(/^[a-z0-9_-]{2,100}$/, 'name: 2–100 of a-z, 0-9, _ -');
export const PortalDatasetParams = z.object({ name: PortalDatasetName });
/** An organisation's CKAN name: its unified social credit code in lower case. */
export const PortalOrgName = z
  .string()
  .regex(/^[0-9a-z]{18}$/, 'organization: 18 lower-case letters and digits');
export const PortalOrgParams = z.object({ name: PortalOrgName });

export const PortalSearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  organization: PortalOrgName.optional(),
  theme: Theme.optional(),
  format: PortalFormat.optional(),
  openType: OpenType.optional(),
  updateFrequency: UpdateFrequency.optional(),
  level: Level.optional(),
  sort: PortalSort.default('relevance'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});
export type PortalSearchQuery = z.infer<typeof PortalSearchQuery>;

export const PortalOrgRef = z.object({ name: z.string(), title: z.string(), titleEn: z.string().nullable() });

export const PortalDatasetCard = z.object({
  name: z.string(),
  code: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  description: z.string(),
  organization: PortalOrgRef,
  theme: Theme,
  level: Level,
  openType: OpenType,
  updateFrequency: UpdateFrequency,
  tags: z.array(z.string()),
  /** How the data can be had; none for a conditionally open dataset (it is applied for). */
  formats: z.array(PortalFormat),
  records: z.number().int(),
  modifiedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type PortalDatasetCard = z.infer<typeof PortalDatasetCard>;

export const PortalFacetItem = z.object({
  value: z.string(),
  count: z.number().int(),
  /** The organisation's name; other facets are enums the client words itself. */
  label: z.string().optional(),
});
export const PortalFacetName = z.enum([
  'organization',
  'theme',
  'format',
  'openType',
  'updateFrequency',
  'level',
]);
export type PortalFacetName = z.infer<typeof PortalFacetName>;

export const PortalSearchResult = z.object({
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
  items: z.array(PortalDatasetCard),
  /** Each facet counted with every other chosen filter applied, so that its own values stay choosable. */
  facets: z.record(PortalFacetName, z.array(PortalFacetItem)),
});
export type PortalSearchResult = z.infer<typeof PortalSearchResult>;

export const PortalSummary = z.object({
  figures: z.object({
    /** Every listed dataset: `unconditional` + `conditional`. */
    datasets: z.number().int(),
    /** Open unconditionally: rows, downloads and APIs for anyone. */
    unconditional: z.number().int(),
    /** Open on conditions: metadata here, the data after an approved application. */
    conditional: z.number().int(),
    /** DataStore resources with a table behind them (datastore_search, datastore_search_sql). */
    apis: z.number().int(),
    /** The rows of every listed dataset. */
    records: z.number().int(),
    organizations: z.number().int(),
    downloads: z.number().int(),
  }),
  themes: z.array(z.object({ theme: Theme, count: z.number().int() })),
  latest: z.array(PortalDatasetCard),
  popular: z.array(PortalDatasetCard),
  /** When the figures were counted (they are kept for a minute). */
  countedAt: z.string(),
});
export type PortalSummary = z.infer<typeof PortalSummary>;

export const PortalField = z.object({
  name: z.string(),
  title: z.string(),
  type: FieldType,
  unit: z.string().nullable(),
  key: z.boolean(),
  description: z.string().nullable(),
});

export const PortalVersion = z.object({
  version: z.number().int(),
  action: z.string(),
  at: z.string(),
  /** How many attributes of the entry changed. */
  changes: z.number().int(),
});
export const PortalImport = z.object({
  at: z.string(),
  mode: ImportMode,
  rowsLoaded: z.number().int(),
  rowsRejected: z.number().int(),
});

export const PortalDatasetProfile = z.object({
  name: z.string(),
  code: z.string(),
  /** The public attributes of the catalog entry, as a search hit shows them. */
  dataset: PortalDatasetCard,
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }),
  /** The catalog entry's version. */
  version: z.number().int(),
  license: z.string(),
  createdAt: z.string(),
  /**
   * The CKAN resource id of the dataset's table (preview, datastore_search): an unconditionally open
   * dataset's only; a conditionally open one has no public rows.
   */
  resourceId: z.string().nullable(),
  /** The fields open data shows (no personal or sensitive ones). */
  fields: z.array(PortalField),
  /** Fields of the entry that open data withholds. */
  withheldFields: z.number().int(),
  records: z.number().int(),
  lastLoadedAt: z.string().nullable(),
  quality: z
    .object({
      scores: QualityScores,
      at: z.string(),
      rowCount: z.number().int().nullable(),
      problems: z.number().int(),
      history: z.array(ScorePoint),
    })
    .nullable(),
  history: z.object({ versions: z.array(PortalVersion), imports: z.array(PortalImport) }),
});
export type PortalDatasetProfile = z.infer<typeof PortalDatasetProfile>;

export const PortalHistogramBin = z.object({ from: z.number(), to: z.number(), count: z.number().int() });
export const PortalFieldStats = z.object({
  name: z.string(),
  title: z.string(),
  unit: z.string().nullable(),
  type: z.enum(['integer', 'decimal']),
  count: z.number().int(),
  nulls: z.number().int(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  avg: z.number().nullable(),
  histogram: z.array(PortalHistogramBin),
});
export type PortalFieldStats = z.infer<typeof PortalFieldStats>;
export const PortalDatasetStats = z.object({
  name: z.string(),
  records: z.number().int(),
  fields: z.array(PortalFieldStats),
});
export type PortalDatasetStats = z.infer<typeof PortalDatasetStats>;

/** An organisation that publishes listed datasets, with how many of each kind. */
export const PortalOrganization = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  datasets: z.number().int(),
  unconditional: z.number().int(),
  conditional: z.number().int(),
});
export type PortalOrganization = z.infer<typeof PortalOrganization>;
