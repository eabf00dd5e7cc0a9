// The Content-Security-Policy of pages, with a fresh nonce per response (set by proxy.ts; Next.js reads the nonce
// from the request's CSP header and puts it on its own scripts). API responses get API_CSP from next.config.js.
import 'server-only';

/** A nonce: 16 random bytes, base64 (CSP's nonce-source grammar). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/**
 * Scripts run only with this response's nonce ('strict-dynamic' lets them load the chunks they import): an injected
 * `<script>` or inline handler does not run. Styles keep 'unsafe-inline': React style attributes and Cytoscape set
 * them, and a style cannot run code. Dev needs 'unsafe-eval' for React refresh; production never gets it.
 */
export function pageCsp(nonce: string, dev = process.env.NODE_ENV !== 'production'): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
