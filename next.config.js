// Security headers for every response. Production CSP has no unsafe-eval; dev needs it for React refresh.
const isDev = process.env.NODE_ENV !== 'production';
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** @type {import('next').NextConfig} */
module.exports = {
  // NEXT_DIST_DIR lets parallel builds (several developers' e2e runs on one machine) use separate folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The Dockerfile builds with NEXT_OUTPUT=standalone (server.js plus only the traced node_modules); `npm start` does not.
  ...(process.env.NEXT_OUTPUT === 'standalone' ? { output: 'standalone' } : {}),
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite loads its WASM and data files from its own folder; pg has optional native bindings: both stay unbundled.
  serverExternalPackages: ['@kubernetes/client-node', '@electric-sql/pglite', 'pg'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};
