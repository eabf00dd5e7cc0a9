// Security headers for every response. Pages get their Content-Security-Policy from proxy.ts (a script nonce per
// response, server/csp.ts); API responses hold data, never scripts, so theirs forbids scripts and fetches.
// The audit report (/api/report?format=html) is a page of its own with inline CSS and an inline empty icon.
const apiCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

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
          // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on the login form's POST
          // (refused as cross-site); other sites still get no Referer.
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      {
        // Data about the cluster: never kept by the browser or a proxy cache.
        source: '/api/:path*',
        headers: [
          { key: 'Cache-Control', value: 'no-store' },
          { key: 'Content-Security-Policy', value: apiCsp },
        ],
      },
    ];
  },
};
