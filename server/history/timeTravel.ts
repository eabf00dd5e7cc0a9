// Server-only: `?at=<version|time>` on Graph, Explain, Access and Findings: the page shows a past version rebuilt
// from the history store instead of the live snapshot, and says so.
import 'server-only';
import { currentSnapshot, type CurrentSnapshotResult } from '../currentSnapshot';
import { historyTarget, pastSnapshot, resolveAt } from './historyView';

/** Which past version a page shows. */
export interface PastView {
  readonly version: number;
  readonly at: string;
  /** As asked (`?at=`), to keep in links. */
  readonly asked: string;
}

export type ViewSnapshotResult = CurrentSnapshotResult & { readonly past?: PastView };

const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim();

/** The snapshot a page shows: the version `?at=` names, else the current one. A bad `?at=` fails the page with why. */
export async function viewSnapshot(sp: Record<string, string | string[] | undefined>): Promise<ViewSnapshotResult> {
  const asked = one(sp.at);
  const current = await currentSnapshot();
  if (asked === '') return current;
  const fail = (message: string): ViewSnapshotResult => ({
    ok: false,
    config: current.config,
    failure: { reason: 'load-failed', message: `?at=${asked}: ${message}`, hint: 'Remove ?at= from the address to see the live cluster, or pick a version on the History page.' },
  });
  const t = await historyTarget();
  if (!t.ok) return fail(t.message);
  const version = await resolveAt(t, asked);
  if (version === undefined) return fail('not a version number or a time, or no version was recorded before that time');
  const snapshot = await pastSnapshot(t, version).catch((e: unknown) => {
    throw new Error(`rebuilding version ${version}: ${e instanceof Error ? e.message : String(e)}`);
  });
  if (!snapshot) return fail(`version ${version} is not in the history (retention may have dropped it)`);
  return { ok: true, snapshot, config: current.config, past: { version, at: snapshot.readAt, asked } };
}
