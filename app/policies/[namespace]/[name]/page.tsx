import type { Metadata } from 'next';
import Link from 'next/link';
import { stringify } from 'yaml';
import { EditorTables } from '@/components/policies/EditorTables';
import { editorRows } from '@/viewmodels/policies/editorRows';
import { policyEnglish, policyManifest } from '@/viewmodels/policies/policyEnglish';
import { PolicyEnglishView } from '@/components/policies/PolicyEnglishView';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { EmptyState } from '@/components/ui/EmptyState';
import { formatLocation, plural } from '@/viewmodels/ui/format';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { compiledSnapshot, policyEditorsOf } from '@/server/analyses';
import { currentSnapshot } from '@/server/currentSnapshot';

type Params = Promise<{ namespace: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { namespace, name } = await params;
  return { title: `${decodeURIComponent(namespace)}/${decodeURIComponent(name)}` };
}

export default async function PolicyPage({ params }: { params: Params }) {
  const result = await currentSnapshot();
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const { namespace, name } = await params;
  const key = `${decodeURIComponent(namespace)}/${decodeURIComponent(name)}`;
  const s = result.snapshot;
  const compiled = compiledSnapshot(s);
  const cp = compiled.policies.find((p) => p.key === key);
  if (!cp) {
    return (
      <>
        <PageHeader title={key} description="NetworkPolicy" />
        <Panel>
          <EmptyState title={`No NetworkPolicy ${key} in this snapshot`}>
            <Link href="/policies" className="text-sky-300 hover:underline">
              All policies
            </Link>
          </EmptyState>
        </Panel>
      </>
    );
  }
  const p = cp.policy;
  const pods = cp.selectedClasses.flatMap((cid) => compiled.classes[cid].pods.map((i) => compiled.pods[i].pod)).sort((a, b) => a.name.localeCompare(b.name));
  const warnings = compiled.warnings.filter((w) => w.object?.kind === 'NetworkPolicy' && `${w.object.namespace}/${w.object.name}` === key);
  const editors = policyEditorsOf(s).get(key);
  const rows = editors ? editorRows(editors) : { direct: [], indirect: [] };
  const location = formatLocation(p.origin);
  return (
    <>
      <PageHeader title={key} description={`NetworkPolicy${location ? ` from ${location}` : ''}: what it does, the pods it selects, and who can change it.`}>
        <Link href={`/policies?ns=${encodeURIComponent(p.namespace)}`} className="text-sm text-sky-300 hover:underline">
          ← policies in {p.namespace}
        </Link>
      </PageHeader>
      <div className="space-y-4">
        {warnings.length > 0 && (
          <div role="alert" className="rounded-lg border border-amber-800 bg-amber-950/50 px-4 py-3 text-sm text-amber-100" data-testid="policy-warnings">
            {warnings.map((w) => (
              <p key={w.message}>⚠ {w.message}</p>
            ))}
          </div>
        )}
        <div className="grid gap-4 lg:grid-cols-2">
          <Panel title="In plain English">
            <div className="px-4 py-3">
              <PolicyEnglishView english={policyEnglish(p)} />
            </div>
          </Panel>
          <Panel title="As read (YAML, defaults applied)">
            <pre className="max-h-[28rem] overflow-auto px-4 py-3 font-mono text-xs leading-relaxed text-zinc-200">{stringify(policyManifest(p))}</pre>
          </Panel>
        </div>

        <Panel title={`Pods it selects (${pods.length})`}>
          {pods.length === 0 ? (
            <EmptyState title="It selects no pod">Its podSelector matches no pod in {p.namespace}, so it isolates nothing and allows nothing. Check the labels for a typo.</EmptyState>
          ) : (
            <ul className="flex flex-wrap gap-1.5 px-4 py-3" data-testid="selected-pods">
              {pods.map((pod) => (
                <li key={pod.name} className="rounded bg-zinc-800 px-1.5 py-0.5 font-mono text-xs text-zinc-200">
                  {pod.name}
                  {pod.fromTemplate && <span className="text-zinc-400"> (template)</span>}
                </li>
              ))}
            </ul>
          )}
        </Panel>

        <Panel id="editors" title={`Who can change it: ${plural(rows.direct.length, 'direct editor')}, ${plural(rows.indirect.length, 'indirect editor')}`}>
          <p className="border-b border-zinc-800 px-4 py-2 text-xs text-zinc-400">
            Direct: may create, update, patch, delete it (or deletecollection in {p.namespace}). Indirect: not an editor, but can become one in one step (impersonation, binding or
            escalating a role, running a workload as an editor ServiceAccount, or minting its token).
          </p>
          <EditorTables direct={rows.direct} indirect={rows.indirect} />
        </Panel>
      </div>
    </>
  );
}
