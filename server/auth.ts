// PERIMETER_AUTH_TOKEN: when set, every request must carry the token as `Authorization: Bearer <token>` or hold the
// session cookie the login form sets. Used by proxy.ts (every request) and app/login (the form).
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';

export const AUTH_TOKEN_ENV = 'PERIMETER_AUTH_TOKEN';
export const AUTH_COOKIE = 'perimeter_session';

/** The configured token, or undefined when authentication is off. */
export function configuredToken(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const t = env[AUTH_TOKEN_ENV]?.trim();
  return t ? t : undefined;
}

/** Equal strings in constant time (both hashed first, so lengths leak nothing). */
export function safeEqual(a: string, b: string): boolean {
  const h = (s: string) => createHmac('sha256', 'perimeter-compare').update(s).digest();
  return timingSafeEqual(h(a), h(b));
}

/** The cookie value for a token: derived, so the cookie is not the token itself (it grants the same access). */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('perimeter-session-v1').digest('base64url');
}

/** Whether a request's Authorization header or session cookie carries the token. */
export function isAuthorized(token: string, authorization: string | null, cookie: string | undefined): boolean {
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer !== undefined && safeEqual(bearer, token)) return true;
  return cookie !== undefined && safeEqual(cookie, sessionValue(token));
}

/** Paths reachable without the token: the login form itself and the static assets it needs. */
export function isPublicPath(pathname: string): boolean {
  return pathname === '/login' || pathname.startsWith('/_next/static/') || pathname === '/icon.svg' || pathname === '/favicon.ico';
}

/** Only same-site paths are followed after login (`/graph?x`), never `//host` or `https://…`. */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
