import type { DatasetComment, DatasetRatingSummary } from '@shuzhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommunityFixture, communityFixture } from './community.fixtures.ts';

let f: CommunityFixture;

beforeAll(async () => {
  f = await communityFixture();
}, 120_000);
afterAll(() => f.t.close());

const AIR = '/datasets/OPEN-AIR.01';

describe('ratings (评分)', () => {
  it('takes one rating per user and dataset, changeable, and serves the average publicly', async () => {
    const rate = (cookie: string | null, stars: unknown, code = 'OPEN-AIR.01') =>
      f.call(cookie, 'PUT', `/datasets/${code}/rating`, { stars });
    expect((await rate(null, 4)).statusCode).toBe(401);
    for (const stars of [0, 6, 3.5, '5'])
      expect((await rate(f.viewer, stars)).statusCode, String(stars)).toBe(400);
    expect((await rate(f.viewer, 4, 'COND-X-03')).statusCode).toBe(404);
    expect((await rate(f.viewer, 4, 'NO-SUCH-99')).statusCode).toBe(404);

    const empty = (await f.call(null, 'GET', `${AIR}/rating`)).json() as DatasetRatingSummary;
    expect(empty).toEqual({
      datasetCode: 'OPEN-AIR.01',
      average: null,
      count: 0,
      histogram: [0, 0, 0, 0, 0],
      mine: null,
    });

    expect((await rate(f.viewer, 4)).json()).toMatchObject({ count: 1, average: 4, mine: 4 });
    expect((await rate(f.officer, 5)).json()).toMatchObject({ count: 2, average: 4.5, mine: 5 });
    await rate(f.civilOfficer, 4);
    const changed = (await rate(f.viewer, 2)).json() as DatasetRatingSummary;
    expect(changed).toMatchObject({ count: 3, average: 3.7, histogram: [0, 1, 0, 1, 1], mine: 2 });

    const pub = (await f.call(null, 'GET', `${AIR}/rating`)).json() as DatasetRatingSummary;
    expect(pub).toMatchObject({ count: 3, average: 3.7, mine: null });
    expect((await f.call(f.officer, 'GET', `${AIR}/rating`)).json().mine).toBe(5);
    // Another dataset's ratings are its own.
    expect((await f.call(null, 'GET', '/datasets/OPEN-BUS-02/rating')).json().count).toBe(0);

    const withdrawn = (
      await f.call(f.civilOfficer, 'DELETE', `${AIR}/rating`)
    ).json() as DatasetRatingSummary;
    expect(withdrawn).toMatchObject({ count: 2, average: 3.5, mine: null });
  });
});

describe('comments (评论)', () => {
  let id: string;

  it('takes comments from signed-in users on open datasets only', async () => {
    expect((await f.call(null, 'POST', `${AIR}/comments`, { text: '数据很有用' })).statusCode).toBe(401);
    expect((await f.call(f.viewer, 'POST', `${AIR}/comments`, { text: '好' })).statusCode).toBe(400);
    expect((await f.call(f.viewer, 'POST', `${AIR}/comments`, { text: 'x'.repeat(1001) })).statusCode).toBe(
      400,
    );
    expect(
      (await f.call(f.viewer, 'POST', '/datasets/COND-X-03/comments', { text: '数据很有用' })).statusCode,
    ).toBe(404);
    const res = await f.call(f.viewer, 'POST', `${AIR}/comments`, { text: '能否增加小时级数据？' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as DatasetComment;
    id = c.id;
    expect(c).toMatchObject({
      authorName: 'viewer',
      mine: true,
      reply: null,
      hidden: false,
      canReply: false,
      canHide: false,
    });
    await f.call(f.civilOfficer, 'POST', `${AIR}/comments`, { text: '字段说明很清楚' });
  });

  it('shows the public a masked author; the owner’s officer replies, no one else', async () => {
    const pub = (await f.call(null, 'GET', `${AIR}/comments`)).json().items as DatasetComment[];
    expect(pub.map((c) => c.text)).toEqual(['字段说明很清楚', '能否增加小时级数据？']);
    expect(pub[1]).toMatchObject({ authorName: 'v**', mine: false, canReply: false });
    expect(JSON.stringify(pub)).not.toContain('civil_officer');

    const reply = (cookie: string | null, text = '下季度将提供小时级数据') =>
      f.call(cookie, 'POST', `/comments/${id}/reply`, { text });
    expect((await reply(null)).statusCode).toBe(401);
    for (const cookie of [f.civilOfficer, f.viewer, f.admin]) {
      const res = await reply(cookie);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('open_comment_not_owner');
    }
    expect((await reply(f.officer, '好')).statusCode).toBe(400);
    const asOfficer = (await f.call(f.officer, 'GET', `${AIR}/comments`)).json().items as DatasetComment[];
    expect(asOfficer.every((c) => c.canReply)).toBe(true);
    const replied = await reply(f.officer);
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().reply).toMatchObject({ text: '下季度将提供小时级数据', orgName: '杭州市公安局' });
    const seen = (await f.call(null, 'GET', `${AIR}/comments`)).json().items as DatasetComment[];
    expect(seen.find((c) => c.id === id)?.reply?.text).toBe('下季度将提供小时级数据');
  });

  it('lets the admin hide a comment with a reason: gone from public view, kept for the author and the admin', async () => {
    const hide = (cookie: string | null, body: unknown) =>
      f.call(cookie, 'POST', `/comments/${id}/hide`, body);
    expect((await hide(null, { reason: '广告' })).statusCode).toBe(401);
    expect((await hide(f.officer, { reason: '广告' })).statusCode).toBe(403);
    expect((await hide(f.admin, {})).statusCode).toBe(400);
    expect((await f.call(null, 'GET', `${AIR}/comments`)).json().items).toHaveLength(2);

    const hidden = await hide(f.admin, { reason: '含有无关内容' });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json()).toMatchObject({ hidden: true, hiddenReason: '含有无关内容', canHide: false });
    expect((await hide(f.admin, { reason: '再次隐藏' })).statusCode).toBe(409);

    const pub = (await f.call(null, 'GET', `${AIR}/comments`)).json().items as DatasetComment[];
    expect(pub.map((c) => c.text)).toEqual(['字段说明很清楚']);
    const officer = (await f.call(f.officer, 'GET', `${AIR}/comments`)).json().items as DatasetComment[];
    expect(officer.map((c) => c.id)).not.toContain(id);
    expect(
      (await f.call(f.officer, 'POST', `/comments/${id}/reply`, { text: '补充回复内容' })).statusCode,
    ).toBe(404);
    const own = (await f.call(f.viewer, 'GET', `${AIR}/comments`)).json().items as DatasetComment[];
    expect(own.find((c) => c.id === id)).toMatchObject({
      hidden: true,
      hiddenReason: '含有无关内容',
      mine: true,
    });
    expect((await f.call(f.viewer, 'GET', `${AIR}/comments?includeHidden=true`)).statusCode).toBe(403);
    const all = (await f.call(f.admin, 'GET', `${AIR}/comments?includeHidden=true`)).json()
      .items as DatasetComment[];
    expect(all).toHaveLength(2);
    const entries = await f.ledgerOf('open.comment_hide');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      dataset: 'OPEN-AIR.01',
      details: { comment: id, reason: '含有无关内容' },
    });
  });
});
