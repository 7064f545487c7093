import type { DatasetComment, DatasetRatingSummary } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { type Actor, requireRole, requireSignedIn } from '../../../platform/actor.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import { decodeCursor, toPage } from '../../../platform/pagination.ts';
import { findOpenDatasetByCode, type OpenDatasetRow } from '../open.repo.ts';
import { canHide, canReply, isAdmin, isAuthor } from './community.policy.ts';
import * as repo from './feedback.repo.ts';

/** What the public sees of a commenter: the first character (`张**`), enough to tell voices apart. */
export const publicName = (name: string) => `${Array.from(name.trim())[0] ?? ''}**`;

/**
 * Ratings and comments on open datasets (评价与反馈): signed-in users rate 1–5 (one rating each,
 * changeable) and comment; the owner's data officer replies; the platform admin hides a comment with
 * a reason, which removes it from public view. Only open datasets take either.
 */
export function createFeedbackService(deps: { db: Db; ledger: Ledger }) {
  const { db, ledger } = deps;

  async function openDataset(code: string): Promise<OpenDatasetRow> {
    const d = await findOpenDatasetByCode(db, code);
    if (!d) throw notFound('dataset', code);
    return d;
  }

  async function summary(actor: Actor, d: OpenDatasetRow): Promise<DatasetRatingSummary> {
    const counts = await repo.ratingCounts(db, d.id);
    const histogram = [1, 2, 3, 4, 5].map((s) => counts.get(s) ?? 0);
    const count = histogram.reduce((x, y) => x + y, 0);
    const sum = histogram.reduce((x, n, i) => x + n * (i + 1), 0);
    return {
      datasetCode: d.code,
      average: count === 0 ? null : Math.round((sum / count) * 10) / 10,
      count,
      histogram,
      mine: actor.kind === 'anonymous' ? null : await repo.findRating(db, d.id, actor.id),
    };
  }

  function toComment(a: Actor, c: repo.CommentRow): DatasetComment {
    const full = isAdmin(a) || isAuthor(a, c);
    return {
      id: c.id,
      datasetCode: c.dataset_code,
      authorName: full ? c.author_name : publicName(c.author_name),
      text: c.text,
      createdAt: c.created_at.toISOString(),
      reply:
        c.reply && c.replied_at
          ? { text: c.reply, orgName: c.reply_org_name ?? '', repliedAt: c.replied_at.toISOString() }
          : null,
      hidden: c.hidden_at !== null,
      hiddenReason: c.hidden_at !== null ? c.hidden_reason : null,
      mine: isAuthor(a, c),
      canReply: canReply(a, c),
      canHide: canHide(a, c),
    };
  }

  /** A comment the caller may see: a hidden one only by its author and the admin. */
  async function visibleComment(a: Actor, id: string): Promise<repo.CommentRow> {
    const c = await repo.findComment(db, id);
    if (!c || (c.hidden_at !== null && !isAdmin(a) && !isAuthor(a, c))) throw notFound('open_comment', id);
    return c;
  }

  return {
    /** Average, count and distribution of a dataset's ratings (and the caller's own). */
    async rating(actor: Actor, code: string) {
      return summary(actor, await openDataset(code));
    },

    async rate(actor: Actor, code: string, stars: number) {
      const a = requireSignedIn(actor);
      const d = await openDataset(code);
      await repo.upsertRating(db, d.id, a.id, stars);
      return summary(a, d);
    },

    async unrate(actor: Actor, code: string) {
      const a = requireSignedIn(actor);
      const d = await openDataset(code);
      await repo.deleteRating(db, d.id, a.id);
      return summary(a, d);
    },

    async listComments(
      actor: Actor,
      code: string,
      q: { includeHidden?: boolean; cursor?: string; limit: number },
    ) {
      if (q.includeHidden) requireRole(actor, 'platform_admin');
      const d = await openDataset(code);
      const after = decodeCursor(q.cursor, 1);
      const rows = await repo.listComments(db, {
        datasetId: d.id,
        hidden: q.includeHidden ? 'all' : { authorId: actor.kind === 'anonymous' ? null : actor.id },
        afterId: (after?.[0] as string) ?? null,
        limit: q.limit,
      });
      const p = toPage(rows, q.limit, (r) => [r.id]);
      return { items: p.items.map((c) => toComment(actor, c)), nextCursor: p.nextCursor };
    },

    async comment(actor: Actor, code: string, text: string): Promise<DatasetComment> {
      const a = requireSignedIn(actor);
      const d = await openDataset(code);
      const id = newId();
      await repo.insertComment(db, {
        id,
        dataset_id: d.id,
        dataset_code: d.code,
        owner_org_id: d.owner_org_id,
        author_id: a.id,
        author_name: a.name,
        text,
      });
      return toComment(a, (await repo.findComment(db, id)) as repo.CommentRow);
    },

    /** The owner's data officer answers a comment (a second reply replaces the first). */
    async reply(actor: Actor, id: string, text: string): Promise<DatasetComment> {
      const a = requireSignedIn(actor);
      const c = await visibleComment(a, id);
      if (c.hidden_at !== null) throw new AppError('wrong_status', { status: 'hidden', need: 'visible' });
      if (!canReply(a, c)) throw new AppError('open_comment_not_owner');
      if (!(await repo.replyComment(db, id, text, a)))
        throw new AppError('wrong_status', { status: 'hidden', need: 'visible' });
      return toComment(a, (await repo.findComment(db, id)) as repo.CommentRow);
    },

    /** The admin hides a comment from the public, saying why; a moderation decision, so it is in the ledger. */
    async hide(actor: Actor, id: string, reason: string): Promise<DatasetComment> {
      const a = requireRole(actor, 'platform_admin');
      const c = await visibleComment(a, id);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.hideComment(trx, id, reason, a)))
          throw new AppError('wrong_status', { status: 'hidden', need: 'visible' });
        await ledger.record(
          {
            actor: a,
            action: 'open.comment_hide',
            result: 'ok',
            dataset: c.dataset_code,
            details: { comment: id, reason },
          },
          trx,
        );
      });
      return toComment(a, (await repo.findComment(db, id)) as repo.CommentRow);
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
