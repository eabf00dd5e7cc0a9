import type { Metadata } from 'next';
import Link from 'next/link';
import { bindingRows, formatSubject } from '@/viewmodels/access/bindingRows';
import { MatrixControls } from '@/components/access/MatrixControls';
import { MatrixGrid } from '@/components/access/MatrixGrid';
import { buildMatrixView, CELL, matrixQuery, networkPolicyNames, parseMatrixParams } from '@/viewmodels/access/matrixModel';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { UnreadableNotice } from '@/components/shell/UnreadableNotice';
import { ANSWER_DEPENDS_ON } from '@/viewmodels/shell/unreadableNotice';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { plural } from '@/viewmodels/ui/format';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { Table, Td } from '@/components/ui/Table';
import { TimeTravelNotice } from '@/components/history/TimeTravelNotice';
import { viewSnapshot } from '@/server/history/timeTravel';
import { analysesReady, findingsOf, rbacIndexOf } from '@/server/analyses';

export const metadata: Metadata = { title: 'Access' };

export default async function AccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const result = await viewSnapshot(await searchParams);
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const s = result.snapshot;
  await analysesReady(s);
  const index = rbacIndexOf(s);
  const namespaces = [...index.namespaces].sort();
  const sp = await searchParams;
  const params = parseMatrixParams(sp, namespaces[0] ?? '');
  // Thousands of bindings on a large cluster: listed only when asked for.
  const showBindings = sp.bindings === 'all';
  const view = buildMatrixView(index, { findings: findingsOf(s), objectNames: networkPolicyNames(s.networkPolicies) }, params);
  const sod = view.rows.filter((r) => r.cells.includes(CELL.sod)).length;
  const low = view.rows.filter((r) => r.cells.includes(CELL.sodLow) && !r.cells.includes(CELL.sod)).length;
  const accepted = view.rows.filter((r) => r.cells.includes(CELL.sodAccepted) && !r.cells.includes(CELL.sod) && !r.cells.includes(CELL.sodLow)).length;
  const question =
    params.mode === 'namespaces'
      ? `Who can ${params.verb} ${view.resource.resource}, namespace by namespace`
      : params.mode === 'editors'
        ? `Who can change ${view.resource.resource}, namespace by namespace: direct editors${params.indirect ? ' and indirect ones (one step away)' : ''}`
        : `Who can do what to ${view.resource.resource} in ${params.namespace || 'cluster scope'}`;
  const rows = bindingRows(s.roleBindings, s.clusterRoleBindings, new Set(s.roles.map((r) => `${r.namespace}/${r.name}`)), new Set(s.clusterRoles.map((r) => r.name)));
  return (
    <>
      <TimeTravelNotice past={result.past} livePath="/access" />
      <PageHeader
        title="Access"
        description="The permissions matrix: which subjects RBAC allows to do what, where, and through which binding. Cells that break separation of duties are marked."
      >
        <span className="flex gap-2">
          <a
            href={`/api/access/matrix${matrixQuery(params, { focus: '', col: '' })}`}
            download
            data-testid="matrix-csv"
            title="One line per allowed cell and grant: subject, column, access, binding, role and rule (the evidence)"
            className="rounded-md border border-zinc-700 px-3 py-1.5 text-sm text-zinc-100 hover:bg-zinc-800 focus-visible:outline-2 focus-visible:outline-sky-400"
          >
            Export CSV (evidence)
          </a>
          <a
            href={`/api/access/matrix${matrixQuery(params, { focus: '', col: '' })}&layout=matrix`}
            download
            data-testid="matrix-csv-grid"
            title="The matrix as shown: one line per subject, one column per verb or namespace"
            className="rounded-md border border-zinc-700 px-3 py-1.5 text-sm text-zinc-100 hover:bg-zinc-800 focus-visible:outline-2 focus-visible:outline-sky-400"
          >
            CSV (matrix)
          </a>
        </span>
      </PageHeader>
      <UnreadableNotice unreadable={s.unreadable} dependsOn={ANSWER_DEPENDS_ON.whoCan} />
      <MatrixControls params={params} namespaces={namespaces} />
      <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-zinc-300">
        <h2 className="font-semibold text-zinc-100" data-testid="matrix-question">
          {question}
        </h2>
        <span data-testid="matrix-count">
          {view.rows.length === view.total ? plural(view.total, 'subject') : `${view.rows.length} of ${plural(view.total, 'subject')}`}
        </span>
        {sod > 0 && <Badge tone="bad">{plural(sod, 'subject')} breaking separation of duties</Badge>}
        {low > 0 && (
          <Badge title="Findings rates these low: the rights come from built-in grants (Kubernetes components, the superuser group system:masters)">
            {plural(low, 'subject')} with built-in grants, rated low
          </Badge>
        )}
        {accepted > 0 && <Badge tone="warn">{plural(accepted, 'subject')} with an accepted separation-of-duties exception</Badge>}
        <span className="ml-auto flex flex-wrap items-center gap-3 text-xs text-zinc-400" data-testid="matrix-legend">
          <span><span className="text-emerald-300">✓</span> {params.mode === 'editors' ? 'direct editor' : 'allowed'}</span>
          {params.mode === 'editors' && params.indirect && (
            <span>
              <span className="text-sky-300">↗</span> indirect editor (one step away)
            </span>
          )}
          <span><span className="rounded bg-red-950 px-1 text-red-200 ring-1 ring-red-700">✓ SoD</span> breaks separation of duties (high or medium)</span>
          <span><span className="rounded border border-dotted border-zinc-500 px-1 text-zinc-300">✓ SoD</span> the same, rated low: built-in grants</span>
          <span><span className="rounded border border-dashed border-amber-500 px-1 text-amber-200">✓ SoD</span> allow-listed in the config</span>
          <span><span className="text-zinc-400">·</span> {params.mode === 'editors' ? 'neither' : 'denied'}</span>
        </span>
      </div>
      {view.notes.map((n) => (
        <p key={n} className="mb-2 text-sm text-amber-200">
          {n}
        </p>
      ))}
      {view.rows.length === 0 ? (
        <Panel>
          <EmptyState title={view.total === 0 ? 'Nobody is allowed this' : 'No subject matches the filter'}>
            {view.total === 0 ? (
              'No binding in this snapshot grants it. RBAC only adds permissions, so nobody can do it.'
            ) : (
              <Link className="text-sky-300 hover:underline" href={`/access${matrixQuery(params, { kinds: [], text: '', focus: '', col: '' })}`}>
                Show all {plural(view.total, 'subject')}
              </Link>
            )}
          </EmptyState>
        </Panel>
      ) : (
        // A new question is a new grid: selection and scroll position belong to the rows they were made on.
        <MatrixGrid key={matrixQuery(params, { focus: '', col: '' })} params={params} columns={view.columns} rows={view.rows} />
      )}

      <section className="mt-6 rounded-lg border border-zinc-800 bg-zinc-900/60" id="bindings">
        <header className="flex items-center justify-between px-4 py-2.5">
          <h2 className="text-sm font-semibold text-zinc-100">All bindings ({rows.length})</h2>
          <Link className="text-xs text-sky-300 hover:underline" href={showBindings ? `/access${matrixQuery(params)}` : `/access${matrixQuery(params)}&bindings=all#bindings`}>
            {showBindings ? 'hide' : 'show'}
          </Link>
        </header>
        {showBindings && (
        <Table caption="Role bindings" head={['Binding', 'Namespace', 'Role', 'Subjects']}>
          {rows.map((r) => (
            <tr key={`${r.kind}/${r.namespace ?? ''}/${r.name}`} data-testid="binding-row">
              <Td>
                <div className="font-medium text-zinc-100">{r.name}</div>
                <div className="text-xs text-zinc-400">{r.kind}</div>
              </Td>
              <Td className={r.namespace ? 'text-zinc-200' : 'text-zinc-400 italic'}>{r.namespace ?? 'all (cluster-wide)'}</Td>
              <Td>
                <span className="mr-1.5 text-xs text-zinc-400">{r.roleRef.kind}</span>
                <span className="text-zinc-100">{r.roleRef.name}</span>
                {!r.roleFound && (
                  <span className="ml-2">
                    <Badge tone="warn" title="The referenced role is not in the snapshot, so this binding grants nothing that can be shown">
                      role not found
                    </Badge>
                  </span>
                )}
              </Td>
              <Td>
                {r.subjects.length === 0 ? (
                  <span className="text-zinc-400 italic">no subjects</span>
                ) : (
                  <ul className="space-y-0.5">
                    {r.subjects.map((sub) => (
                      <li key={formatSubject(sub)} className="font-mono text-xs text-zinc-200">
                        {formatSubject(sub)}
                      </li>
                    ))}
                  </ul>
                )}
              </Td>
            </tr>
          ))}
        </Table>
        )}
      </section>
    </>
  );
}
