import type { Dataset, Me } from '@shuzhi/contracts';
import { isCatalogAdmin, isOwnerOfficer } from '../catalog/catalog-policy';

// Mirrors the server's privacy policy so the entry appears only where the calls would succeed.

/** k-anonymity and DP releases of a dataset: its owner's data officer and the platform admin. */
export const canManagePrivacy = (me: Me | null | undefined, dataset: Dataset) =>
  dataset.status !== 'draft' && (isCatalogAdmin(me) || isOwnerOfficer(me, dataset));
