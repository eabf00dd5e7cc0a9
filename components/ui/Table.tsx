import type { ReactNode } from 'react';

/**
 * A dense data table. `caption` is for screen readers; the visible title lives on the Panel. `widths` (CSS widths
 * per column) fixes the layout, so that sibling tables (one per namespace) line up.
 */
export function Table({ caption, head, children, widths }: { caption: string; head: readonly ReactNode[]; children: ReactNode; widths?: readonly string[] }) {
  return (
    <div className="overflow-x-auto">
      <table className={`w-full border-collapse text-left text-[13px] ${widths ? 'table-fixed' : ''}`}>
        <caption className="sr-only">{caption}</caption>
        {widths && (
          <colgroup>
            {widths.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
        )}
        <thead>
          <tr className="border-b border-zinc-800 text-xs uppercase tracking-wide text-zinc-400">
            {head.map((h, i) => (
              <th key={i} scope="col" className="px-4 py-2 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-800/70">{children}</tbody>
      </table>
    </div>
  );
}

/** A body cell with the table's padding. */
export function Td({ children, className = '', colSpan }: { children?: ReactNode; className?: string; colSpan?: number }) {
  return (
    <td colSpan={colSpan} className={`px-4 py-2 align-top ${className}`}>
      {children}
    </td>
  );
}
