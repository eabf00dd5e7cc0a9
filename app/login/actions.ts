'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AUTH_COOKIE, configuredToken, safeEqual, safeNext, sessionValue } from '@/server/auth';

/** The login form's action: a correct token sets the session cookie and goes on; a wrong one comes back with an error. */
export async function login(formData: FormData): Promise<void> {
  const token = configuredToken();
  const next = safeNext(String(formData.get('next') ?? '/'));
  if (!token) redirect(next);
  const given = String(formData.get('token') ?? '').trim();
  if (!safeEqual(given, token)) redirect(`/login?error=1&next=${encodeURIComponent(next)}`);
  const proto = (await headers()).get('x-forwarded-proto');
  (await cookies()).set(AUTH_COOKIE, sessionValue(token), {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    // Secure when served over HTTPS (directly or behind a proxy); kubectl port-forward is plain http on loopback.
    secure: proto === 'https',
    maxAge: 12 * 60 * 60,
  });
  redirect(next);
}
