// Server-only: the token check of one request, shared by proxy.ts and the upload routes it does not run for.
import 'server-only';
import { AUTH_COOKIE, authenticate, configuredToken } from './auth';
import { guardRequest } from './requestGuard';
import { sessionStore } from './sessions';
import { clientKey, signInLimiter } from './signInLimiter';

/** Whether the request may go on (`ok`), or why not: no or a wrong token (401), too many wrong tokens (429). */
export type TokenGate = { readonly ok: true } | { readonly ok: false; readonly status: 401 | 429; readonly message: string; readonly retryAfterSeconds?: number };

/** One cookie of a Cookie header (route handlers outside the proxy get a plain Request). */
export function cookieOf(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The token check: a live session passes; a bearer token is compared unless its client is rate-limited. */
export function checkToken(token: string, headers: Headers): TokenGate {
  const sessions = sessionStore();
  const cookie = cookieOf(headers.get('cookie'), AUTH_COOKIE);
  if (sessions.touch(cookie)) return { ok: true };
  if (headers.get('authorization') === null) return { ok: false, status: 401, message: 'PERIMETER_AUTH_TOKEN is set: send Authorization: Bearer <token>' };
  const limiter = signInLimiter();
  const client = clientKey(headers);
  const verdict = limiter.check(client);
  if (!verdict.allowed) return { ok: false, status: 429, message: `too many wrong tokens (${verdict.reason}): try again in ${verdict.retryAfterSeconds} s`, retryAfterSeconds: verdict.retryAfterSeconds };
  const how = authenticate(token, headers.get('authorization'), undefined, sessions);
  if (how === 'bearer') {
    limiter.succeed(client);
    return { ok: true };
  }
  limiter.fail(client);
  return { ok: false, status: 401, message: 'wrong token: send Authorization: Bearer <PERIMETER_AUTH_TOKEN>' };
}

/** The JSON refusal of an API request that failed the token check. */
export function tokenRefusal(gate: Exclude<TokenGate, { ok: true }>): Response {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (gate.status === 401) headers['www-authenticate'] = 'Bearer realm="perimeter"';
  if (gate.retryAfterSeconds !== undefined) headers['retry-after'] = String(gate.retryAfterSeconds);
  return Response.json({ error: gate.message }, { status: gate.status, headers });
}

/**
 * Everything proxy.ts checks, for an API route it does not run for (the upload routes, whose bodies it would buffer):
 * the Host and Origin (requestGuard), then the token when PERIMETER_AUTH_TOKEN is set. Undefined: go on.
 */
export function refuseApiRequest(request: Request): Response | undefined {
  const guard = guardRequest(request);
  if (guard) return guard;
  const token = configuredToken();
  if (!token) return undefined;
  const gate = checkToken(token, request.headers);
  return gate.ok ? undefined : tokenRefusal(gate);
}
