// Server-only: whether the request being rendered is signed in (always true when PERIMETER_AUTH_TOKEN is unset).
import 'server-only';
import { cookies, headers } from 'next/headers';
import { AUTH_COOKIE, authenticate, configuredToken } from './auth';
import { sessionStore } from './sessions';

/**
 * proxy.ts already turns unauthenticated requests away from every page but /login; the shared layout still renders
 * there, so anything in it that shows cluster data asks this first.
 */
export async function requestIsAuthorized(): Promise<boolean> {
  const token = configuredToken();
  if (!token) return true;
  const how = authenticate(token, (await headers()).get('authorization'), (await cookies()).get(AUTH_COOKIE)?.value, sessionStore());
  return how === 'session' || how === 'bearer';
}
