'use client';

import { useEffect } from 'react';

/**
 * The error state of a page (an unexpected failure while rendering it). In production Next.js replaces server
 * error messages with a digest, so the page says where to look: the server log, under that digest.
 */
export function RouteError({ area, error, retry }: { area: string; error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="rounded-lg border border-red-900 bg-red-950/40 p-5">
      <h1 className="text-lg font-semibold text-red-100">{area} could not be shown</h1>
      <p className="mt-2 text-sm text-red-100/90">{message}</p>
      {digest !== undefined && (
        <p className="mt-1 text-sm text-red-200/80">
          The server log has the details under error id <code className="font-mono">{digest}</code>.
        </p>
      )}
      <button
        type="button"
        onClick={retry}
        className="mt-4 rounded-md bg-red-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
      >
        Try again
      </button>
    </div>
  );
}
