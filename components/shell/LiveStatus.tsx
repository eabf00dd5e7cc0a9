'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { liveIndicator, type LiveIndicator } from '@/viewmodels/shell/liveStatusModel';

interface ContextsResponse {
  readonly contexts: readonly { readonly name: string; readonly server: string }[];
  readonly selected: string;
}

const LOOK: Record<LiveIndicator, { dot: string; text: string; label: string }> = {
  connecting: { dot: 'bg-zinc-500 animate-pulse', text: 'text-zinc-300', label: 'Connecting…' },
  live: { dot: 'bg-emerald-400', text: 'text-emerald-200', label: 'Live' },
  reconnecting: { dot: 'bg-amber-400 animate-pulse', text: 'text-amber-200', label: 'Reconnecting…' },
  stale: { dot: 'bg-red-400', text: 'text-red-200', label: 'Stale' },
};

/** Client components that fetch from /api/* listen for this to refetch when a new snapshot version arrives. */
export const SNAPSHOT_EVENT = 'perimeter:snapshot';

/**
 * Live / reconnecting / stale for the cluster source, from /api/events. A new snapshot version (or another context)
 * re-renders the page's server components in place (router.refresh), so changes appear without a reload.
 * With more than one kubeconfig context, a selector switches the server to another one.
 */
export function LiveStatus({ version, context }: { version: number; context: string }) {
  const router = useRouter();
  const shown = useRef({ version, context });
  const [server, setServer] = useState<{ state?: 'connecting' | 'live' | 'reconnecting' | 'failed'; since?: string; message?: string }>({});
  const [stream, setStream] = useState<{ open: boolean; downSince?: number }>({ open: false });
  const [now, setNow] = useState(() => Date.now());
  const [contexts, setContexts] = useState<ContextsResponse | undefined>();
  const [switching, setSwitching] = useState(false);

  useEffect(() => {
    shown.current = { version, context };
  }, [version, context]);

  useEffect(() => {
    const es = new EventSource('/api/events');
    es.onopen = () => setStream({ open: true });
    es.onerror = () => setStream((s) => (s.open || s.downSince === undefined ? { open: false, downSince: Date.now() } : s));
    es.addEventListener('snapshot', (e) => {
      const d = JSON.parse((e as MessageEvent<string>).data) as { version: number; context: string };
      if (d.version !== shown.current.version || d.context !== shown.current.context) {
        shown.current = { version: d.version, context: d.context };
        window.dispatchEvent(new CustomEvent(SNAPSHOT_EVENT, { detail: d }));
        router.refresh();
      }
    });
    es.addEventListener('status', (e) => setServer(JSON.parse((e as MessageEvent<string>).data) as typeof server));
    const tick = setInterval(() => setNow(Date.now()), 5000);
    return () => {
      es.close();
      clearInterval(tick);
    };
  }, [router]);

  useEffect(() => {
    fetch('/api/contexts')
      .then((r) => (r.ok ? (r.json() as Promise<ContextsResponse>) : undefined))
      .then(setContexts)
      .catch(() => setContexts(undefined));
  }, [context]);

  const state = liveIndicator({ server: server.state, serverSince: server.since, streamOpen: stream.open, streamDownSince: stream.downSince, now });
  const look = LOOK[state];
  const title =
    state === 'stale'
      ? `Not receiving changes${server.message ? `: ${server.message}` : ''}. The page shows version ${version}.`
      : state === 'reconnecting'
        ? `Re-establishing the watch${server.message ? ` (${server.message})` : ''}`
        : `Watching the cluster; version ${version}`;

  async function select(name: string) {
    setSwitching(true);
    try {
      await fetch('/api/contexts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ context: name }) });
      router.refresh();
    } finally {
      setSwitching(false);
    }
  }

  return (
    <span className="flex items-center gap-3" data-testid="live-status" data-state={state} data-version={version}>
      <span className={`flex items-center gap-1.5 ${look.text}`} title={title}>
        <span aria-hidden className={`h-2 w-2 rounded-full ${look.dot}`} />
        {look.label}
      </span>
      {contexts && contexts.contexts.length > 1 && (
        <label className="flex items-center gap-1.5 text-zinc-400">
          context
          <select
            data-testid="context-select"
            value={contexts.selected}
            disabled={switching}
            onChange={(e) => void select(e.target.value)}
            className="rounded border border-zinc-700 bg-zinc-900 px-1.5 py-0.5 text-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-400"
          >
            {contexts.contexts.map((c) => (
              <option key={c.name} value={c.name} title={c.server}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </span>
  );
}
