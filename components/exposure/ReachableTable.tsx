import Link from 'next/link';
import type { ExposureFormat } from '@/viewmodels/exposure/exposureExport';
import type { ReachableRow } from '@/viewmodels/exposure/reachableRows';
import { ExportLinks } from './ExportLinks';
import { Badge } from '../ui/Badge';
import { Table, Td } from '../ui/Table';

const LINK = 'text-sky-300 underline-offset-2 hover:underline';
const SENSITIVE_SHOWN = 4;

/**
 * The internet-reachable workloads, each with what an attacker holding it reaches next (1-3 hops, ranked; the first
 * few, the rest in the export of that workload's blast radius).
 */
export function ReachableTable({ rows, exportHref }: { rows: readonly ReachableRow[]; exportHref: (workload: string, format: ExposureFormat) => string }) {
  return (
    <Table caption="Internet-reachable workloads and their blast radius" head={['Workload', 'Open from the internet', 'Through', 'Reaches next (1–3 hops, ranked)', '']}>
      {rows.map((r) => (
        <tr key={r.workload} data-testid="reachable-row" data-workload={r.workload}>
          <Td className="font-medium text-zinc-100">
            {r.workload}
            {r.assumed && (
              <span className="ml-1">
                <Badge tone="warn" title="Some path to it assumes that the ingress controller, not in the snapshot, is reachable from the internet">
                  assumed controller
                </Badge>
              </span>
            )}
          </Td>
          <Td className="text-xs">
            <span className="font-mono text-zinc-200">{r.ports}</span>
            {r.sensitive.length > 0 && (
              <span className="mt-1 flex flex-wrap gap-1">
                {r.sensitive.slice(0, SENSITIVE_SHOWN).map((s) => (
                  <Badge key={s} tone="bad">
                    {s}
                  </Badge>
                ))}
                {r.sensitive.length > SENSITIVE_SHOWN && (
                  <span className="text-zinc-400" title={r.sensitive.slice(SENSITIVE_SHOWN).join(', ')}>
                    and {r.sensitive.length - SENSITIVE_SHOWN} more sensitive ports
                  </span>
                )}
              </span>
            )}
            {r.usableFrom.length > 0 && <div className="mt-1 text-zinc-400">from {r.usableFrom.slice(0, 3).join(', ')}{r.usableFrom.length > 3 ? ` and ${r.usableFrom.length - 3} more` : ''}</div>}
          </Td>
          <Td className="font-mono text-xs text-zinc-300">
            {r.entries.map((e) => (
              <div key={e}>
                <a className={LINK} href={`#paths-${encodeURIComponent(e)}`}>
                  {e}
                </a>
              </div>
            ))}
          </Td>
          <Td className="text-xs">
            {r.blast.total === 0 ? (
              <span className="text-zinc-400">nothing: its egress reaches no workload</span>
            ) : (
              <>
                <ol className="space-y-0.5" data-testid="blast-radius">
                  {r.blast.reached.map((x) => (
                    <li key={x.workload} data-testid="reached" data-workload={x.workload}>
                      <Badge tone={x.sensitive.length > 0 ? 'bad' : x.sensitiveNamespace ? 'warn' : 'neutral'}>{x.hops} hop{x.hops === 1 ? '' : 's'}</Badge> <span className="text-zinc-100">{x.workload}</span>{' '}
                      <span className="font-mono text-zinc-400">{x.ports}</span>
                      {x.sensitive.length > 0 && <span className="text-red-200"> · {x.sensitive.join(', ')}</span>}
                      {x.sensitiveNamespace && <span className="text-amber-200"> · sensitive namespace</span>}
                      {x.path.length > 1 && <span className="text-zinc-400"> · via {x.path.slice(0, -1).join(' → ')}</span>}{' '}
                      <Link className={LINK} href={x.explainHref}>
                        Explain
                      </Link>
                    </li>
                  ))}
                </ol>
                {r.blast.total > r.blast.reached.length && (
                  <p className="mt-1 text-zinc-400" data-testid="blast-more">
                    top {r.blast.reached.length} of {r.blast.total} workloads reachable in 1–3 hops.{' '}
                    <ExportLinks href={(f) => exportHref(r.workload, f)} label="All of them" />
                  </p>
                )}
              </>
            )}
          </Td>
          <Td className="text-xs whitespace-nowrap">
            <Link className={LINK} href={r.graphHref} data-testid="reachable-graph">
              Graph
            </Link>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
