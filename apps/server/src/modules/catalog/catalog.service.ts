import type { CreateDatasetBody, Dataset, DatasetField, UpdateDatasetBody } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireSignedIn, type SignedInActor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { createDataTable, migrateDataTable } from '../datastore/index.ts';
import type { OrgsService } from '../orgs/index.ts';
import { assertMayEdit, assertMayReview, assertStatus, canSee } from './catalog.policy.ts';
import * as repo from './catalog.repo.ts';

/** The fields that describe a dataset, compared to record what each change changed. */
const described = [
  'name',
  'name_en',
  'description',
  'source_system',
  'theme',
  'update_frequency',
  'share_type',
  'open_type',
  'level',
  'tags',
  'contact',
  'fields',
  'owner_org_id',
] as const;

export const searchText = (
  r: Pick<repo.DatasetRow, 'code' | 'name' | 'name_en' | 'description' | 'tags' | 'fields'>,
) =>
  [r.code, r.name, r.name_en ?? '', r.description, ...r.tags, ...r.fields.flatMap((f) => [f.name, f.title])]
    .join(' ')
    .toLowerCase();

export function diff(before: Partial<repo.DatasetRow>, after: Partial<repo.DatasetRow>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of described) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) {
      changes[k] = { from: before[k] ?? null, to: after[k] ?? null };
    }
  }
  return changes;
}

/**
 * Asked before a change is saved, inside its transaction; throws to refuse it. The privacy module's
 * k-anonymity check decides whether a dataset with personal fields may become open.
 */
export type OpeningGate = (trx: Db, before: repo.DatasetRow, after: repo.DatasetRow) => Promise<void>;

/** The catalog's entries and their lifecycle: draft → submitted → published → retired, every change versioned. */
export function createCatalogService(deps: {
  db: Db;
  orgs: OrgsService;
  ledger: Ledger;
  openingGate?: OpeningGate;
}) {
  const { db, orgs, ledger } = deps;

  /** `orgNames`, when the caller already looked up the rows' owners, saves looking them up again. */
  async function toDatasets(rows: repo.DatasetRow[], orgNames?: Map<string, string>): Promise<Dataset[]> {
    const names =
      orgNames ?? new Map((await orgs.findOrgs(rows.map((r) => r.owner_org_id))).map((o) => [o.id, o.name]));
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      nameEn: r.name_en,
      description: r.description,
      ownerOrgId: r.owner_org_id,
      ownerOrgName: names.get(r.owner_org_id) ?? r.owner_org_id,
      sourceSystem: r.source_system,
      theme: r.theme as Dataset['theme'],
      updateFrequency: r.update_frequency as Dataset['updateFrequency'],
      shareType: r.share_type as Dataset['shareType'],
      openType: r.open_type as Dataset['openType'],
      level: r.level as Dataset['level'],
      tags: r.tags,
      contact: r.contact,
      fields: r.fields,
      status: r.status,
      version: r.version,
      reviewComment: r.review_comment,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      publishedAt: r.published_at?.toISOString() ?? null,
    }));
  }
  const one = async (r: repo.DatasetRow) => (await toDatasets([r]))[0] as Dataset;

  async function getVisible(actor: Actor, id: string, trx: Db = db): Promise<repo.DatasetRow> {
    const row = await repo.findDataset(trx, id);
    // Another organisation's unpublished entry is reported missing: its existence is not public.
    if (!row || !canSee(actor, row)) throw notFound('dataset', id);
    return row;
  }

  /** Applies a change under optimistic locking, with its version entry and (for decisions) a ledger entry. */
  async function transition(
    actor: SignedInActor,
    before: repo.DatasetRow,
    after: repo.DatasetRow,
    action: 'create' | 'update' | 'submit' | 'approve' | 'reject' | 'retire' | 'import',
    comment: string | null,
    trx: Db = db,
  ): Promise<repo.DatasetRow> {
    const changes = action === 'create' ? diff({}, after) : diff(before, after);
    if (before.status !== after.status) changes.status = { from: before.status, to: after.status };
    const run = async (t: Db) => {
      await deps.openingGate?.(t, before, after);
      const saved = await repo.updateDataset(t, { ...after, version: before.version + 1 }, before.version);
      if (!saved)
        throw new AppError('conflict', { resource: 'dataset', id: `${before.code} v${before.version}` });
      await repo.insertVersion(t, {
        dataset_id: before.id,
        version: saved.version,
        action,
        changed_by: actor.id,
        changed_by_name: actor.name,
        changes,
        comment,
      });
      // A published dataset owns a typed table; its schema follows the field list, rows kept.
      if (action === 'approve') await createDataTable(t, saved.code, saved.fields);
      if (before.status === 'published' && changes.fields)
        await migrateDataTable(t, saved.code, before.fields, saved.fields);
      const levelChanged = before.status === 'published' && after.status === 'published' && changes.level;
      if (action === 'approve' || action === 'retire' || levelChanged) {
        await ledger.record(
          {
            actor,
            action:
              action === 'approve'
                ? 'catalog.publish'
                : action === 'retire'
                  ? 'catalog.retire'
                  : 'catalog.level_change',
            result: 'ok',
            dataset: saved.code,
            details: {
              version: saved.version,
              ...(changes.level ? { level: changes.level } : {}),
              level_now: saved.level,
            },
          },
          t,
        );
      }
      return saved;
    };
    return trx === db ? db.transaction().execute(run) : run(trx);
  }

  function rowFromBody(body: CreateDatasetBody, ownerOrgId: string): repo.DatasetInsert {
    const row = {
      id: newId(),
      code: body.code,
      name: body.name,
      name_en: body.nameEn ?? null,
      description: body.description,
      owner_org_id: ownerOrgId,
      source_system: body.sourceSystem,
      theme: body.theme,
      update_frequency: body.updateFrequency,
      share_type: body.shareType,
      open_type: body.openType,
      level: body.level,
      tags: body.tags,
      contact: body.contact,
      fields: body.fields as DatasetField[],
      status: 'draft' as const,
      version: 0,
      review_comment: null,
      published_at: null,
      search_text: '',
    };
    return { ...row, search_text: searchText(row) };
  }

  function applyUpdate(row: repo.DatasetRow, body: UpdateDatasetBody): repo.DatasetRow {
    const next: repo.DatasetRow = {
      ...row,
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.nameEn !== undefined ? { name_en: body.nameEn || null } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.sourceSystem !== undefined ? { source_system: body.sourceSystem } : {}),
      ...(body.theme ? { theme: body.theme } : {}),
      ...(body.updateFrequency ? { update_frequency: body.updateFrequency } : {}),
      ...(body.shareType ? { share_type: body.shareType } : {}),
      ...(body.openType ? { open_type: body.openType } : {}),
      ...(body.level ? { level: body.level } : {}),
      ...(body.tags ? { tags: body.tags } : {}),
      ...(body.contact ? { contact: body.contact } : {}),
      ...(body.fields ? { fields: body.fields as DatasetField[] } : {}),
    };
    return { ...next, search_text: searchText(next) };
  }

  /**
   * Owner organisations named in entries must exist. Checked before a transaction opens: orgs reads
   * through `db`, which inside a transaction waits forever on the embedded database (ADR 0002).
   */
  async function assertOwnersExist(bodies: CreateDatasetBody[]): Promise<void> {
    const named = [...new Set(bodies.flatMap((b) => (b.ownerOrgId ? [b.ownerOrgId] : [])))];
    if (named.length === 0) return;
    const found = new Set((await orgs.findOrgs(named)).map((o) => o.id));
    const missing = named.find((id) => !found.has(id));
    if (missing) throw notFound('org', missing);
  }

  /** Creates a draft owned by the actor's organisation (the admin may name another). */
  async function create(actor: Actor, body: CreateDatasetBody, trx: Db = db): Promise<repo.DatasetRow> {
    const a = requireSignedIn(actor);
    const ownerOrgId = a.roles.includes('platform_admin') && body.ownerOrgId ? body.ownerOrgId : a.orgId;
    assertMayEdit(a, { owner_org_id: ownerOrgId, status: 'draft' });
    // The named owner was checked by the caller before its transaction (assertOwnersExist).
    if (await repo.findDatasetByCode(trx, body.code))
      throw new AppError('conflict', { resource: 'dataset_code', id: body.code });
    const inserted = await repo.insertDataset(trx, rowFromBody(body, ownerOrgId));
    return transition(a, { ...inserted }, inserted, 'create', null, trx);
  }

  return {
    toDatasets,
    assertOwnersExist,
    create,
    applyUpdate,
    transition,
    getVisible,

    async createDataset(actor: Actor, body: CreateDatasetBody): Promise<Dataset> {
      await assertOwnersExist([body]);
      return one(await db.transaction().execute((trx) => create(actor, body, trx)));
    },

    async getDataset(actor: Actor, id: string): Promise<Dataset> {
      return one(await getVisible(actor, id));
    },

    async updateDataset(actor: Actor, id: string, body: UpdateDatasetBody): Promise<Dataset> {
      const row = await getVisible(actor, id);
      const a = assertMayEdit(actor, row);
      assertStatus(row, 'draft', 'published');
      return one(await transition(a, row, applyUpdate(row, body), 'update', null));
    },

    /**
     * The same update inside the caller's transaction, with a comment on the version, for modules
     * whose own record must commit with it (a confirmed classification). Answers the new version.
     */
    async updateDatasetIn(
      trx: Db,
      actor: Actor,
      id: string,
      body: UpdateDatasetBody,
      comment: string | null,
    ): Promise<number> {
      const row = await getVisible(actor, id, trx);
      const a = assertMayEdit(actor, row);
      assertStatus(row, 'draft', 'published');
      return (await transition(a, row, applyUpdate(row, body), 'update', comment, trx)).version;
    },

    async submit(actor: Actor, id: string): Promise<Dataset> {
      const row = await getVisible(actor, id);
      const a = assertMayEdit(actor, row);
      assertStatus(row, 'draft');
      return one(
        await transition(a, row, { ...row, status: 'submitted', review_comment: null }, 'submit', null),
      );
    },

    async approve(actor: Actor, id: string, comment: string): Promise<Dataset> {
      const a = assertMayReview(actor);
      const row = await getVisible(a, id);
      assertStatus(row, 'submitted');
      const next = {
        ...row,
        status: 'published' as const,
        review_comment: comment || null,
        published_at: new Date(),
      };
      return one(await transition(a, row, next, 'approve', comment || null));
    },

    async reject(actor: Actor, id: string, comment: string): Promise<Dataset> {
      const a = assertMayReview(actor);
      const row = await getVisible(a, id);
      assertStatus(row, 'submitted');
      return one(
        await transition(
          a,
          row,
          { ...row, status: 'draft', review_comment: comment || null },
          'reject',
          comment || null,
        ),
      );
    },

    async retire(actor: Actor, id: string): Promise<Dataset> {
      const row = await getVisible(actor, id);
      const a = assertMayEdit(actor, row);
      assertStatus(row, 'published');
      return one(await transition(a, row, { ...row, status: 'retired' }, 'retire', null));
    },

    async listVersions(actor: Actor, id: string) {
      requireSignedIn(actor);
      await getVisible(actor, id);
      const rows = await repo.listVersions(db, id);
      return {
        items: rows.map((v) => ({
          version: v.version,
          action: v.action,
          changedBy: v.changed_by_name,
          changedAt: v.changed_at.toISOString(),
          changes: v.changes,
          comment: v.comment,
        })),
      };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
