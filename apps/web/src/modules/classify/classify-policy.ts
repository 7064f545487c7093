import type { Dataset, Me } from '@shuzhi/contracts';
import { isCatalogAdmin, isOwnerOfficer } from '../catalog/catalog-policy';

// Mirrors the server's classify policy so controls appear only where the call would succeed.

/** Detection reads the dataset's rows: the owner organisation and the admin, on a published dataset. */
export const canSeeClassification = (me: Me | null | undefined, dataset: Dataset) =>
  (dataset.status === 'published' || dataset.status === 'retired') &&
  (isCatalogAdmin(me) || me?.org.id === dataset.ownerOrgId);

export const canRunClassification = (me: Me | null | undefined, dataset: Dataset) =>
  dataset.status === 'published' && canSeeClassification(me, dataset);

/** Confirming changes the catalog entry: its data officer's (or the admin's) decision. */
export const canConfirmClassification = (me: Me | null | undefined, dataset: Dataset) =>
  (dataset.status === 'draft' || dataset.status === 'published') &&
  (isCatalogAdmin(me) || isOwnerOfficer(me, dataset));
