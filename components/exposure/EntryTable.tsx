import Link from 'next/link';
import type { EntryRow } from '@/viewmodels/exposure/entryRows';
import { Badge } from '../ui/Badge';
import { Table, Td } from '../ui/Table';

const LINK = 'text-sky-300 underline-offset-2 hover:underline';
const EVERY = ['0.0.0.0/0', '::/0'];

/** The entry points table: what clients connect to, from where, where it lands, and the verdict. */
export function EntryTable({ rows }: { rows: readonly EntryRow[] }) {
  return (
    <Table caption="Entry points" head={['Kind', 'Entry', 'Ports', 'Source ranges', 'Backends', 'Verdict', '']}>
      {rows.map((r) => (
        <tr key={r.id} data-testid="entry-row" data-entry={r.id} data-verdict={r.verdict.key}>
          <Td>
            <Badge tone={r.kind === 'PolicyRule' ? 'neutral' : 'info'}>{r.kind}</Badge>
          </Td>
          <Td className="max-w-72">
            <div className="font-medium break-words text-zinc-100">{r.object}</div>
            <ul className="mt-0.5 font-mono text-xs break-all text-zinc-300">
              {r.addresses.slice(0, 4).map((a) => (
                <li key={a}>{a}</li>
              ))}
              {r.addresses.length > 4 && <li className="text-zinc-400">and {r.addresses.length - 4} more</li>}
            </ul>
            {r.controller && <p className="mt-1 text-xs text-zinc-400">{r.controller}</p>}
          </Td>
          <Td className="font-mono text-xs whitespace-nowrap">{r.ports}</Td>
          <Td className="text-xs">
            {r.sourceRanges.length === EVERY.length && r.sourceRanges.every((x, i) => x === EVERY[i]) ? (
              <span className="text-amber-200" title={r.sourceRangesFrom}>
                every address
              </span>
            ) : (
              <span className="font-mono text-zinc-200" title={r.sourceRangesFrom}>
                {r.sourceRanges.join(', ')}
              </span>
            )}
            <div className="text-zinc-400">{r.sourceRangesFrom}</div>
          </Td>
          <Td className="text-xs">
            {r.backends.length === 0 ? (
              <span className="text-zinc-400">none</span>
            ) : (
              <ul className="space-y-0.5">
                {r.backends.slice(0, 4).map((b) => (
                  <li key={b.workload} title={b.via.join('; ')}>
                    <span className={b.open ? 'text-red-200' : 'text-zinc-200'}>{b.workload}</span>
                    <span className="text-zinc-400">
                      {' '}
                      · {b.pods} pod{b.pods === 1 ? '' : 's'}
                    </span>
                  </li>
                ))}
                {r.backends.length > 4 && <li className="text-zinc-400">and {r.backends.length - 4} more workloads</li>}
              </ul>
            )}
          </Td>
          <Td className="max-w-80">
            <Badge tone={r.verdict.tone} title={r.verdict.title}>
              {r.verdict.label}
            </Badge>
            <p className="mt-1 text-xs text-zinc-300">{r.reason}</p>
          </Td>
          <Td className="text-xs whitespace-nowrap">
            <span className="flex flex-col gap-0.5">
              <a className={LINK} href={`#paths-${encodeURIComponent(r.id)}`}>
                hops
              </a>
              {r.explainHref && (
                <Link className={LINK} href={r.explainHref} data-testid="entry-explain">
                  Explain
                </Link>
              )}
              {r.graphHref && (
                <Link className={LINK} href={r.graphHref} data-testid="entry-graph">
                  Graph
                </Link>
              )}
            </span>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
