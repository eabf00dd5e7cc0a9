import type { Warning, WarningSeverity } from '@/lib/model';
import { Badge, type Tone } from '../ui/Badge';
import { formatLocation } from '@/viewmodels/ui/format';
import { Table, Td } from '../ui/Table';

const SEVERITY_TONE: Record<WarningSeverity, Tone> = { error: 'bad', warning: 'warn', info: 'info' };
const SEVERITY_ORDER: Record<WarningSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Warnings ordered most severe first, keeping the source order within a severity. */
export function sortWarnings(warnings: readonly Warning[]): Warning[] {
  return warnings
    .map((w, i) => ({ w, i }))
    .sort((a, b) => SEVERITY_ORDER[a.w.severity] - SEVERITY_ORDER[b.w.severity] || a.i - b.i)
    .map(({ w }) => w);
}

/** The snapshot's warnings: severity, code, location (file and object) and the message. */
export function WarningsTable({ warnings, caption }: { warnings: readonly Warning[]; caption: string }) {
  return (
    <Table caption={caption} head={['Severity', 'Code', 'Location', 'Message']}>
      {sortWarnings(warnings).map((w, i) => (
        <tr key={i} data-testid="warning-row">
          <Td>
            <Badge tone={SEVERITY_TONE[w.severity]}>{w.severity}</Badge>
          </Td>
          <Td className="font-mono text-xs whitespace-nowrap text-zinc-200">{w.code}</Td>
          <Td className="text-xs text-zinc-300">
            {w.origin && <div className="font-mono">{formatLocation(w.origin)}</div>}
            {w.object && (
              <div>
                {w.object.kind} {w.object.namespace ? `${w.object.namespace}/` : ''}
                {w.object.name}
              </div>
            )}
            {!w.origin && !w.object && <span className="text-zinc-400">—</span>}
          </Td>
          <Td className="text-zinc-200">{w.message}</Td>
        </tr>
      ))}
    </Table>
  );
}
