import Link from 'next/link';
import type { PastView } from '@/server/history/timeTravel';

/** On a page showing a past version (`?at=`): which one, and the way back to the live cluster. */
export function TimeTravelNotice({ past, livePath }: { past: PastView | undefined; livePath: string }) {
  if (!past) return null;
  return (
    <div role="status" data-testid="time-travel-banner" data-version={past.version} className="mb-4 flex flex-wrap items-center gap-3 rounded-md border border-amber-700 bg-amber-950/60 px-4 py-2 text-sm text-amber-100">
      <span>
        Viewing <strong>version {past.version}</strong> of {past.at} from the history, not the live cluster.
      </span>
      <Link href={`/history?version=${past.version}`} className="text-amber-200 underline">
        What changed in it
      </Link>
      <Link href={livePath} className="text-amber-200 underline">
        Back to live
      </Link>
    </div>
  );
}
