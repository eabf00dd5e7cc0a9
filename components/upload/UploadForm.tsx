'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, type DragEvent } from 'react';
import type { SnapshotCounts, Warning } from '@/lib/model';
import { WarningsTable } from '../findings/WarningsTable';
import { Badge } from '../ui/Badge';
import { plural } from '@/viewmodels/ui/format';
import { isManifestName } from '@/viewmodels/upload/uploadFiles';

interface UploadResult {
  readonly files: readonly string[];
  readonly bytes: number;
  readonly counts: SnapshotCounts;
  readonly warnings: readonly Warning[];
}

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending'; readonly count: number }
  | { readonly kind: 'done'; readonly result: UploadResult }
  | { readonly kind: 'failed'; readonly message: string };

/** The path a file was chosen under (a folder upload keeps it), else its name. */
const nameOf = (f: File) => (f.webkitRelativePath || f.name);

/** Drop or choose manifest files (or a folder); sends them to /api/upload and shows what was read. */
export function UploadForm() {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  async function send(list: readonly File[]) {
    if (list.length === 0) return;
    // Folder picks hold every file; the server skips the rest too, but there is no point sending them.
    const chosen = list.filter((f) => isManifestName(nameOf(f)));
    if (chosen.length === 0) {
      setState({ kind: 'failed', message: 'no .yaml, .yml or .json file in the upload' });
      return;
    }
    setState({ kind: 'sending', count: chosen.length });
    const body = new FormData();
    for (const f of chosen) body.append('files', f, nameOf(f));
    try {
      const res = await fetch('/api/upload', { method: 'POST', body });
      const json: unknown = await res.json();
      if (!res.ok) {
        setState({ kind: 'failed', message: (json as { error?: string }).error ?? `upload failed (HTTP ${res.status})` });
        return;
      }
      setState({ kind: 'done', result: json as UploadResult });
      router.refresh();
    } catch (e) {
      setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    void send([...e.dataTransfer.files]);
  }

  return (
    <div className="space-y-4">
      <div
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors ${over ? 'border-sky-400 bg-sky-950/40' : 'border-zinc-700 bg-zinc-900/40'}`}
      >
        <p className="text-sm font-medium text-zinc-100">Drop YAML or JSON manifests here</p>
        <p className="mt-1 text-sm text-zinc-400">a <code className="font-mono text-zinc-300">kubectl get -o yaml</code> dump, or the files of a Git folder</p>
        <div className="mt-4 flex justify-center gap-3">
          <button
            type="button"
            onClick={() => filesInput.current?.click()}
            className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300"
          >
            Choose files…
          </button>
          <button
            type="button"
            onClick={() => folderInput.current?.click()}
            className="rounded-md border border-zinc-600 px-3 py-1.5 text-sm font-medium text-zinc-100 hover:bg-zinc-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300"
          >
            Choose a folder…
          </button>
        </div>
        <input
          ref={filesInput}
          data-testid="file-input"
          type="file"
          multiple
          accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
          className="sr-only"
          tabIndex={-1}
          aria-label="Manifest files"
          onChange={(e) => void send([...(e.target.files ?? [])])}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          className="sr-only"
          tabIndex={-1}
          aria-label="Manifest folder"
          // Non-standard but supported by every current browser: pick a whole folder.
          {...{ webkitdirectory: '' }}
          onChange={(e) => void send([...(e.target.files ?? [])])}
        />
      </div>

      <div aria-live="polite">
        {state.kind === 'sending' && <p className="text-sm text-zinc-300">Reading {plural(state.count, 'file')}…</p>}
        {state.kind === 'failed' && (
          <p role="alert" data-testid="upload-error" className="rounded-md border border-red-900 bg-red-950/60 px-3 py-2 text-sm text-red-100">
            Upload refused: {state.message}
          </p>
        )}
        {state.kind === 'done' && <UploadSummary result={state.result} />}
      </div>
    </div>
  );
}

function UploadSummary({ result }: { result: UploadResult }) {
  const errors = result.warnings.filter((w) => w.severity === 'error').length;
  return (
    <section data-testid="upload-result" className="rounded-lg border border-zinc-800 bg-zinc-900/60">
      <header className="flex flex-wrap items-center gap-3 border-b border-zinc-800 px-4 py-2.5">
        <h2 className="text-sm font-semibold text-zinc-100">Read {plural(result.files.length, 'file')}</h2>
        <span className="text-sm text-zinc-300">
          {plural(result.counts.namespaces.total, 'namespace')} · {plural(result.counts.pods.total, 'pod')} · {plural(result.counts.networkPolicies, 'NetworkPolicy', 'NetworkPolicies')} ·{' '}
          {plural(result.counts.rbac.roleBindings + result.counts.rbac.clusterRoleBindings, 'binding')}
        </span>
        {errors > 0 && <Badge tone="bad">{plural(errors, 'error')}</Badge>}
        <span className="ml-auto flex gap-3 text-sm">
          <Link className="text-sky-300 hover:underline" href="/">Overview →</Link>
          <Link className="text-sky-300 hover:underline" href="/findings">Findings →</Link>
        </span>
      </header>
      {result.warnings.length > 0 ? (
        <WarningsTable warnings={result.warnings} caption="Warnings while reading the upload" />
      ) : (
        <p className="px-4 py-3 text-sm text-zinc-300">Every document was read without a warning.</p>
      )}
    </section>
  );
}
