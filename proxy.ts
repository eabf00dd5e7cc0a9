// Next.js 16 Proxy (formerly middleware), Node.js runtime: when PERIMETER_AUTH_TOKEN is set, every request needs the
// token as a bearer token or the session cookie from /login. Pages redirect to the form; API calls get 401.
import { NextResponse, type NextRequest } from 'next/server';
import { AUTH_COOKIE, configuredToken, isAuthorized, isPublicPath } from './server/auth';

export function proxy(request: NextRequest): NextResponse {
  const token = configuredToken();
  if (!token) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();
  // The audit webhook authenticates with its own token (PERIMETER_AUDIT_TOKEN), checked by its route: kube-apiserver
  // holds that token, not the dashboard's.
  if (pathname === '/api/audit') return NextResponse.next();
  if (isAuthorized(token, request.headers.get('authorization'), request.cookies.get(AUTH_COOKIE)?.value)) return NextResponse.next();
  if (pathname.startsWith('/api/')) {
    return NextResponse.json({ error: 'PERIMETER_AUTH_TOKEN is set: send Authorization: Bearer <token>' }, { status: 401, headers: { 'www-authenticate': 'Bearer realm="perimeter"' } });
  }
  const login = new URL('/login', request.url);
  login.searchParams.set('next', pathname + search);
  return NextResponse.redirect(login);
}
