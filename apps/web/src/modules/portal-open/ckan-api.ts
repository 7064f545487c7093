import { ApiError } from '../../app/api';
import { currentLocale, i18n } from '../../app/i18n';

export type DatastoreField = { id: string; type: string; info?: { label?: string; unit?: string } };
export type DatastoreResult = {
  resource_id: string;
  fields: DatastoreField[];
  records: Record<string, unknown>[];
  total?: number;
};

type Envelope<T> = {
  success: boolean;
  result?: T;
  error?: { __type?: string; message?: string | string[] } & Record<string, unknown>;
};

/** CKAN's error dict as the platform's problem: its message, or each field's first message. */
function problemOf(status: number, env: Envelope<unknown> | null): ApiError {
  const e = env?.error;
  const fieldMessages = e
    ? Object.entries(e)
        .filter(([k, v]) => k !== '__type' && k !== 'message' && Array.isArray(v))
        .map(([, v]) => String((v as unknown[])[0]))
    : [];
  const message = Array.isArray(e?.message) ? e.message.join('; ') : e?.message;
  const detail =
    message ||
    fieldMessages.join('; ') ||
    i18n.t(status === 0 ? 'common.networkError' : 'common.unknownError');
  return new ApiError({
    type: 'about:blank',
    title: e?.__type ?? 'Error',
    status,
    code: status === 404 ? 'not_found' : status === 0 ? 'network' : 'ckan',
    detail,
  });
}

/** Calls a CKAN Action API v3 action by GET (anonymous, as any CKAN client would) and unwraps `result`. */
export async function ckan<T>(
  action: string,
  params: Record<string, string | number | boolean | undefined>,
  signal?: AbortSignal,
): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) qs.set(k, String(v));
  let res: Response;
  try {
    res = await fetch(`/api/3/action/${action}?${qs.toString()}`, {
      headers: { Accept: 'application/json', 'Accept-Language': currentLocale() },
      credentials: 'omit',
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw problemOf(0, null);
  }
  let env: Envelope<T> | null = null;
  try {
    env = (await res.json()) as Envelope<T>;
  } catch {
    env = null;
  }
  if (!res.ok || !env?.success) throw problemOf(res.status, env);
  return env.result as T;
}
