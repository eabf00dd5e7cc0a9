'use client';

/** Reloads the page: the cluster store retries a failed cluster on the next request. */
export function RetryButton() {
  return (
    <button
      type="button"
      data-testid="source-retry"
      onClick={() => window.location.reload()}
      className="mt-3 rounded border border-red-700 px-3 py-1 text-sm text-red-50 hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-red-300"
    >
      Retry
    </button>
  );
}
