import type { Dataset, Me } from '@shuzhi/contracts';
import { hasAnyRole } from '../../app/auth';

// Mirrors the server's catalog policy so buttons appear only where the call would succeed.

export const isCatalogAdmin = (me: Me | null | undefined) => hasAnyRole(me, ['platform_admin']);

/** A data officer acting for the organisation that owns the dataset. */
export const isOwnerOfficer = (me: Me | null | undefined, dataset: Pick<Dataset, 'ownerOrgId'>) =>
  !!me && me.org.id === dataset.ownerOrgId && hasAnyRole(me, ['data_officer']);

export const canCreateDataset = (me: Me | null | undefined) =>
  hasAnyRole(me, ['platform_admin', 'data_officer']);

export const canEditDataset = (me: Me | null | undefined, dataset: Dataset) =>
  (isCatalogAdmin(me) && dataset.status !== 'retired') ||
  (isOwnerOfficer(me, dataset) && (dataset.status === 'draft' || dataset.status === 'published'));

export const canSubmitDataset = (me: Me | null | undefined, dataset: Dataset) =>
  dataset.status === 'draft' && isOwnerOfficer(me, dataset);

export const canReviewDataset = (me: Me | null | undefined, dataset: Dataset) =>
  dataset.status === 'submitted' && isCatalogAdmin(me);

export const canRetireDataset = (me: Me | null | undefined, dataset: Dataset) =>
  dataset.status === 'published' && (isCatalogAdmin(me) || isOwnerOfficer(me, dataset));
