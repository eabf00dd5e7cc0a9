import type { Metadata } from 'next';
import Link from 'next/link';
import { describeRule, subjectAccess } from '@/viewmodels/access/subjectAccess';
import { FindingCard } from '@/components/findings/FindingCard';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { UnreadableNotice } from '@/components/shell/UnreadableNotice';
import { ANSWER_DEPENDS_ON } from '@/viewmodels/shell/unreadableNotice';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { plural } from '@/viewmodels/ui/format';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { Table, Td } from '@/components/ui/Table';
import { subjectKey } from '@/lib/rbac';
import { parseSubjectRequest, SUBJECT_SYNTAX } from '@/lib/request';
import { currentSnapshot } from '@/server/currentSnapshot';
import { analysesReady, findingsOf, rbacIndexOf } from '@/server/analyses';

export const metadata: Metadata = { title: 'Subject' };

const RULES_SHOWN = 4;

/** A role's rules; long lists (edit, admin) fold after the first few. */
function RuleList({ rules }: { rules: readonly { rule: Parameters<typeof describeRule>[0]; aggregatedFrom?: string }[] }) {
  const item = (r: (typeof rules)[number], i: number) => (
    <li key={i}>
      <span className="text-zinc-400">#{i}</span> {describeRule(r.rule)}
      {r.aggregatedFrom && <span className="text-zinc-400"> (from {r.aggregatedFrom})</span>}
    </li>
  );
  return (
    <div className="font-mono text-xs text-zinc-200">
      <ul className="space-y-0.5">{rules.slice(0, RULES_SHOWN).map(item)}</ul>
      {rules.length > RULES_SHOWN && (
        <details className="mt-1">
          <summary className="cursor-pointer font-sans text-zinc-300 hover:text-white">{rules.length - RULES_SHOWN} more rules</summary>
          <ul className="mt-0.5 space-y-0.5">{rules.slice(RULES_SHOWN).map((r, i) => item(r, i + RULES_SHOWN))}</ul>
        </details>
      )}
    </div>
  );
}

const ref = (r: { kind: string; namespace?: string; name: string }) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

export default async function SubjectPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const result = await currentSnapshot();
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const raw = (await searchParams).s;
  const text = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const parsed = parseSubjectRequest(text);
  if (!parsed.ok) {
    return (
      <>
        <PageHeader title="Subject" description="Everything one subject can do, and through which bindings." />
        <Panel>
          <EmptyState title={text ? `“${text}” is not a subject` : 'No subject given'}>
            Link here as /access/subject?s=… ({SUBJECT_SYNTAX}), or pick one in the <Link className="text-sky-300 hover:underline" href="/access">matrix</Link>.
          </EmptyState>
        </Panel>
      </>
    );
  }
  const subject = parsed.value;
  const s = result.snapshot;
  await analysesReady(s);
  const report = subjectAccess(rbacIndexOf(s), subject);
  const key = subjectKey(subject);
  const findings = findingsOf(s).filter((f) => f.subject && subjectKey(f.subject) === key);
  const own = report.grants.filter((g) => !g.viaGroup).length;
  return (
    <>
      <PageHeader
        title={key}
        description={`Everything RBAC allows ${key}: ${plural(report.grants.length, 'binding')} apply (${own} naming it, ${report.grants.length - own} through its groups).`}
      >
        <Link href="/access" className="text-sm text-sky-300 hover:underline">
          ← matrix
        </Link>
      </PageHeader>
      <UnreadableNotice unreadable={s.unreadable} dependsOn={ANSWER_DEPENDS_ON.whoCan} />
      <div className="space-y-4">
        <Panel title="Identity as the authorizer sees it">
          <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 px-4 py-3 text-sm">
            <dt className="text-zinc-400">Username</dt>
            <dd className="font-mono text-zinc-100">{report.username ?? '— (a group: what membership alone gives)'}</dd>
            <dt className="text-zinc-400">Groups</dt>
            <dd className="flex flex-wrap gap-1.5">
              {report.groups.map((g) => (
                <Link key={g} href={`/access/subject?s=${encodeURIComponent(`Group:${g}`)}`} className="rounded bg-zinc-800 px-1.5 py-0.5 font-mono text-xs text-zinc-200 hover:bg-zinc-700">
                  {g}
                </Link>
              ))}
            </dd>
          </dl>
          {report.superuser && (
            <p className="border-t border-zinc-800 px-4 py-2 text-sm text-red-200">
              Member of system:masters: the API server allows every request without consulting RBAC.
            </p>
          )}
        </Panel>

        {findings.length > 0 && (
          <Panel title={`Findings about ${key} (${findings.length})`}>
            <ul className="divide-y divide-zinc-800">
              {findings.map((f) => (
                <FindingCard key={f.id} finding={f} />
              ))}
            </ul>
          </Panel>
        )}

        <Panel title={`Bindings that apply (${report.grants.length})`}>
          {report.grants.length === 0 ? (
            <EmptyState title="No binding applies">No RoleBinding or ClusterRoleBinding names this subject or any of its groups: RBAC allows it nothing.</EmptyState>
          ) : (
            <Table caption="Bindings that apply" head={['Where', 'Binding → role', 'Bound to', 'Rules (after aggregation)']} widths={['11rem', '18rem', '14rem', 'auto']}>
              {report.grants.map((g) => (
                <tr key={`${ref(g.binding)}-${g.via}`} data-testid="subject-grant">
                  <Td className={g.scope ? 'text-zinc-100' : 'text-amber-200'}>{g.scope ?? 'every namespace'}</Td>
                  <Td>
                    <div className="text-zinc-100">{ref(g.binding)}</div>
                    <div className="text-xs text-zinc-400">→ {ref(g.role)}</div>
                  </Td>
                  <Td className="text-xs">{g.viaGroup ? <Badge tone="info">{g.via}</Badge> : <span className="text-zinc-300">itself</span>}</Td>
                  <Td>
                    {g.roleMissing ? (
                      <Badge tone="warn">role not found: grants nothing</Badge>
                    ) : (
                      <RuleList rules={g.rules} />
                    )}
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Panel>
      </div>
    </>
  );
}
