import Link from 'next/link';
import { historyStatus } from '@/server/history/historyService';

/**
 * In the banner of a live cluster: a history store that failed, or recording that waits for it, is an error naming
 * the cause (analysis goes on; what changes meanwhile is recorded as one gap version once the store is back).
 */
export function HistoryStatus() {
  const { store, recorder } = historyStatus();
  const cause = recorder?.state === 'unavailable' ? recorder.cause : store.state === 'failed' ? store.cause : undefined;
  if (cause === undefined) {
    return (
      <Link href="/history" className="text-zinc-300 underline-offset-2 hover:underline" data-testid="history-state" data-state={recorder?.state ?? store.state}>
        History{recorder?.state === 'recording' && recorder.version ? ` v${recorder.version}` : ''}
      </Link>
    );
  }
  return (
    <Link
      href="/history"
      data-testid="history-state"
      data-state="failed"
      title={`${store.where}: ${cause}. Analysis goes on; recording resumes when the store is back and records the gap.`}
      className="rounded bg-red-950 px-2 py-0.5 text-red-100 ring-1 ring-red-800"
    >
      History store failed: {cause}
    </Link>
  );
}
