import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

/** bytea comes back as Buffer from pg and as Uint8Array from PGlite. */
export const buf = (v: Uint8Array): Buffer => (Buffer.isBuffer(v) ? v : Buffer.from(v));

/** Queues entries: their bytes and the subject hashes they name (so sequencing need not parse them). */
export async function enqueue(db: Db, entries: { body: Buffer; subjects: string[] }[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('ledger.queue')
    .values(entries.map((e) => ({ body: e.body, subjects: e.subjects.length ? e.subjects : null })))
    .execute();
}

export async function lockHead(db: Db) {
  const h = await db
    .selectFrom('ledger.head')
    .selectAll()
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { size: Number(h.size), frontier: buf(h.frontier), chain: buf(h.chain) };
}

export async function readHead(db: Db) {
  const h = await db.selectFrom('ledger.head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return { size: Number(h.size), frontier: buf(h.frontier), chain: buf(h.chain) };
}

/**
 * The oldest queued entries' leaf hashes (RFC 9162: SHA-256 of 0x00 and the bytes), computed by the
 * database so that the bytes themselves never travel to the sequencer and back.
 */
export async function takeQueuedLeaves(db: Db, limit: number): Promise<{ id: number; leaf: Buffer }[]> {
  const rows = await db
    .selectFrom('ledger.queue')
    .select(['id', sql<Uint8Array>`sha256('\\x00'::bytea || body)`.as('leaf')])
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), leaf: buf(r.leaf) }));
}

/** Moves queued entries into the log at their indices; bytes and subjects are copied inside the database. */
export async function moveToLog(
  db: Db,
  rows: { queueId: number; idx: number; leaf_hash: Buffer; completed: Buffer; chain: Buffer }[],
): Promise<void> {
  const hex = (b: Buffer) => b.toString('hex');
  for (let i = 0; i < rows.length; i += 10_000) {
    const part = rows.slice(i, i + 10_000);
    await sql`insert into ledger.entry (idx, body, leaf_hash, completed, chain, subjects)
      select v.idx, q.body, decode(v.leaf, 'hex'), decode(v.completed, 'hex'), decode(v.chain, 'hex'), q.subjects
      from unnest(${part.map((r) => r.queueId)}::bigint[], ${part.map((r) => r.idx)}::bigint[],
        ${part.map((r) => hex(r.leaf_hash))}::text[], ${part.map((r) => hex(r.completed))}::text[],
        ${part.map((r) => hex(r.chain))}::text[]) as v(qid, idx, leaf, completed, chain)
      join ledger.queue q on q.id = v.qid`.execute(db);
  }
}

export async function deleteQueued(db: Db, maxId: number): Promise<void> {
  await db.deleteFrom('ledger.queue').where('id', '<=', maxId).execute();
}

export async function deleteQueuedIds(db: Db, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 10_000)
    await sql`delete from ledger.queue where id = any(${ids.slice(i, i + 10_000)}::bigint[])`.execute(db);
}

export async function updateHead(
  db: Db,
  h: { size: number; frontier: Buffer; chain: Buffer },
): Promise<void> {
  await db
    .updateTable('ledger.head')
    .set({ ...h, updated_at: sql`now()` })
    .where('id', '=', 1)
    .execute();
}

export async function latestCheckpoint(db: Db) {
  const c = await db
    .selectFrom('ledger.checkpoint')
    .selectAll()
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return c ? { size: Number(c.size), root: buf(c.root), note: c.note, createdAt: c.created_at } : undefined;
}

export async function insertCheckpoint(
  db: Db,
  c: { size: number; root: Buffer; note: string },
): Promise<void> {
  await db
    .insertInto('ledger.checkpoint')
    .values(c)
    .onConflict((oc) => oc.column('size').doNothing())
    .execute();
}

export async function listCheckpoints(db: Db) {
  const rows = await db.selectFrom('ledger.checkpoint').selectAll().orderBy('size').execute();
  return rows.map((c) => ({ size: Number(c.size), root: buf(c.root), note: c.note }));
}

export async function readEntries(db: Db, start: number, end: number) {
  const rows = await db
    .selectFrom('ledger.entry')
    .selectAll()
    .where('idx', '>=', start)
    .where('idx', '<', end)
    .orderBy('idx')
    .execute();
  return rows.map((r) => ({
    idx: Number(r.idx),
    body: buf(r.body),
    leafHash: buf(r.leaf_hash),
    completed: buf(r.completed),
    chain: buf(r.chain),
    sequencedAt: r.sequenced_at,
  }));
}

export async function readNodeRows(db: Db, indices: number[]) {
  if (indices.length === 0) return [];
  const rows = await db
    .selectFrom('ledger.entry')
    .select(['idx', 'leaf_hash', 'completed'])
    .where('idx', 'in', indices)
    .execute();
  return rows.map((r) => ({ idx: Number(r.idx), leafHash: buf(r.leaf_hash), completed: buf(r.completed) }));
}

export async function countQueued(db: Db): Promise<number> {
  const r = await db
    .selectFrom('ledger.queue')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

export type PackedPage = { count: number; packed: Buffer; badLeaf: number | null };

/**
 * One page of entries packed by the database into a single value (idx, |completed|, leaf hash,
 * chain, completed), with each body's leaf hash recomputed server-side: verifying ten million
 * entries then costs a few hundred round trips instead of ten million row objects.
 */
export async function readPackedPage(db: Db, start: number, end: number): Promise<PackedPage> {
  const r = await sql<{ n: number; packed: Uint8Array | null; bad_leaf: number | null }>`
    select count(*)::int as n,
      string_agg(int8send(idx) || int2send(length(completed)::int2) || leaf_hash || chain || completed, ''::bytea order by idx) as packed,
      min(idx) filter (where sha256('\\x00'::bytea || body) <> leaf_hash) as bad_leaf
    from ledger.entry where idx >= ${start} and idx < ${end}`.execute(db);
  const row = r.rows[0];
  return {
    count: row?.n ?? 0,
    packed: row?.packed ? buf(row.packed) : Buffer.alloc(0),
    badLeaf: row?.bad_leaf === null || row?.bad_leaf === undefined ? null : Number(row.bad_leaf),
  };
}

/** Walks a packed page. */
export function* unpack(
  page: PackedPage,
): Generator<{ idx: number; leafHash: Buffer; chain: Buffer; completed: Buffer }> {
  const b = page.packed;
  for (let o = 0; o < b.length; ) {
    const idx = Number(b.readBigInt64BE(o));
    const len = b.readInt16BE(o + 8);
    const leafHash = b.subarray(o + 10, o + 42);
    const chain = b.subarray(o + 42, o + 74);
    const completed = b.subarray(o + 74, o + 74 + len);
    o += 74 + len;
    yield { idx, leafHash, chain, completed };
  }
}

/** The newest entries concerning a subject hash, before an index (exclusive) when given. */
export async function readEntriesAbout(db: Db, subject: string, before: number | null, limit: number) {
  let q = db
    .selectFrom('ledger.entry')
    .select(['idx', 'body'])
    .where(sql<boolean>`subjects @> array[${subject}]::text[]`);
  if (before !== null) q = q.where('idx', '<', before);
  const rows = await q.orderBy('idx', 'desc').limit(limit).execute();
  return rows.map((r) => ({ idx: Number(r.idx), body: buf(r.body) }));
}
