import type { PsiSession } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../platform/errors.ts';
import type { OrgsService } from '../../orgs/index.ts';
import { POINT_BYTES } from './psi.crypto.ts';
import * as repo from './psi.repo.ts';

type Side = 'initiator' | 'partner';
type Stage = 'blinded' | 'reblinded';
const peerOf = (s: Side): Side => (s === 'initiator' ? 'partner' : 'initiator');

const badPoints = (zh: string, en: string) =>
  new AppError('psi_points_invalid', { reason_zh: zh, reason_en: en });

/** How many 32-byte points an upload holds (and that it holds whole ones). */
export function countPoints(body: unknown, max: number): number {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw badPoints(
      '请求体应为 n × 32 字节的盲化点（application/octet-stream）',
      'the body must be n × 32 bytes of blinded points (application/octet-stream)',
    );
  if (body.length % POINT_BYTES !== 0)
    throw badPoints(`长度 ${body.length} 不是 32 的整数倍`, `length ${body.length} is not a multiple of 32`);
  const n = body.length / POINT_BYTES;
  if (n > max)
    throw badPoints(
      `超过上限 ${max} 个（SHUZHI_PSI_MAX_KEYS）`,
      `more than the ${max} allowed (SHUZHI_PSI_MAX_KEYS)`,
    );
  return n;
}

/** How many of `mine` (n × 32 bytes) occur in `theirs`. */
export function overlap(mine: Buffer, theirs: Buffer): number {
  const seen = new Set<string>();
  for (let o = 0; o < theirs.length; o += POINT_BYTES)
    seen.add(theirs.toString('latin1', o, o + POINT_BYTES));
  let n = 0;
  for (let o = 0; o < mine.length; o += POINT_BYTES)
    if (seen.has(mine.toString('latin1', o, o + POINT_BYTES))) n++;
  return n;
}

/** A session as one side sees it: who, what was uploaded, and what that side does next. */
export function sessionView(db: Db, orgs: OrgsService) {
  return async (row: repo.SessionRow, side: Side | null): Promise<PsiSession> => {
    const [sets, names] = await Promise.all([
      repo.listSetMeta(db, [row.id]),
      orgs.findOrgs([row.initiator_org_id, row.partner_org_id]),
    ]);
    const name = (id: string) => names.find((o) => o.id === id)?.name ?? id;
    const up = (s: Side, st: Stage) => {
      const m = sets.find((x) => x.side === s && x.stage === st);
      return m ? { count: m.count, uploadedAt: m.uploaded_at.toISOString() } : null;
    };
    const me = side ?? 'initiator';
    const peer = peerOf(me);
    const next: PsiSession['next'] =
      row.status === 'finished'
        ? 'done'
        : !up(me, 'blinded')
          ? 'upload_blinded'
          : !up(peer, 'blinded')
            ? 'wait_peer_blinded'
            : !up(me, 'reblinded')
              ? 'upload_reblinded'
              : !up(peer, 'reblinded')
                ? 'wait_peer_reblinded'
                : 'fetch_result';
    return {
      id: row.id,
      initiatorOrgId: row.initiator_org_id,
      initiatorOrgName: name(row.initiator_org_id),
      partnerOrgId: row.partner_org_id,
      partnerOrgName: name(row.partner_org_id),
      purpose: row.purpose,
      status: row.status,
      mySide: side,
      next,
      uploads: {
        initiator: { blinded: up('initiator', 'blinded'), reblinded: up('initiator', 'reblinded') },
        partner: { blinded: up('partner', 'blinded'), reblinded: up('partner', 'reblinded') },
      },
      intersectionSize: row.intersection_size,
      createdBy: row.created_by_name,
      createdAt: row.created_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
    };
  };
}
