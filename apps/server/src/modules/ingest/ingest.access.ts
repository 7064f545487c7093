import type { Dataset } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireSignedIn, type SignedInActor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import * as repo from './ingest.repo.ts';
import type { DatasetLookup } from './ingest.service.ts';

/**
 * Who may touch a dataset's imports, mappings and sources: its owner organisation (the data
 * officer to change anything or read raw rows) and the platform admin.
 */
export function createIngestAccess(deps: { db: Db; datasets: DatasetLookup }) {
  const { db, datasets } = deps;

  async function ownDataset(
    actor: Actor,
    datasetId: string,
    officer: boolean,
  ): Promise<{ a: SignedInActor; ds: Dataset }> {
    const a = requireSignedIn(actor);
    const ds = await datasets.getDataset(a, datasetId);
    if (a.roles.includes('platform_admin')) return { a, ds };
    if (a.orgId !== ds.ownerOrgId)
      throw new AppError('forbidden', { need: 'a role in the owner organisation' });
    if (officer && !a.roles.includes('data_officer')) {
      throw new AppError('forbidden', { need: 'data_officer of the owner organisation' });
    }
    return { a, ds };
  }

  /** Data goes only into a published dataset, loaded by its owner's data officer or the admin. */
  async function mayImport(actor: Actor, datasetId: string): Promise<{ a: SignedInActor; ds: Dataset }> {
    const { a, ds } = await ownDataset(actor, datasetId, true);
    if (ds.status !== 'published')
      throw new AppError('wrong_status', { status: ds.status, need: 'published' });
    return { a, ds };
  }

  async function findOwnImport(actor: Actor, importId: string, officer: boolean) {
    const row = await repo.findImport(db, importId);
    if (!row) throw notFound('import', importId);
    const { a, ds } = await ownDataset(actor, row.dataset_id, officer);
    return { a, ds, row };
  }

  return { ownDataset, mayImport, findOwnImport };
}

export type IngestAccess = ReturnType<typeof createIngestAccess>;
