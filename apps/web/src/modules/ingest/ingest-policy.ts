import type { Dataset, Me } from '@shuzhi/contracts';
import { isCatalogAdmin, isOwnerOfficer } from '../catalog/catalog-policy';

// Mirrors the server's ingest policy so the wizard appears only where the upload would succeed.

/** Data goes only into a published dataset, loaded by its owner's data officer or a platform admin. */
export const canImportData = (me: Me | null | undefined, dataset: Dataset) =>
  dataset.status === 'published' && (isCatalogAdmin(me) || isOwnerOfficer(me, dataset));

/** Imports exist once a dataset was published; their reports belong to the owner organisation and the admin. */
export const hasImportHistory = (me: Me | null | undefined, dataset: Dataset) =>
  (dataset.status === 'published' || dataset.status === 'retired') &&
  (isCatalogAdmin(me) || me?.org.id === dataset.ownerOrgId);
