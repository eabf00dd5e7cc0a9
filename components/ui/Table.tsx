import type { ReactNode } from 'react';

/** A dense data table. `caption` is for screen readers; the visible title lives on the Panel. */
export function Table({ caption, head, children }: { caption: string; head: readonly ReactNode[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-[13px]">
        <caption className="sr-only">{caption}</caption>
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
