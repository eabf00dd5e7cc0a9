'use client';

import Link from 'next/link';
import { Fragment, useState } from 'react';
import { Badge } from '../ui/Badge';
import { plural } from '@/viewmodels/ui/format';
import { Table, Td } from '../ui/Table';
import { PolicyEnglishView } from './PolicyEnglishView';
import type { PolicyFacts, PolicyRow } from '@/viewmodels/policies/policyRows';

/** The NetworkPolicies table; each row opens to its rules in plain English beside the YAML. Client-side only for the open/closed state. */
export function PolicyTable({ rows, facts }: { rows: readonly PolicyRow[]; facts: Readonly<Record<string, PolicyFacts>> }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <Table caption="NetworkPolicies" head={['', 'Namespace', 'Name', 'Types', 'Pod selector', 'Selects', 'Rules in / out', 'Who can change it']}>
      {rows.map((r) => {
        const isOpen = open.has(r.key);
        const detailId = `policy-${r.key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
        const f = facts[r.key];
        const href = `/policies/${encodeURIComponent(r.namespace)}/${encodeURIComponent(r.name)}`;
        return (
          <Fragment key={r.key}>
            <tr data-testid="policy-row" className={isOpen ? 'bg-zinc-800/40' : undefined}>
              <Td className="w-8 pr-0">
                <button
                  type="button"
                  aria-expanded={isOpen}
                  aria-controls={detailId}
                  aria-label={`${isOpen ? 'Hide' : 'Show'} ${r.key}`}
                  onClick={() => toggle(r.key)}
                  className="flex h-5 w-5 items-center justify-center rounded text-zinc-300 hover:bg-zinc-700 hover:text-white"
                >
                  <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden className={`transition-transform ${isOpen ? 'rotate-90' : ''}`}>
                    <path d="M3 1.5 7 5 3 8.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
                  </svg>
                </button>
              </Td>
              <Td className="text-zinc-300">{r.namespace}</Td>
              <Td className="font-medium text-zinc-100">
                <Link href={href} className="hover:underline">
                  {r.name}
                </Link>
              </Td>
              <Td>
                <span className="flex gap-1" title={r.typesDeclared ? 'policyTypes as written' : 'policyTypes defaulted by the API server rules'}>
                  {r.types.map((t) => (
                    <Badge key={t} tone={t === 'Ingress' ? 'info' : 'neutral'}>
                      {t}
                    </Badge>
                  ))}
                  {!r.typesDeclared && <span className="text-xs text-zinc-400">(defaulted)</span>}
                </span>
              </Td>
              <Td className="font-mono text-xs text-zinc-200">
                {r.podSelector === '' ? <span className="font-sans text-zinc-400 italic">all pods in {r.namespace}</span> : r.podSelector}
              </Td>
              <Td className="whitespace-nowrap tabular-nums">
                {f && f.selectedPods === 0 ? (
                  <Badge tone="warn" title="No pod matches its podSelector: the policy has no effect">
                    0 pods
                  </Badge>
                ) : (
                  <span>{f ? plural(f.selectedPods, 'pod') : '?'}</span>
                )}
                {f && f.warnings.length > 0 && (
                  <span className="ml-1.5">
                    <Badge tone="warn" title={f.warnings.join('\n')}>
                      {f.warnings.length} warning{f.warnings.length === 1 ? '' : 's'}
                    </Badge>
                  </span>
                )}
              </Td>
              <Td className="tabular-nums">
                {r.ingressRules} / {r.egressRules}
              </Td>
              <Td className="whitespace-nowrap">
                <Link href={`${href}#editors`} className="text-sky-300 hover:underline">
                  {f ? `${f.directEditors} direct · ${f.indirectEditors} indirect` : 'editors'}
                </Link>
              </Td>
            </tr>
            {isOpen && (
              <tr id={detailId}>
                <Td colSpan={8} className="bg-zinc-950/60">
                  <div className="grid gap-4 lg:grid-cols-2">
                    <div>
                      <PolicyEnglishView english={r.english} />
                      {f && f.warnings.length > 0 && (
                        <ul className="mt-3 space-y-1 text-sm text-amber-200">
                          {f.warnings.map((w) => (
                            <li key={w}>⚠ {w}</li>
                          ))}
                        </ul>
                      )}
                      <Link href={href} className="mt-3 inline-block text-sm text-sky-300 hover:underline">
                        Pods it selects and who can change it →
                      </Link>
                    </div>
                    <div>
                      {r.location !== '' && <p className="mb-2 text-xs text-zinc-400">from {r.location}</p>}
                      <pre className="max-h-96 overflow-auto rounded-md border border-zinc-800 bg-zinc-950 p-3 font-mono text-xs leading-relaxed text-zinc-200">{r.yaml}</pre>
                    </div>
                  </div>
                </Td>
              </tr>
            )}
          </Fragment>
        );
      })}
    </Table>
  );
}
