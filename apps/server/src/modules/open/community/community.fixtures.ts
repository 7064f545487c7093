import { sql } from 'kysely';
import type { SignedInActor } from '../../../platform/actor.ts';
import { DEMO_PASSWORD } from '../../auth/index.ts';
import { organCode } from '../../orgs/index.ts';
import { openFixture } from '../open.fixtures.ts';
import { calendarFrom } from './index.ts';
import { createRequestsService } from './requests.service.ts';

// Test-only helpers of the open community's integration tests.

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

let ipSeq = 0;
/** A fresh client address per call unless given: the per-IP limits are tested on their own. */
export const nextIp = () => {
  ipSeq++;
  return `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`;
};

/** The open fixture (OPEN-AIR.01 loaded, OPEN-BUS-02, COND-X-03 conditional) with the people of the tests. */
export async function communityFixture() {
  const f = await openFixture();
  const { t } = f;
  const org = async (key: number) => {
    const o = await t.services.orgs.findOrgByCode(organCode('330100', key));
    if (!o) throw new Error(`org ${key} missing`);
    return o;
  };
  const [police, civil] = await Promise.all([org(2), org(3)]);
  await t.services.users.createUnchecked(
    {
      username: 'civil_officer',
      displayName: '民政局数据专员',
      password: DEMO_PASSWORD,
      grants: [{ orgId: civil.id, role: 'data_officer' }],
    },
    false,
  );
  const [admin, officer, viewer, civilOfficer] = await Promise.all([
    t.login('admin'),
    t.login('officer'),
    t.login('viewer'),
    t.login('civil_officer'),
  ]);

  const call = (
    cookie: string | null,
    method: Method,
    url: string,
    payload?: unknown,
    opts: { ip?: string; lang?: 'zh-CN' | 'en' } = {},
  ) =>
    t.app.inject({
      method,
      url: `/api/v1/open${url}`,
      remoteAddress: opts.ip ?? nextIp(),
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(opts.lang ? { 'accept-language': opts.lang } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  const actorOf = async (cookie: string) =>
    (await t.services.auth.actorFromSession(cookie.split('=')[1])) as SignedInActor;

  /** The requests service on a fixed clock: deadlines and overdue depend on the day. */
  const requestsAt = (iso: string) =>
    createRequestsService({
      db: t.services.db,
      orgs: t.services.orgs,
      ledger: t.services.ledger,
      calendar: calendarFrom(t.services.quality.calendar),
      now: () => new Date(iso),
    });

  /** The ledger's entries of one action, decoded. */
  const ledgerOf = async (action: string) => {
    await t.services.ledger.drain();
    const r = await sql<{ body: Uint8Array }>`select body from ledger.entry order by idx`.execute(
      t.services.db,
    );
    return r.rows
      .map((x) => JSON.parse(Buffer.from(x.body).toString()) as Record<string, unknown> & { action: string })
      .filter((e) => e.action === action);
  };

  return { ...f, police, civil, admin, officer, viewer, civilOfficer, call, actorOf, requestsAt, ledgerOf };
}

export type CommunityFixture = Awaited<ReturnType<typeof communityFixture>>;
