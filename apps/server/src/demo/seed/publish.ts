import { CreateDatasetBody, type Dataset } from '@shuzhi/contracts';
import { cityDepartments, organCode } from '../../modules/orgs/index.ts';
import { systemActor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Services } from '../../services.ts';
import type { DemoDataset, DemoElement, Owner } from '../datasets/types.ts';

const CITY = '330100';
const APPROVAL = '演示城市数据集 / demo city dataset';

/** The seeded organisation's code for a dataset owner (see orgs' seed data). */
export function ownerCode(owner: Owner): string {
  if ('district' in owner) return organCode(owner.district, 1);
  const i = cityDepartments.findIndex((d) => d.key === owner.department);
  if (i < 0) throw new Error(`unknown department ${owner.department}`);
  return organCode(CITY, i + 1);
}

/** The organisation ids of the owners, failing on one that is not seeded. */
export async function resolveOwners(
  s: Services,
  datasets: readonly DemoDataset[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const d of datasets) {
    const code = ownerCode(d.owner);
    if (ids.has(code)) continue;
    const org = await s.orgs.findOrgByCode(code);
    if (!org) throw notFound('org', code);
    ids.set(code, org.id);
  }
  return ids;
}

/**
 * Brings a demo dataset's catalog entry to published through the real lifecycle (create, submit,
 * approve), picking up where an interrupted run left it. A different dataset under the same code is
 * refused rather than loaded into.
 */
export async function ensurePublished(s: Services, d: DemoDataset, ownerOrgId: string): Promise<Dataset> {
  const catalog = s.catalog.service;
  const existingId = await s.catalog.findDatasetIdByCode(d.entry.code);
  let ds = existingId
    ? await s.catalog.findDatasetById(existingId)
    : await catalog.createDataset(systemActor, CreateDatasetBody.parse({ ...d.entry, ownerOrgId }));
  if (!ds) throw notFound('dataset', d.entry.code);
  const names = (f: { name: string }[]) => f.map((x) => x.name).join(',');
  if (ds.ownerOrgId !== ownerOrgId || names(ds.fields) !== names(d.entry.fields) || ds.status === 'retired')
    throw new AppError('demo_code_taken', { code: d.entry.code });
  if (ds.status === 'draft') ds = await catalog.submit(systemActor, ds.id);
  if (ds.status === 'submitted') ds = await catalog.approve(systemActor, ds.id, APPROVAL);
  return ds;
}

/** Declares the elements and their bindings that are not there yet; answers how many exist. */
export async function ensureElements(
  s: Services,
  elements: readonly DemoElement[],
  datasetIds: Map<string, string>,
): Promise<number> {
  const svc = s.catalog.elements;
  const existing = new Map((await svc.listElements(systemActor)).items.map((e) => [e.code, e]));
  const idOf = (code: string) => {
    const id = datasetIds.get(code);
    if (!id) throw notFound('dataset', code);
    return id;
  };
  for (const el of elements) {
    const current =
      existing.get(el.code) ??
      (await svc.createElement(systemActor, {
        code: el.code,
        name: el.name,
        description: el.description,
        authoritativeDatasetId: idOf(el.dataset),
        fieldName: el.field,
        keyType: el.keyType,
      }));
    for (const b of el.bindings) {
      const datasetId = idOf(b.dataset);
      if (current.bindings.some((x) => x.datasetId === datasetId)) continue;
      await svc.addBinding(systemActor, el.code, {
        datasetId,
        valueField: b.valueField,
        keyField: b.keyField,
        valueMap: {},
      });
    }
  }
  return elements.length;
}
