import type { Problem } from '@shuzhi/contracts';
import { ApiError } from './api';
import { currentLocale, i18n } from './i18n';

/** The ApiError for a failed response: its problem document, or a generic message when it has none. */
export const failure = (status: number, statusText: string, text: string): ApiError => {
  try {
    const body = JSON.parse(text) as Problem;
    if (body && typeof body === 'object' && 'code' in body) return new ApiError(body);
  } catch {
    // Not a problem document: fall through to a generic message.
  }
  return new ApiError({
    type: 'about:blank',
    title: statusText || 'Error',
    status,
    code: status === 0 ? 'network' : 'http',
    detail: i18n.t(status === 0 ? 'common.networkError' : 'common.unknownError'),
  });
};

/**
 * `api` sends and expects JSON; files and the ledger's text formats travel raw. Same cookie,
 * language and error handling; an aborted request rethrows its AbortError.
 */
export const apiRaw = async (path: string, init: RequestInit = {}): Promise<Response> => {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      ...init,
      credentials: 'same-origin',
      headers: { 'Accept-Language': currentLocale(), ...(init.headers as Record<string, string>) },
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw failure(0, '', '');
  }
  if (!response.ok) throw failure(response.status, response.statusText, await response.text());
  return response;
};
