import Link from 'next/link';
import { ALL_VERBS, resourceLabel } from '@/lib/rbac';
import { MATRIX_RESOURCES, matrixQuery, type MatrixParams } from '@/viewmodels/access/matrixModel';

const field = 'rounded-md border border-zinc-700 bg-zinc-950 px-2 py-1 text-sm text-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-400';

/**
 * The matrix's question, as a GET form: every choice lands in the URL, so a link reproduces the view (and it works
 * without JavaScript). Mode tabs are links. The form is keyed by the question, so its uncontrolled fields show what
 * the URL says after every navigation (a kept <select> would show its old choice, or the first option when its
 * options change, next to a table answering another question); the fields a shape does not ask for travel as hidden
 * inputs, so switching shapes keeps them.
 */
export function MatrixControls({ params, namespaces }: { params: MatrixParams; namespaces: readonly string[] }) {
  const resources = MATRIX_RESOURCES.map(resourceLabel);
  if (!resources.includes(params.resource)) resources.unshift(params.resource);
  const tab = (mode: MatrixParams['mode'], label: string) => (
    <Link
      href={`/access${matrixQuery(params, { mode, focus: '', col: '' })}`}
      aria-current={params.mode === mode ? 'page' : undefined}
      className={`rounded-md px-3 py-1 text-sm ${params.mode === mode ? 'bg-zinc-700 text-white' : 'text-zinc-300 hover:bg-zinc-800'}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="mb-3 space-y-3">
      <nav aria-label="Matrix shape" className="flex gap-1">
        {tab('namespaces', 'One verb × every namespace')}
        {tab('verbs', 'Every verb × one namespace')}
        {tab('editors', 'Editors × every namespace')}
      </nav>
      <form key={matrixQuery(params, { focus: '', col: '' })} method="get" action="/access" className="flex flex-wrap items-end gap-3" data-testid="matrix-form">
        <input type="hidden" name="mode" value={params.mode} />
        {params.mode === 'verbs' ? (
          <label className="flex flex-col gap-1 text-xs text-zinc-400">
            Namespace
            <select name="ns" defaultValue={params.namespace} className={field}>
              <option value="">(cluster scope: ClusterRoleBindings only)</option>
              {namespaces.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
        ) : (
          <input type="hidden" name="ns" value={params.namespace} />
        )}
        {params.mode === 'namespaces' ? (
          <label className="flex flex-col gap-1 text-xs text-zinc-400">
            Verb
            <select name="verb" defaultValue={params.verb} className={field}>
              {[...ALL_VERBS, 'bind', 'escalate', 'impersonate'].map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          </label>
        ) : (
          <input type="hidden" name="verb" value={params.verb} />
        )}
        {params.mode === 'editors' && (
          <label className="flex flex-col gap-1 text-xs text-zinc-400">
            Editors
            <select name="indirect" defaultValue={params.indirect ? '1' : '0'} className={field}>
              <option value="1">direct and indirect (one step away)</option>
              <option value="0">direct only</option>
            </select>
          </label>
        )}
        <label className="flex flex-col gap-1 text-xs text-zinc-400">
          Resource
          <select name="resource" defaultValue={params.resource} className={field}>
            {resources.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-400">
          Subject kind
          <select name="kind" defaultValue={params.kinds.length === 1 ? params.kinds[0] : ''} className={field}>
            <option value="">all kinds</option>
            <option>User</option>
            <option>Group</option>
            <option>ServiceAccount</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-400">
          Subject name contains
          <input name="q" type="search" defaultValue={params.text} placeholder="e.g. alice, ci/" className={`${field} w-48`} />
        </label>
        <button type="submit" className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300">
          Show
        </button>
      </form>
    </div>
  );
}
