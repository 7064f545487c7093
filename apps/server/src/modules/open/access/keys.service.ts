import { type ApiKey, MAX_ACTIVE_KEYS, type OpenAccount } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { newId, randomToken } from '../../../platform/ids.ts';
import { chinaDay } from '../../quality/index.ts';
import { requireAccount, requireVerified, sha256 } from './accounts.service.ts';
import type { KeyUse } from './key-use.ts';
import * as repo from './keys.repo.ts';

/** Keys start with this, so that a key pasted anywhere is recognisable (and secret scanners find it). */
export const KEY_PREFIX = 'szk_';
const SHOWN = KEY_PREFIX.length + 8;

const shanghaiTime = (d: Date) =>
  d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
const daysBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const toKey = (r: repo.ApiKeyRow, calls = { today: 0, d30: 0 }): ApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null,
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  callsToday: calls.today,
  calls30d: calls.d30,
});

/**
 * Self-service API keys of the open data APIs: at most five active per account, shown once at
 * creation and kept only as SHA-256; revocation takes effect on the next call.
 */
export function createKeysService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const today = () => chinaDay(deps.now?.() ?? new Date());

  async function getOwn(account: OpenAccount, id: string) {
    const row = await repo.findKey(db, account.id, id);
    if (!row) throw notFound('api_key', id);
    return row;
  }

  return {
    async list(who: OpenAccount | null) {
      const account = requireAccount(who);
      const rows = await repo.listKeys(db, account.id);
      const day = today();
      const totals = await repo.callTotals(
        db,
        rows.map((r) => r.id),
        day,
        daysBefore(day, 29),
      );
      return { items: rows.map((r) => toKey(r, totals.get(r.id))), maxActive: MAX_ACTIVE_KEYS };
    },

    async create(who: OpenAccount | null, name: string) {
      const account = requireVerified(who);
      const secret = `${KEY_PREFIX}${randomToken(24)}`;
      const row = await db.transaction().execute(async (trx) => {
        await repo.lockAccount(trx, account.id);
        if ((await repo.countActive(trx, account.id)) >= MAX_ACTIVE_KEYS)
          throw new AppError('api_key_limit', { max: MAX_ACTIVE_KEYS });
        return repo.insertKey(trx, {
          id: newId(),
          account_id: account.id,
          name,
          prefix: secret.slice(0, SHOWN),
          key_hash: sha256(secret),
        });
      });
      return { key: toKey(row), secret };
    },

    async rename(who: OpenAccount | null, id: string, name: string) {
      const account = requireAccount(who);
      const row = await repo.renameKey(db, account.id, id, name);
      if (!row) throw notFound('api_key', id);
      return toKey(row);
    },

    /** Revokes a key; revoking a revoked key changes nothing. */
    async revoke(who: OpenAccount | null, id: string) {
      const account = requireAccount(who);
      const row = (await repo.revokeKey(db, account.id, id)) ?? (await getOwn(account, id));
      return toKey(row);
    },

    /** Calls per day and dataset over the last 30 days. */
    async usage(who: OpenAccount | null, id: string) {
      const account = requireAccount(who);
      await getOwn(account, id);
      return { items: await repo.usageOf(db, id, daysBefore(today(), 29)) };
    },

    /** The key behind a request's header; an unknown or revoked key is an error, never anonymity. */
    async authenticate(secret: string): Promise<KeyUse> {
      const row = secret.startsWith(KEY_PREFIX) ? await repo.findByHash(db, sha256(secret)) : undefined;
      if (row?.account_status !== 'active') throw new AppError('api_key_invalid');
      if (row.status === 'revoked')
        throw new AppError('api_key_revoked', { at: row.revoked_at ? shanghaiTime(row.revoked_at) : '' });
      return { id: row.id, accountId: row.account_id, datasets: new Set() };
    },

    /** Counts a keyed call once per dataset it read ('' when it read none in particular). */
    async count(key: KeyUse, ok: boolean): Promise<void> {
      const datasets = key.datasets.size > 0 ? [...key.datasets] : [''];
      await repo.countCall(db, key.id, today(), datasets, ok);
    },
  };
}

export type KeysService = ReturnType<typeof createKeysService>;
