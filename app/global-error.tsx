'use client';

import { useEffect } from 'react';

// Replaces the root layout when it fails, so it brings its own document and inline styles (globals.css is not loaded).
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;
  return (
    <html lang="en">
      <body style={{ margin: 0, minHeight: '100vh', background: '#09090b', color: '#f4f4f5', fontFamily: 'system-ui, sans-serif' }}>
        <main role="alert" style={{ maxWidth: 640, margin: '15vh auto', padding: 24, border: '1px solid #7f1d1d', borderRadius: 8 }}>
          <h1 style={{ fontSize: 20, margin: 0 }}>Perimeter could not render this page</h1>
          <p style={{ color: '#d4d4d8' }}>
            The server log has the details{digest ? <> under error id <code>{digest}</code></> : null}.
          </p>
          <button type="button" onClick={retry} style={{ padding: '6px 12px', borderRadius: 6, border: 0, background: '#991b1b', color: '#fff' }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
