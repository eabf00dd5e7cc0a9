// Checks every request passes before anything else runs (proxy.ts, and the upload routes the proxy does not buffer):
// the Host must be one this server answers to, and a state-changing request must come from one of its own pages.
import 'server-only';

/** Comma-separated host names the server answers to (`*` answers to any). Unset: loopback names only. */
export const ALLOWED_HOSTS_ENV = 'PERIMETER_ALLOWED_HOSTS';

/** The names a server on loopback is reached by. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** Lower-cased host names (no port) from PERIMETER_ALLOWED_HOSTS, or loopback when it is unset or blank. */
export function allowedHosts(env: Readonly<Record<string, string | undefined>> = process.env): readonly string[] {
  const listed = (env[ALLOWED_HOSTS_ENV] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  return listed.length > 0 ? listed : LOOPBACK_HOSTS;
}

/** The host name of a Host header value (`Example.com:3000` → `example.com`, `[::1]:80` → `[::1]`), or undefined. */
export function hostNameOf(host: string | null | undefined): string | undefined {
  if (!host || /[\s/\\@?#]/.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Whether a Host header names a host this server answers to. A DNS-rebinding page (evil.example resolving to
 * 127.0.0.1) sends its own name as Host, so it is refused before it can read /api/snapshot.
 */
export function hostAllowed(host: string | null | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  const name = hostNameOf(host);
  return name !== undefined && allowed.includes(name);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request headers the origin check reads. */
export interface OriginHeaders {
  readonly method: string;
  readonly host: string | null;
  readonly origin: string | null;
  readonly secFetchSite: string | null;
}

/**
 * Why a state-changing request (anything but GET, HEAD, OPTIONS) is refused, or undefined when it may go on.
 * Browsers send `Origin` (and `Sec-Fetch-Site`) on every POST, so a cross-site form or fetch (even `text/plain`,
 * which needs no CORS preflight) names its own site and is refused. A request with neither header is not from a
 * browser page (curl, the CLI, scripts) and cannot ride a user's cookies, so it goes on. `Origin: null` (sandboxed
 * frames, `file:` pages, `Referrer-Policy: no-referrer` forms) cannot be told apart from an attack: refused.
 */
export function originRefusal(h: OriginHeaders): string | undefined {
  if (SAFE_METHODS.has(h.method.toUpperCase())) return undefined;
  if (h.secFetchSite === 'cross-site' || h.secFetchSite === 'same-site') return `a ${h.method} from another site (Sec-Fetch-Site: ${h.secFetchSite}) is refused`;
  if (h.origin === null) return undefined;
  if (h.origin === 'null') return `a ${h.method} with Origin: null (a sandboxed frame, a file or a no-referrer page) is refused`;
  let originHost: string;
  try {
    originHost = new URL(h.origin).host;
  } catch {
    return `a ${h.method} with an unreadable Origin is refused`;
  }
  return h.host !== null && originHost.toLowerCase() === h.host.toLowerCase() ? undefined : `a ${h.method} from ${h.origin} (not this server, ${h.host ?? 'no Host'}) is refused`;
}

/**
 * The refusal for a request, as a Response, or undefined when it may go on: a Host not in PERIMETER_ALLOWED_HOSTS
 * (421 Misdirected Request), then a cross-origin state-changing request (403).
 */
export function guardRequest(request: Request, env: Readonly<Record<string, string | undefined>> = process.env): Response | undefined {
  const host = request.headers.get('host');
  const allowed = allowedHosts(env);
  if (!hostAllowed(host, allowed)) {
    const name = hostNameOf(host) ?? host ?? '';
    return Response.json(
      { error: `this server does not answer to the host name "${name}": add it to ${ALLOWED_HOSTS_ENV} (now ${allowed.join(',')}) if it is yours` },
      { status: 421, headers: { 'cache-control': 'no-store' } },
    );
  }
  const refusal = originRefusal({ method: request.method, host, origin: request.headers.get('origin'), secFetchSite: request.headers.get('sec-fetch-site') });
  if (refusal) return Response.json({ error: `${refusal}: state-changing requests must come from this server's own pages` }, { status: 403, headers: { 'cache-control': 'no-store' } });
  return undefined;
}
