'use client';

import { Fragment, useState } from 'react';
import { Badge } from '../ui/Badge';
import { Table, Td } from '../ui/Table';
import type { PolicyRow } from './policyRows';

/** The NetworkPolicies table; each row opens to the policy as read. Client-side only for the open/closed state. */
export function PolicyTable({ rows }: { rows: readonly PolicyRow[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <Table caption="NetworkPolicies" head={['', 'Namespace', 'Name', 'Types', 'Pod selector', 'Ingress rules', 'Egress rules']}>
      {rows.map((r) => {
        const isOpen = open.has(r.key);
        const detailId = `policy-${r.key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
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
              <Td className="font-medium text-zinc-100">{r.name}</Td>
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
              <Td className="tabular-nums">{r.ingressRules}</Td>
              <Td className="tabular-nums">{r.egressRules}</Td>
            </tr>
            {isOpen && (
              <tr id={detailId}>
                <Td colSpan={7} className="bg-zinc-950/60">
                  {r.location !== '' && <p className="mb-2 text-xs text-zinc-400">from {r.location}</p>}
                  <pre className="max-h-96 overflow-auto rounded-md border border-zinc-800 bg-zinc-950 p-3 font-mono text-xs leading-relaxed text-zinc-200">
                    {r.json}
                  </pre>
                </Td>
              </tr>
            )}
          </Fragment>
        );
      })}
    </Table>
  );
}
