'use client';

import { useState } from 'react';
import type { WhatIfResult } from '@/lib/diff/whatIf';
import { WarningsTable } from '../findings/WarningsTable';
import { isManifestName } from '@/viewmodels/upload/uploadFiles';
import { WhatIfResults } from './WhatIfResults';
import type { GraphEdgeChange } from '@/viewmodels/whatif/whatIfGraph';
import type { WhatIfPrefill } from '@/viewmodels/whatif/whatIfPrefill';

/** What /api/what-if answers. */
export type WhatIfResponse = WhatIfResult & { readonly graph: readonly GraphEdgeChange[]; readonly readAt: string };

type State = { readonly kind: 'idle' } | { readonly kind: 'running' } | { readonly kind: 'done'; readonly result: WhatIfResponse } | { readonly kind: 'failed'; readonly message: string };

const field = 'w-full rounded-md border border-zinc-700 bg-zinc-950 px-3 py-2 font-mono text-[13px] text-zinc-100 placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-sky-400';

/** Paste or upload proposed manifests and a deletion list; the server computes the difference on a copy. */
export function WhatIfForm({ example, prefill }: { example: { yaml: string; deletions: string }; prefill?: WhatIfPrefill }) {
  const [yaml, setYaml] = useState(prefill?.yaml ?? '');
  const [deletions, setDeletions] = useState(prefill?.deletions ?? '');
  const [files, setFiles] = useState<readonly { name: string; text: string }[]>([]);
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function choose(list: readonly File[]) {
    const chosen = list.filter((f) => isManifestName(f.name));
    setFiles(await Promise.all(chosen.map(async (f) => ({ name: f.name, text: await f.text() }))));
  }

  async function run() {
    setState({ kind: 'running' });
    const all = [...(yaml.trim() ? [{ name: 'pasted.yaml', text: yaml }] : []), ...files];
    try {
      const res = await fetch('/api/what-if', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files: all, deletions }) });
      const json: unknown = await res.json();
      if (!res.ok) setState({ kind: 'failed', message: (json as { error?: string }).error ?? `HTTP ${res.status}` });
      else setState({ kind: 'done', result: json as WhatIfResponse });
    } catch (e) {
      setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  const empty = !yaml.trim() && !deletions.trim() && files.length === 0;
  return (
    <div className="space-y-4">
      {prefill && (
        <p className="rounded-md border border-sky-800 bg-sky-950/50 px-3 py-2 text-sm text-sky-100" data-testid="whatif-prefill">
          {prefill.note}{' '}
          <a href={prefill.explainHref} className="text-sky-300 underline-offset-2 hover:underline">
            Back to Explain
          </a>
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section className="rounded-lg border border-zinc-800 bg-zinc-900/60 p-4">
          <div className="mb-2 flex items-center justify-between gap-2">
            <label htmlFor="whatif-yaml" className="text-sm font-semibold text-zinc-100">
              New or changed NetworkPolicies and RBAC objects (YAML)
            </label>
            <button type="button" onClick={() => { setYaml(example.yaml); setDeletions(example.deletions); }} className="text-sm text-sky-300 hover:underline focus-visible:outline-2 focus-visible:outline-sky-400">
              Use an example
            </button>
          </div>
          <textarea id="whatif-yaml" data-testid="whatif-yaml" value={yaml} onChange={(e) => setYaml(e.target.value)} rows={14} spellCheck={false} className={field} placeholder={'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n…'} />
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-zinc-300">
            <label className="cursor-pointer rounded-md border border-zinc-600 px-2.5 py-1 hover:bg-zinc-800 focus-within:outline-2 focus-within:outline-sky-400">
              Add files…
              <input type="file" multiple accept=".yaml,.yml,.json" className="sr-only" data-testid="whatif-files" onChange={(e) => void choose([...(e.target.files ?? [])])} />
            </label>
            {files.length > 0 ? <span data-testid="whatif-file-names">{files.map((f) => f.name).join(', ')}</span> : <span className="text-zinc-400">An object with the namespace/name of an existing one replaces it.</span>}
          </div>
        </section>
        <section className="rounded-lg border border-zinc-800 bg-zinc-900/60 p-4">
          <label htmlFor="whatif-deletions" className="mb-2 block text-sm font-semibold text-zinc-100">
            Objects to delete, one per line
          </label>
          <textarea id="whatif-deletions" data-testid="whatif-deletions" value={deletions} onChange={(e) => setDeletions(e.target.value)} rows={6} spellCheck={false} className={field} placeholder={'NetworkPolicy/payments/default-deny-all\nClusterRoleBinding/legacy-ops-full-access'} />
          <p className="mt-2 text-sm text-zinc-400">
            <code className="font-mono text-zinc-300">Kind/namespace/name</code>, or <code className="font-mono text-zinc-300">Kind/name</code> for ClusterRoles and ClusterRoleBindings.
          </p>
          <button
            type="button"
            data-testid="whatif-run"
            disabled={empty || state.kind === 'running'}
            onClick={() => void run()}
            className="mt-4 rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300"
          >
            {state.kind === 'running' ? 'Computing…' : 'Show what changes'}
          </button>
          <p className="mt-2 text-xs text-zinc-400">Computed on a copy in the server’s memory. Nothing is applied or sent to the cluster.</p>
        </section>
      </div>
      <div aria-live="polite">
        {state.kind === 'failed' && (
          <p role="alert" className="rounded-md border border-red-900 bg-red-950/60 px-3 py-2 text-sm text-red-100">
            What-if failed: {state.message}
          </p>
        )}
        {state.kind === 'done' && (
          <div className="space-y-4">
            <WhatIfResults result={state.result} />
            {state.result.warnings.length > 0 && (
              <section className="rounded-lg border border-zinc-800 bg-zinc-900/60" data-testid="whatif-warnings">
                <h2 className="border-b border-zinc-800 px-4 py-2.5 text-sm font-semibold text-zinc-100">Warnings about the proposed change</h2>
                <WarningsTable warnings={state.result.warnings} caption="Warnings about the proposed change" />
              </section>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
