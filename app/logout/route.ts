import { cookies } from 'next/headers';
import { AUTH_COOKIE } from '@/server/auth';
import { sessionStore } from '@/server/sessions';

/** POST /logout: the sidebar's "Sign out" form (works without JavaScript). Ends this session; back to the login form. */
export async function POST(): Promise<Response> {
  const jar = await cookies();
  sessionStore().revoke(jar.get(AUTH_COOKIE)?.value);
  jar.delete(AUTH_COOKIE);
  return new Response(null, { status: 303, headers: { location: '/login?error=signed-out', 'cache-control': 'no-store' } });
}
