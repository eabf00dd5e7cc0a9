import type { SourceFailure } from '@/server/snapshotStore';
import { RetryButton } from './RetryButton';

const HEADINGS: Record<SourceFailure['reason'], string> = {
  'cluster-unavailable': 'Cannot read the cluster',
  'path-not-found': 'A manifest path does not exist',
  'load-failed': 'The source could not be read',
  'config-failed': 'perimeter.config.yaml could not be applied',
};

/** What to run next, per failure. */
function fixCommands(reason: SourceFailure['reason']): string {
  switch (reason) {
    case 'cluster-unavailable':
      // A stale kubeconfig must not keep a first-time user from looking around: the demo is one setting away.
      return 'PERIMETER_SOURCE=demo npm start        # the built-in demo cluster instead\nkubectl config get-contexts\nPERIMETER_SOURCE=cluster PERIMETER_CONTEXT=<context> npm start';
    case 'config-failed':
      return './bin/perimeter check <manifests> --config <file>   # the CLI names the same problem\nPERIMETER_CONFIG=./perimeter.config.yaml npm start';
    case 'path-not-found':
    case 'load-failed':
      return 'PERIMETER_SOURCE=demo npm start\nPERIMETER_SOURCE=./manifests,./more.yaml npm start';
  }
}

/** Shown instead of a page's content when the configured source failed; says what to change. */
export function SourceFailurePanel({ failure }: { failure: SourceFailure }) {
  return (
    <div role="alert" data-testid="source-failure" className="rounded-lg border border-red-900 bg-red-950/40 p-5">
      <h1 className="text-lg font-semibold text-red-100">{HEADINGS[failure.reason]}</h1>
      <p className="mt-2 text-sm text-red-100">{failure.message}</p>
      <p className="mt-3 text-sm text-zinc-200">{failure.hint}</p>
      <pre className="mt-3 overflow-x-auto rounded-md bg-zinc-950 px-3 py-2 font-mono text-xs text-zinc-200">
        {fixCommands(failure.reason)}
      </pre>
      {(failure.reason === 'cluster-unavailable' || failure.reason === 'config-failed') && <RetryButton />}
    </div>
  );
}
