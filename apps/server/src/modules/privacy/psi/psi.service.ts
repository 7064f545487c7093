import type { CreatePsiSessionBody, PsiSession } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { type Actor, requireRole } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import type { OrgsService } from '../../orgs/index.ts';
import { psiSideOf, requireSide } from '../privacy.policy.ts';
import { POINT_BYTES } from './psi.crypto.ts';
import * as repo from './psi.repo.ts';
import { countPoints, overlap, sessionView } from './psi.view.ts';

type Side = 'initiator' | 'partner';
type Stage = 'blinded' | 'reblinded';
const peerOf = (s: Side): Side => (s === 'initiator' ? 'partner' : 'initiator');

const wrongStep = (zh: string, en: string) =>
  new AppError('psi_wrong_step', { reason_zh: zh, reason_en: en });
const badPoints = (zh: string, en: string) =>
  new AppError('psi_points_invalid', { reason_zh: zh, reason_en: en });

/**
 * ECDH private set intersection between two organisations, relayed by the server. The parties blind on
 * their own machines (`shuzhi psi`); the server stores and passes on blinded points only. What it sees
 * anyway — set sizes, and, once both re-blinded sets are in, how many points match — is recorded on
 * the session and in the ledger (see docs/privacy.md).
 */
export function createPsiService(deps: { db: Db; ledger: Ledger; orgs: OrgsService; maxKeys: number }) {
  const { db, ledger, orgs, maxKeys } = deps;

  const view = sessionView(db, orgs);

  async function session(actor: Actor, id: string) {
    const row = await repo.findSession(db, id);
    if (!row) throw new AppError('not_found', { resource: 'psi_session', id });
    // Another organisation's session is forbidden, not hidden: its id was given to both parties.
    return { row, ...psiSideOf(actor, row) };
  }

  const record = (
    a: ReturnType<typeof requireSide>['actor'],
    action: string,
    id: string,
    details: Record<string, unknown>,
    trx?: Db,
  ) => ledger.record({ actor: a, action, result: 'ok', details: { session: id, ...details } }, trx);

  /** Stores one of the caller's uploads once, in the order the protocol allows. */
  async function upload(actor: Actor, id: string, stage: Stage, body: unknown): Promise<PsiSession> {
    const n = countPoints(body, maxKeys);
    const { actor: a, side } = requireSide(await session(actor, id));
    await db.transaction().execute(async (trx) => {
      const row = await repo.lockSession(trx, id);
      if (row?.status !== 'open') throw wrongStep('会话已结束', 'the session has finished');
      const sets = await repo.listSetMeta(trx, [id]);
      const has = (s: Side, st: Stage) => sets.find((x) => x.side === s && x.stage === st);
      if (has(side, stage))
        throw wrongStep('这一步已上传过，不能替换', 'this step was uploaded already and cannot be replaced');
      if (stage === 'reblinded') {
        const peer = has(peerOf(side), 'blinded');
        if (!has(side, 'blinded') || !peer)
          throw wrongStep(
            '双方都上传了盲化集合之后才能上传再盲化的集合',
            'both blinded sets must be in before a re-blinded one',
          );
        if (peer.count !== n)
          throw badPoints(
            `应为对方的 ${peer.count} 个点按原顺序再盲化，收到 ${n} 个`,
            `expected the peer's ${peer.count} points re-blinded in their order, got ${n}`,
          );
      }
      await repo.insertSet(trx, {
        session_id: id,
        side,
        stage,
        points: body as Buffer,
        count: n,
        uploaded_by_name: a.name,
      });
      if (stage === 'reblinded' && has(peerOf(side), 'reblinded')) {
        // Both sets blinded by both secrets are here: the server can count matches, so it says so.
        const [mine, theirs] = await Promise.all([
          repo.readPoints(trx, id, peerOf(side), 'reblinded'),
          repo.readPoints(trx, id, side, 'reblinded'),
        ]);
        await repo.updateSession(trx, id, { intersection_size: overlap(mine as Buffer, theirs as Buffer) });
      }
      await record(a, `privacy.psi_${stage}`, id, { side, count: n }, trx);
    });
    return view((await repo.findSession(db, id)) as repo.SessionRow, side);
  }

  return {
    async create(actor: Actor, body: CreatePsiSessionBody): Promise<PsiSession> {
      const a = requireRole(actor, 'data_officer');
      if (body.partnerOrgId === a.orgId)
        throw new AppError('psi_partner_invalid', {
          reason_zh: '不能与本机构求交',
          reason_en: 'an organisation cannot intersect with itself',
        });
      if ((await orgs.findOrgs([body.partnerOrgId])).length === 0)
        throw new AppError('not_found', { resource: 'org', id: body.partnerOrgId });
      const row = await db.transaction().execute(async (trx) => {
        const r = await repo.insertSession(trx, {
          id: newId(),
          initiator_org_id: a.orgId,
          partner_org_id: body.partnerOrgId,
          purpose: body.purpose,
          status: 'open',
          intersection_size: null,
          created_by: a.id,
          created_by_name: a.name,
          finished_at: null,
        });
        await ledger.record(
          {
            actor: a,
            action: 'privacy.psi_create',
            result: 'ok',
            purpose: body.purpose,
            details: { session: r.id, partner: body.partnerOrgId },
          },
          trx,
        );
        return r;
      });
      return view(row, 'initiator');
    },

    async list(actor: Actor): Promise<{ items: PsiSession[] }> {
      const a = requireRole(actor, 'data_officer', 'platform_admin');
      const admin = a.roles.includes('platform_admin');
      const rows = await repo.listSessions(db, admin ? null : a.orgId, 100);
      const sideOf = (r: repo.SessionRow): Side | null =>
        r.initiator_org_id === a.orgId ? 'initiator' : r.partner_org_id === a.orgId ? 'partner' : null;
      return { items: await Promise.all(rows.map((r) => view(r, sideOf(r)))) };
    },

    async get(actor: Actor, id: string): Promise<PsiSession> {
      const { row, side } = await session(actor, id);
      return view(row, side);
    },

    uploadBlinded: (actor: Actor, id: string, body: unknown) => upload(actor, id, 'blinded', body),
    uploadReblinded: (actor: Actor, id: string, body: unknown) => upload(actor, id, 'reblinded', body),

    /** The peer's blinded set, once the caller has committed its own (so it cannot choose after seeing). */
    async peerBlinded(actor: Actor, id: string): Promise<Buffer> {
      const { row, ...r } = await session(actor, id);
      const { actor: a, side } = requireSide(r);
      if (row.status !== 'open') throw wrongStep('会话已结束', 'the session has finished');
      if (!(await repo.readPoints(db, id, side, 'blinded')))
        throw wrongStep('请先上传本方的盲化集合', 'upload your own blinded set first');
      const points = await repo.readPoints(db, id, peerOf(side), 'blinded');
      if (!points) throw wrongStep('对方尚未上传盲化集合', 'the peer has not uploaded its blinded set yet');
      await record(a, 'privacy.psi_fetch_peer', id, { side, count: points.length / POINT_BYTES });
      return points;
    },

    /** The caller's own set as blinded by both secrets, in its upload order; after both re-blinded sets are in. */
    async result(actor: Actor, id: string): Promise<Buffer> {
      const { row, ...r } = await session(actor, id);
      const { actor: a, side } = requireSide(r);
      if (row.status !== 'open') throw wrongStep('会话已结束', 'the session has finished');
      const [mine, theirs] = await Promise.all([
        repo.readPoints(db, id, peerOf(side), 'reblinded'),
        repo.readPoints(db, id, side, 'reblinded'),
      ]);
      if (!theirs) throw wrongStep('请先上传再盲化的对方集合', 'upload the peer’s set re-blinded first');
      if (!mine)
        throw wrongStep('对方尚未上传再盲化的集合', 'the peer has not uploaded its re-blinded set yet');
      await record(a, 'privacy.psi_result', id, { side, count: mine.length / POINT_BYTES });
      return mine;
    },

    /** Ends the session and erases every stored point; the session keeps its counts. */
    async finish(actor: Actor, id: string): Promise<PsiSession> {
      const { row, ...r } = await session(actor, id);
      const { actor: a, side } = requireSide(r);
      if (row.status === 'finished') return view(row, side);
      await db.transaction().execute(async (trx) => {
        await repo.erasePoints(trx, id);
        await repo.updateSession(trx, id, { status: 'finished', finished_at: new Date() });
        await record(a, 'privacy.psi_finish', id, { side, intersection: row.intersection_size }, trx);
      });
      return view((await repo.findSession(db, id)) as repo.SessionRow, side);
    },
  };
}

export type PsiService = ReturnType<typeof createPsiService>;
