import type { Dataset, Me } from '@shuzhi/contracts';
import { isCatalogAdmin, isOwnerOfficer } from '../catalog/catalog-policy';

// Mirrors the server's quality policy so controls appear only where the call would succeed.

/** Rules and runs: the owner's data officer or the admin. */
export const canManageQuality = (me: Me | null | undefined, ds: Pick<Dataset, 'ownerOrgId'>) =>
  isCatalogAdmin(me) || isOwnerOfficer(me, ds);

/** Custom SQL checks read the database directly: the admin's tool alone. */
export const canWriteSql = (me: Me | null | undefined) => isCatalogAdmin(me);

/** Anyone who sees a published dataset may raise a complaint about it. */
export const canRaiseComplaint = (me: Me | null | undefined, ds: Pick<Dataset, 'status'>) =>
  !!me && ds.status === 'published';

/** The inbox of complaints on the organisation's datasets is the data officers' (and the admin's). */
export const hasComplaintInbox = (me: Me | null | undefined) =>
  !!me && me.roles.some((r) => r === 'data_officer' || r === 'platform_admin');
