import type { Dataset, Me, ShareGrant, ShareRequest, ShareSide } from '@shuzhi/contracts';
import { hasAnyRole } from '../../app/auth';

// Mirrors the server's sharing policy so buttons appear only where the call would succeed.

const STAFF = ['data_officer', 'approver'] as const;

export const isPlatformAdmin = (me: Me | null | undefined) => hasAnyRole(me, ['platform_admin']);

/** A data officer or approver acting for the organisation `orgId`. */
const actsFor = (me: Me | null | undefined, orgId: string) =>
  !!me && me.org.id === orgId && hasAnyRole(me, [...STAFF]);

/** The sides of the lists this actor may see: consumer and owner for department staff, all for the admin. */
export const sidesFor = (me: Me | null | undefined): ShareSide[] => [
  ...(hasAnyRole(me, [...STAFF]) ? (['consumer', 'owner'] as const) : []),
  ...(isPlatformAdmin(me) ? (['platform'] as const) : []),
];

/** 申请共享 on a catalog dataset: published, shared, and held by another organisation. */
export const canRequestShare = (me: Me | null | undefined, dataset: Dataset) =>
  dataset.status === 'published' &&
  dataset.shareType !== 'none' &&
  !!me &&
  me.org.id !== dataset.ownerOrgId &&
  hasAnyRole(me, [...STAFF]);

const decider = (me: Me | null | undefined, r: ShareRequest) =>
  (r.approver === 'owner' && actsFor(me, r.ownerOrgId)) ||
  (isPlatformAdmin(me) && (r.approver === 'platform' || r.overdue));

/** Approve or ask: the owner for conditional data, the platform for the rest and for escalated requests. */
export const canDecide = (me: Me | null | undefined, r: ShareRequest) =>
  r.status === 'pending' && decider(me, r);

/** Reject: the same approvers, also while waiting for the requester's answer. */
export const canReject = (me: Me | null | undefined, r: ShareRequest) =>
  (r.status === 'pending' || r.status === 'more_info') && decider(me, r);

export const isRequester = (me: Me | null | undefined, r: ShareRequest) => actsFor(me, r.consumerOrgId);

export const canWithdraw = (me: Me | null | undefined, r: ShareRequest) =>
  (r.status === 'pending' || r.status === 'more_info') && isRequester(me, r);

export const canAnswer = (me: Me | null | undefined, r: ShareRequest) =>
  r.status === 'more_info' && isRequester(me, r);

/** The owner, the platform admin, or the consumer itself may end a grant still in force. */
export const canRevoke = (me: Me | null | undefined, g: ShareGrant) =>
  (g.status === 'active' || g.status === 'not_started') &&
  (isPlatformAdmin(me) || actsFor(me, g.ownerOrgId) || actsFor(me, g.consumerOrgId));

/** The API console is for whoever holds the app's credentials: the consumer, or the admin who issued them. */
export const canUseConsole = (me: Me | null | undefined, g: ShareGrant) =>
  isPlatformAdmin(me) || actsFor(me, g.consumerOrgId);
