import type { Actor } from '../../../platform/actor.ts';

// Who may do what with data requests and comments: small pure functions over the stored rows.

type RequestRef = {
  status: string;
  outcome: string | null;
  requester_id: string | null;
  suggested_org_id: string | null;
  assigned_org_id: string | null;
};
type CommentRef = { author_id: string; owner_org_id: string; hidden_at: Date | null };

export const isAdmin = (a: Actor): boolean => a.kind !== 'anonymous' && a.roles.includes('platform_admin');

export const isOfficerOf = (a: Actor, orgId: string | null): boolean =>
  a.kind !== 'anonymous' && orgId !== null && a.roles.includes('data_officer') && a.orgId === orgId;

export const isRequester = (a: Actor, r: RequestRef): boolean =>
  a.kind !== 'anonymous' && r.requester_id !== null && r.requester_id === a.id;

const pending = (r: RequestRef) => r.status === 'submitted' || r.status === 'assigned';

/** Rejected requests (spam, abuse) are withdrawn from the public: the admin and the requester still see them. */
export const canSeeRequest = (a: Actor, r: RequestRef): boolean =>
  r.status !== 'rejected' || isAdmin(a) || isRequester(a, r);

/**
 * The platform admin routes any pending request; the suggested organisation's data officer may take
 * it or pass it on while nobody has yet.
 */
export const canAssign = (a: Actor, r: RequestRef): boolean =>
  pending(r) && (isAdmin(a) || (r.status === 'submitted' && isOfficerOf(a, r.suggested_org_id)));

/** The assigned organisation's data officer answers; a "will open" answer may later be followed up. */
export const canAnswer = (a: Actor, r: RequestRef): boolean =>
  isOfficerOf(a, r.assigned_org_id) &&
  (r.status === 'assigned' || (r.status === 'answered' && r.outcome === 'will_open'));

export const canReject = (a: Actor, r: RequestRef): boolean => isAdmin(a) && pending(r);

/** Whom the answer may need to reach: the admin and the assigned owner, never the public. */
export const canReadContact = (a: Actor, r: RequestRef): boolean =>
  isAdmin(a) || isOfficerOf(a, r.assigned_org_id);

/** Only the owner's data officers speak for the dataset. */
export const canReply = (a: Actor, c: CommentRef): boolean =>
  c.hidden_at === null && isOfficerOf(a, c.owner_org_id);

export const canHide = (a: Actor, c: CommentRef): boolean => c.hidden_at === null && isAdmin(a);

export const isAuthor = (a: Actor, c: CommentRef): boolean => a.kind !== 'anonymous' && a.id === c.author_id;
