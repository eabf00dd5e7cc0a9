// PERIMETER_AUTH_TOKEN: when set, every request must carry the token as `Authorization: Bearer <token>` or hold a
// session cookie the login form sets. Used by proxy.ts (every request), app/login (the form) and app/logout.
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SessionStore } from './sessions';

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

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerOf(authorization: string | null): string | undefined {
  return authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
}

/**
 * How a request is authenticated: `session` (a live session cookie), `bearer` (the right token), `wrong-bearer`
 * (a token that is not it: counted by the sign-in limiter) or `none`.
 */
export function authenticate(token: string, authorization: string | null, cookie: string | undefined, sessions: SessionStore): 'session' | 'bearer' | 'wrong-bearer' | 'none' {
  if (sessions.touch(cookie)) return 'session';
  const bearer = bearerOf(authorization);
  if (bearer === undefined) return 'none';
  return safeEqual(bearer, token) ? 'bearer' : 'wrong-bearer';
}

/** Paths reachable without the token: the login form, the health check and the static assets the form needs. */
export function isPublicPath(pathname: string): boolean {
  return pathname === '/login' || pathname === '/api/health' || pathname.startsWith('/_next/static/') || pathname === '/icon.svg' || pathname === '/favicon.ico';
}

// Any origin does: only the path, query and fragment are kept, and the result is compared with it.
const BASE = 'http://perimeter.invalid';

/**
 * The path to go to after login: `next` resolved with the URL API against this server, kept only when it stays on
 * it. Browsers drop tabs and newlines from URLs (`/\t/evil` is `//evil`) and read `\` as `/`, and so does the URL
 * API, so nothing a browser would send elsewhere passes; the result is percent-encoded (a valid Location header).
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/')) return '/';
  try {
    const url = new URL(next, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}
