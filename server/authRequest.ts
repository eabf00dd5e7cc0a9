// Server-only: whether the request being rendered carries PERIMETER_AUTH_TOKEN (always true when it is unset).
import 'server-only';
import { cookies, headers } from 'next/headers';
import { AUTH_COOKIE, configuredToken, isAuthorized } from './auth';

/**
 * proxy.ts already turns unauthenticated requests away from every page but /login; the shared layout still renders
 * there, so anything in it that shows cluster data asks this first.
 */
export async function requestIsAuthorized(): Promise<boolean> {
  const token = configuredToken();
  if (!token) return true;
  return isAuthorized(token, (await headers()).get('authorization'), (await cookies()).get(AUTH_COOKIE)?.value);
}
