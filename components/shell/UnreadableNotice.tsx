import type { SnapshotKind, UnreadableKind } from '@/lib/model';
import { unreadableLines } from '@/viewmodels/shell/unreadableNotice';

/**
 * On a page whose answers depend on kinds the cluster source could not read: says what is missing, what that costs
 * ("cannot list clusterroles: who-can answers are incomplete") and which permission fixes it. Nothing otherwise.
 */
export function UnreadableNotice({ unreadable, dependsOn }: { unreadable: readonly UnreadableKind[]; dependsOn: readonly SnapshotKind[] }) {
  const lines = unreadableLines(unreadable, dependsOn);
  if (lines.length === 0) return null;
  return (
    <div role="note" data-testid="unreadable-notice" className="mb-4 rounded-lg border border-amber-800 bg-amber-950/40 px-4 py-3 text-sm text-amber-100">
      <p className="font-medium">Incomplete: the source could not read everything this page needs.</p>
      <ul className="mt-1.5 list-disc space-y-1 pl-5">
        {lines.map((l) => (
          <li key={l.kind}>
            {l.text}
            {l.fix && <span className="text-amber-200/80"> — fix: {l.fix}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
