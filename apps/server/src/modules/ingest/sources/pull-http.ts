import type { LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { HttpPaging } from '@shuzhi/contracts';
import { AppError } from '../../../platform/errors.ts';
import type { HostPolicy } from './host-policy.ts';
import { valueAt } from './json-path.ts';
import type { PullFile } from './pull-file.ts';
import type { Watermark } from './pull-postgres.ts';
import { compareWatermark, watermarkText } from './watermark.ts';

export type HttpPull = {
  url: string;
  headers: Record<string, string>;
  recordsPath: string;
  paging: HttpPaging;
  maxPages: number;
  watermarkParam: string | null;
  timeoutSeconds: number;
};

/** One page is parsed whole; a page larger than this is not a page. */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;

/** The URL without its query, which may carry a token: what messages show. */
const shown = (u: URL) => `${u.origin}${u.pathname}`;

const invalid = (zh: string, en: string) =>
  new AppError('pull_response_invalid', { reason_zh: zh, reason_en: en });

/**
 * GETs one page and parses it as JSON. The host is resolved and checked by the policy first and
 * the connection pinned to the checked addresses, so DNS cannot send it elsewhere in between.
 * Redirects are refused rather than followed: they would leave the checked host.
 */
async function getJson(
  url: URL,
  headers: Record<string, string>,
  policy: HostPolicy,
  timeoutMs: number,
): Promise<unknown> {
  const host = url.hostname;
  const addresses = await policy.resolve(host);
  const pinned = (
    _name: string,
    options: { all?: boolean },
    cb: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    const first = addresses[0] as LookupAddress;
    if (options.all) cb(null, addresses);
    else cb(null, first.address, first.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        headers: { accept: 'application/json', 'user-agent': 'shuzhi-pull', ...headers },
        lookup: pinned as never,
        timeout: timeoutMs,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status === 401 || status === 403) {
          res.resume();
          reject(new AppError('pull_auth_failed', { host, reason: `HTTP ${status}` }));
          return;
        }
        if (status >= 300 && status < 400) {
          res.resume();
          reject(
            invalid(
              `HTTP ${status} 重定向到 ${res.headers.location ?? '?'}，请直接填写最终地址`,
              `HTTP ${status} redirects to ${res.headers.location ?? '?'}; configure the final URL`,
            ),
          );
          return;
        }
        if (status < 200 || status >= 300) {
          res.resume();
          reject(new AppError('pull_http_status', { status, url: shown(url) }));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_PAGE_BYTES) {
            req.destroy(
              invalid(
                `单页响应超过 ${MAX_PAGE_BYTES / 1048576} MB，请减小每页条数`,
                `one page is over ${MAX_PAGE_BYTES / 1048576} MB; ask for fewer records per page`,
              ),
            );
          } else chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks)
            .toString('utf8')
            .replace(/^\uFEFF/, '');
          try {
            resolve(JSON.parse(text));
          } catch {
            const type = res.headers['content-type'] ?? 'no content type';
            reject(new AppError('pull_not_json', { type, url: shown(url) }));
          }
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })),
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e instanceof AppError) reject(e);
      else
        reject(
          new AppError('pull_unreachable', { host, reason: e.code ? `${e.code} ${e.message}` : e.message }),
        );
    });
    req.end();
  });
}

function recordsOf(body: unknown, path: string): Record<string, unknown>[] {
  const at = valueAt(body, path);
  const where = path.trim() || '/';
  if (!at.found) {
    throw new AppError('pull_records_not_found', {
      path: where,
      reason_zh: `没有「${at.missing}」`,
      reason_en: `there is no "${at.missing}"`,
    });
  }
  if (!Array.isArray(at.value)) {
    const kind = at.value === null ? 'null' : typeof at.value;
    throw new AppError('pull_records_not_found', {
      path: where,
      reason_zh: `是 ${kind}，不是数组`,
      reason_en: `is ${kind}, not an array`,
    });
  }
  const bad = at.value.findIndex((r) => r === null || typeof r !== 'object' || Array.isArray(r));
  if (bad !== -1) {
    throw invalid(`第 ${bad + 1} 条记录不是对象`, `record ${bad + 1} is not an object`);
  }
  return at.value as Record<string, unknown>[];
}

/**
 * Pulls an HTTP JSON API page by page into the pull file: page and size, offset and limit, or a
 * next link or cursor in each response. A run that would need more than `maxPages` pages fails,
 * so a partial pull is never imported as if it were whole. With a watermark, records whose column
 * is not greater than it are skipped (and `watermarkParam`, when set, tells the API the watermark).
 */
export async function pullHttp(
  settings: HttpPull,
  opts: {
    policy: HostPolicy;
    watermark: Watermark | null;
    file: PullFile;
    progress: (records: number) => Promise<void>;
  },
): Promise<{ watermark: string | null }> {
  const base = new URL(settings.url);
  const wm = opts.watermark;
  if (wm?.after != null && settings.watermarkParam) base.searchParams.set(settings.watermarkParam, wm.after);
  const { paging } = settings;
  const timeoutMs = settings.timeoutSeconds * 1000;
  const pageUrl = (page: number, offset: number): URL => {
    const u = new URL(base);
    if (paging.style === 'page') {
      u.searchParams.set(paging.pageParam, String(page));
      u.searchParams.set(paging.sizeParam, String(paging.pageSize));
    } else if (paging.style === 'offset') {
      u.searchParams.set(paging.offsetParam, String(offset));
      u.searchParams.set(paging.limitParam, String(paging.pageSize));
    }
    return u;
  };
  let page = paging.style === 'page' ? paging.firstPage : 0;
  let offset = 0;
  let next: URL | null = pageUrl(page, offset);
  let pages = 0;
  let maximum: unknown = null;
  while (next) {
    if (pages >= settings.maxPages) throw new AppError('pull_page_limit', { max: settings.maxPages });
    const current: URL = next;
    const body = await getJson(current, settings.headers, opts.policy, timeoutMs);
    pages++;
    const records = recordsOf(body, settings.recordsPath);
    for (const rec of records) {
      if (wm) {
        const v = rec[wm.column];
        const present = v !== null && v !== undefined && v !== '';
        if (wm.after !== null && (!present || compareWatermark(v, wm.after) <= 0)) continue;
        if (present && (maximum === null || compareWatermark(v, watermarkText(maximum)) > 0)) maximum = v;
      }
      await opts.file.write(rec);
    }
    await opts.progress(opts.file.records);
    next = null;
    if (paging.style === 'page' || paging.style === 'offset') {
      // A short page is the last one.
      if (records.length >= paging.pageSize) {
        page++;
        offset += records.length;
        next = pageUrl(page, offset);
      }
    } else if (paging.style === 'cursor') {
      const at = valueAt(body, paging.nextPath);
      const v = at.found ? at.value : null;
      if (v !== null && v !== undefined && v !== '' && v !== false) {
        if (paging.cursorParam) {
          next = new URL(base);
          next.searchParams.set(paging.cursorParam, String(v));
        } else {
          next = new URL(String(v), current);
          // The headers (tokens) go only where the owner pointed the source.
          if (next.origin !== base.origin) {
            throw invalid(
              `下一页链接指向其他站点：${next.origin}`,
              `the next-page link points to another site: ${next.origin}`,
            );
          }
        }
      }
    }
  }
  return { watermark: maximum === null ? null : watermarkText(maximum) };
}
