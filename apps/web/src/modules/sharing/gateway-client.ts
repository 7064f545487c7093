import type { Problem } from '@shuzhi/contracts';
import { failure } from '../../app/api-raw';
import { currentLocale } from '../../app/i18n';

/** One call of the console, as the app made it and as the gateway answered. */
export type GatewayResult = {
  method: 'GET' | 'POST';
  url: string;
  status: number;
  body: unknown;
  ms: number;
  /** The RFC 9457 problem when the call failed. */
  problem: Problem | null;
};

const parse = (text: string): unknown => {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const isProblem = (b: unknown): b is Problem =>
  typeof b === 'object' && b !== null && 'status' in b && 'title' in b;

/**
 * The app's access token from its client id and secret (OAuth 2.0 client credentials). The
 * session cookie stays out of it: the console acts as the app, not as the signed-in person.
 */
export const fetchToken = async (clientId: string, clientSecret: string) => {
  let res: Response;
  try {
    res = await fetch('/api/v1/auth/token', {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLocale() },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }),
    });
  } catch {
    throw failure(0, '', '');
  }
  const text = await res.text();
  if (!res.ok) throw failure(res.status, res.statusText, text);
  const body = JSON.parse(text) as { access_token: string; expires_in: number };
  return { token: body.access_token, expiresIn: body.expires_in };
};

/** Calls the sharing gateway with the app's bearer token; failures are results too, to be shown. */
export const callGateway = async (
  token: string,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<GatewayResult> => {
  const started = performance.now();
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLocale(),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const res = await fetch(url, {
      method,
      credentials: 'omit',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = parse(await res.text());
    return {
      method,
      url,
      status: res.status,
      body: parsed,
      ms: Math.round(performance.now() - started),
      problem: !res.ok && isProblem(parsed) ? parsed : null,
    };
  } catch {
    const problem = failure(0, '', '').problem;
    return { method, url, status: 0, body: null, ms: Math.round(performance.now() - started), problem };
  }
};

/** The gateway's path for a dataset. */
export const gatewayPath = (code: string, rest: string) => `/api/v1/share/${encodeURIComponent(code)}${rest}`;
