import type {
  DataImport,
  DatasetField,
  Org,
  PortalDatasetProfile,
  QualityRun,
  ScorePoint,
} from '@shuzhi/contracts';
import { LICENSE, openFields, resourceIdOf, slugOf } from '../open.names.ts';
import type { OpenDatasetRow, TableStats } from '../open.repo.ts';
import { toCard } from './portal.cards.ts';

/**
 * What the portal reads from other modules, through their services: each call is made only for a
 * dataset already found listed, and only scores, counts and dates are passed on (no names of staff).
 */
export type PortalSources = {
  quality: (datasetId: string) => Promise<{ latest: QualityRun | null; history: ScorePoint[] }>;
  versions: (
    datasetId: string,
  ) => Promise<{ version: number; action: string; changedAt: string; changes: Record<string, unknown> }[]>;
  imports: (datasetId: string) => Promise<DataImport[]>;
};

/** Review steps before publication are the department's business, not the dataset's history. */
const INTERNAL_ACTIONS = new Set(['submit', 'reject']);

/**
 * A listed dataset's page: its public attributes, open fields, row count, quality score and update
 * history (counts and dates). The same for both open types: only metadata, never a row.
 */
export async function profileOf(
  d: OpenDatasetRow,
  org: Org | undefined,
  stats: TableStats,
  sources: PortalSources,
): Promise<PortalDatasetProfile> {
  const all = d.fields as DatasetField[];
  const shown = openFields(all);
  const [quality, versions, imports] = await Promise.all([
    sources.quality(d.id),
    sources.versions(d.id),
    sources.imports(d.id),
  ]);
  const latest = quality.latest;
  return {
    name: slugOf(d.code),
    code: d.code,
    dataset: toCard(d, org, stats),
    contact: { name: d.contact.name, phone: d.contact.phone, email: d.contact.email },
    version: d.version,
    license: LICENSE.title,
    createdAt: new Date(d.created_at).toISOString(),
    // Rows are read through CKAN's DataStore, which serves unconditionally open datasets only.
    resourceId: d.open_type === 'unconditional' ? resourceIdOf(d.id) : null,
    fields: shown.map((f) => ({
      name: f.name,
      title: f.title,
      type: f.type,
      unit: f.unit ?? null,
      key: f.key ?? false,
      description: f.description ?? null,
    })),
    withheldFields: all.length - shown.length,
    records: stats.rows,
    lastLoadedAt: stats.lastLoaded ? new Date(stats.lastLoaded).toISOString() : null,
    quality: latest
      ? {
          scores: latest.scores,
          at: latest.finishedAt ?? latest.createdAt,
          rowCount: latest.rowCount,
          problems: latest.problems,
          history: quality.history.map((p) => ({
            at: p.at,
            overall: p.overall,
            completeness: p.completeness,
            validity: p.validity,
            uniqueness: p.uniqueness,
            consistency: p.consistency,
            timeliness: p.timeliness,
          })),
        }
      : null,
    history: {
      versions: versions
        .filter((v) => !INTERNAL_ACTIONS.has(v.action))
        .map((v) => ({
          version: v.version,
          action: v.action,
          at: v.changedAt,
          changes: Object.keys(v.changes).length,
        })),
      imports: imports
        .filter((i) => i.status === 'succeeded')
        .map((i) => ({
          at: i.finishedAt ?? i.createdAt,
          mode: i.mode,
          rowsLoaded: i.rowsLoaded,
          rowsRejected: i.rowsRejected,
        })),
    },
  };
}
