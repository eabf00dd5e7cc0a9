import Link from 'next/link';
import type { FutureExposureRow } from '@/viewmodels/exposure/futureExposure';
import { Badge } from '../ui/Badge';
import { Table, Td } from '../ui/Table';

const LINK = 'text-sky-300 underline-offset-2 hover:underline';

/** What each workload's rules admit from (or let it send to) pods that do not exist yet. */
export function FutureExposureTable({ rows }: { rows: readonly FutureExposureRow[] }) {
  return (
    <Table caption="Exposed to future workloads" head={['Workload', 'Direction', 'Pods that do not exist yet', 'Connections', '']}>
      {rows.map((r, i) => (
        <tr key={`${r.workload}|${r.direction}|${r.peer}|${i}`} data-testid="future-row" data-workload={r.workload} data-peer={r.peer} data-direction={r.direction}>
          <Td className="font-medium text-zinc-100">{r.workload}</Td>
          <Td className="text-xs whitespace-nowrap">
            {r.direction === 'Ingress' ? 'receives from' : 'sends to'}
            {r.unprotected && (
              <span className="ml-1">
                <Badge tone="warn" title={`No policy selects it for ${r.direction.toLowerCase()}`}>
                  not protected
                </Badge>
              </span>
            )}
          </Td>
          <Td className="text-xs">
            <span className="font-mono break-all text-zinc-200">{r.peer}</span>
            {r.origin && <div className="text-zinc-400">first named by {r.origin}</div>}
          </Td>
          <Td className="font-mono text-xs text-zinc-300">{r.ports}</Td>
          <Td className="text-xs whitespace-nowrap">
            <span className="flex flex-col gap-0.5">
              {r.explainHref ? (
                <Link className={LINK} href={r.explainHref} data-testid="future-explain">
                  Explain
                </Link>
              ) : (
                <span className="text-zinc-400" title="The peer's selector has expressions: it stands for many label sets, and Explain answers for one pod">
                  no single pod
                </span>
              )}
              <Link className={LINK} href={r.graphHref}>
                Graph
              </Link>
            </span>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
