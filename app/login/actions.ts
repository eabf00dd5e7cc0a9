'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AUTH_COOKIE, configuredToken, safeEqual, safeNext } from '@/server/auth';
import { sessionLimits, sessionStore } from '@/server/sessions';
import { clientKey, signInLimiter } from '@/server/signInLimiter';

/**
 * The login form's action (a plain form POST without JavaScript, too): a right token starts a session and goes on to
 * `next`; a wrong one comes back with an error; past the sign-in rate limit the token is not even compared.
 */
export async function login(formData: FormData): Promise<void> {
  const token = configuredToken();
  const next = safeNext(String(formData.get('next') ?? '/'));
  if (!token) redirect(next);
  const h = await headers();
  const client = clientKey(h);
  const limiter = signInLimiter();
  const verdict = limiter.check(client);
  if (!verdict.allowed) redirect(`/login?error=limited&retry=${verdict.retryAfterSeconds}&next=${encodeURIComponent(next)}`);
  const given = String(formData.get('token') ?? '').trim();
  if (!safeEqual(given, token)) {
    limiter.fail(client);
    redirect(`/login?error=1&next=${encodeURIComponent(next)}`);
  }
  limiter.succeed(client);
  const jar = await cookies();
  // A new session id on every sign-in (never one the browser brought: no fixation); the old one ends.
  sessionStore().revoke(jar.get(AUTH_COOKIE)?.value);
  jar.set(AUTH_COOKIE, sessionStore().create(), {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    // Secure when served over HTTPS (directly or behind a proxy); kubectl port-forward is plain http on loopback.
    secure: h.get('x-forwarded-proto') === 'https',
    maxAge: Math.floor(sessionLimits().maxAgeMs / 1000),
  });
  redirect(next);
}
