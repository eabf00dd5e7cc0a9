// Next.js 16 Proxy (formerly middleware), Node.js runtime, before every route but the static files, the upload
// routes (their bodies would be buffered here: they run the same checks themselves, server/authGate) and the audit
// webhook /api/audit (kube-apiserver posts to it with its own token, PERIMETER_AUDIT_TOKEN, checked by its route):
// 1. the Host must be allowed and a state-changing request must come from this server's pages (server/requestGuard);
// 2. pages get a Content-Security-Policy with a fresh script nonce (server/csp);
// 3. with PERIMETER_AUTH_TOKEN, a session cookie or the bearer token is needed: pages redirect to /login, API calls
//    get 401 (429 while the sign-in rate limit holds).
import { NextResponse, type NextRequest } from 'next/server';
import { configuredToken, isPublicPath } from './server/auth';
import { checkToken, tokenRefusal } from './server/authGate';
import { newNonce, pageCsp } from './server/csp';
import { guardRequest } from './server/requestGuard';

export function proxy(request: NextRequest): Response {
  const refused = guardRequest(request);
  if (refused) return refused;
  const { pathname, search } = request.nextUrl;
  const api = pathname.startsWith('/api/');
  const token = configuredToken();
  if (token && !isPublicPath(pathname)) {
    const gate = checkToken(token, request.headers);
    if (!gate.ok) {
      if (api || gate.status === 429) return tokenRefusal(gate);
      const login = new URL('/login', request.url);
      login.searchParams.set('next', pathname + search);
      return NextResponse.redirect(login);
    }
  }
  if (api) return NextResponse.next();
  const csp = pageCsp(newNonce());
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Not the static files (no Host or token to check there that matters), the two routes that stream large bodies, nor
  // the audit webhook (its own token; a cluster calls it by its service name, not a browser by an allowed host).
  matcher: ['/((?!_next/static/|_next/image|api/upload(?!/)|api/what-if(?!/)|api/audit(?!/)).*)'],
};
