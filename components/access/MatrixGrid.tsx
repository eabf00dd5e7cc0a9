'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useSnapshotTick } from '../shell/useSnapshotTick';
import { Badge } from '../ui/Badge';
import type { MatrixViewColumn, MatrixViewRow } from '@/viewmodels/access/matrixModel';
import { CELL, CELL_WORDS, matrixQuery, type MatrixParams } from '@/viewmodels/access/matrixParams';

const ROW_H = 32;
const HEAD_H = 48;
// Rows rendered beyond the viewport on each side: a fast wheel moves about 7 rows a frame.
const OVERSCAN = 20;
const COL_OVERSCAN = 4;
const SUBJECT_W = 240;
const COL_W = 76;
// What the server renders before the browser has measured the viewport (a first screen of rows, also without JS).
const INITIAL_RECT = { width: 1200, height: 600 };

interface CellPath {
  readonly kind: 'rbac' | 'superuser';
  readonly text: string;
  readonly rule?: { verbs: string[]; apiGroups: string[]; resources: string[]; resourceNames: string[] };
}
interface CellFinding {
  readonly id: string;
  readonly ruleId: string;
  readonly severity: 'low' | 'medium' | 'high';
  readonly title: string;
  readonly suppressed: boolean;
}
type CellInfo = { readonly key: string } & (
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | {
      readonly state: 'ok';
      readonly verbs: readonly string[];
      readonly namespace: string | null;
      readonly paths: readonly CellPath[];
      readonly steps: readonly { readonly text: string; readonly paths: readonly CellPath[] }[];
      readonly findings: readonly CellFinding[];
    }
);

/** A cell by what it means, never by where it is drawn: subject key and column key. */
interface CellKey {
  readonly subject: string;
  readonly col: string;
}

/**
 * The permissions matrix, windowed in both directions with @tanstack/react-virtual: only the rows and columns in view
 * (plus overscan) are in the DOM, so 10,000 subjects × 200 namespaces scroll without long tasks. The active and the
 * selected cell are kept by subject and column key: a live update that inserts or removes subjects moves rows, never
 * the selection, the side panel or the URL. Keyboard: arrows, Page Up/Down, Home/End move the active cell; Enter
 * shows its grant paths.
 */
export function MatrixGrid({ params, columns, rows }: { params: MatrixParams; columns: readonly MatrixViewColumn[]; rows: readonly MatrixViewRow[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);
  const colIndex = useMemo(() => new Map(columns.map((c, i) => [c.key, i])), [columns]);
  // The cell the URL names, looked up once.
  const [initial] = useState(() => {
    const row = rows.find((r) => r.key === params.focus) ?? rows[0];
    // A link naming only the subject opens its first allowed cell.
    const first = row ? row.cells.search(/[^.]/) : -1;
    const col = params.col && columns.some((c) => c.key === params.col) ? params.col : (columns[Math.max(0, first)]?.key ?? '');
    const linked = !!params.focus && row?.key === params.focus && (params.col ? col === params.col : first >= 0);
    const cell: CellKey = { subject: row?.key ?? '', col };
    return { cell, linked };
  });
  const [active, setActive] = useState<CellKey>(initial.cell);
  const [selected, setSelected] = useState<CellKey | null>(initial.linked ? initial.cell : null);
  const [info, setInfo] = useState<CellInfo | null>(null);
  // The selected cell's paths are fetched again on each new snapshot version (they come from /api).
  const snapshotTick = useSnapshotTick();

  // Where the active cell is now; a subject that left the matrix falls back to the first row.
  const activeRow = rows.length === 0 ? -1 : Math.min(rows.length - 1, rowIndex.get(active.subject) ?? 0);
  const activeCol = columns.length === 0 ? -1 : Math.min(columns.length - 1, colIndex.get(active.col) ?? 0);
  const selRow = selected ? rowIndex.get(selected.subject) : undefined;
  const selCol = selected ? colIndex.get(selected.col) : undefined;

  const getScrollElement = useCallback(() => scroller.current, []);
  // No React Compiler here: the virtualizer re-renders this component itself when the range changes.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowV = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize: () => ROW_H,
    paddingStart: HEAD_H,
    scrollPaddingStart: HEAD_H,
    overscan: OVERSCAN,
    initialRect: INITIAL_RECT,
    // Renders scheduled by React, not forced inside the scroll event.
    useFlushSync: false,
  });
  const colV = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement,
    estimateSize: () => COL_W,
    paddingStart: SUBJECT_W,
    scrollPaddingStart: SUBJECT_W,
    overscan: COL_OVERSCAN,
    initialRect: INITIAL_RECT,
    useFlushSync: false,
  });

  // Scroll the linked cell into view once.
  useLayoutEffect(() => {
    if (!initial.linked) return;
    const r = rowIndex.get(initial.cell.subject);
    const c = colIndex.get(initial.cell.col);
    if (r !== undefined && r > 0) rowV.scrollToIndex(r, { align: 'center' });
    if (c !== undefined) colV.scrollToIndex(c, { align: 'auto' });
    // Only on mount: later focus changes come from the user, who scrolls themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Fetch the grant paths of the selected cell and put the selection in the URL. `info` is keyed by the cell, so a
  // stale answer is never shown for another cell (no loading state needs setting here).
  const selKey = selected ? `${selected.subject}\u0000${selected.col}` : '';
  const selCode = selRow !== undefined && selCol !== undefined ? rows[selRow].cells[selCol] : undefined;
  useEffect(() => {
    if (!selected) return;
    const query = matrixQuery(params, { focus: selected.subject, col: selected.col });
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${query}`);
    if (selCode === undefined || selCode === CELL.denied) return;
    const key = `${selected.subject}\u0000${selected.col}`;
    const ctrl = new AbortController();
    fetch(`/api/access/cell${query}`, { signal: ctrl.signal })
      .then(async (res) => {
        const json = (await res.json()) as {
          verbs: string[];
          namespace: string | null;
          paths: CellPath[];
          steps: { text: string; paths: CellPath[] }[];
          findings: CellFinding[];
          error?: { message?: string } | string;
        };
        if (!res.ok) throw new Error(typeof json.error === 'string' ? json.error : (json.error?.message ?? `HTTP ${res.status}`));
        setInfo({ key, state: 'ok', verbs: json.verbs, namespace: json.namespace, paths: json.paths, steps: json.steps, findings: json.findings });
      })
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setInfo({ key, state: 'failed', message: e instanceof Error ? e.message : String(e) });
      });
    return () => ctrl.abort();
    // `selected` is read through selKey: a new object for the same cell fetches nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selKey, selCode, params, snapshotTick]);
  const shownInfo: CellInfo = info && info.key === selKey ? info : { key: selKey, state: 'loading' };

  const onCell = useCallback((subject: string, col: string) => {
    setActive({ subject, col });
    setSelected({ subject, col });
    scroller.current?.focus({ preventScroll: true });
  }, []);

  function move(row: number, col: number) {
    const r = Math.min(rows.length - 1, Math.max(0, row));
    const c = Math.min(columns.length - 1, Math.max(0, col));
    if (r < 0 || c < 0) return;
    setActive({ subject: rows[r].key, col: columns[c].key });
    rowV.scrollToIndex(r, { align: 'auto' });
    colV.scrollToIndex(c, { align: 'auto' });
  }

  function onKeyDown(e: KeyboardEvent) {
    const height = scroller.current?.clientHeight ?? INITIAL_RECT.height;
    const page = Math.max(1, Math.floor((height - HEAD_H) / ROW_H) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeRow + 1, activeCol),
      ArrowUp: () => move(activeRow - 1, activeCol),
      ArrowRight: () => move(activeRow, activeCol + 1),
      ArrowLeft: () => move(activeRow, activeCol - 1),
      PageDown: () => move(activeRow + page, activeCol),
      PageUp: () => move(activeRow - page, activeCol),
      Home: () => move(e.ctrlKey ? 0 : activeRow, 0),
      End: () => move(e.ctrlKey ? rows.length - 1 : activeRow, columns.length - 1),
      Enter: () => activeRow >= 0 && setSelected({ subject: rows[activeRow].key, col: columns[activeCol].key }),
      ' ': () => activeRow >= 0 && setSelected({ subject: rows[activeRow].key, col: columns[activeCol].key }),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  }

  // The window follows the scroll as a deferred value: React renders the rows that come into view in interruptible
  // slices, and skips windows a fast wheel has already scrolled past (native scrolling moves the rendered overscan
  // meanwhile). The active row and column are added at once, so aria-activedescendant always names an element.
  const rowItems = useDeferredValue(rowV.getVirtualItems());
  const rendered = rowItems.some((it) => it.index === activeRow) || activeRow < 0 ? rowItems : [...rowItems, { index: activeRow, start: HEAD_H + activeRow * ROW_H }];
  // The rendered columns, as a value that stays the same while they do, so memoized rows skip re-rendering.
  const colKey = useDeferredValue(colV.getVirtualIndexes().join(','));
  const windowCols = useMemo(() => (colKey === '' ? [] : colKey.split(',').map(Number)), [colKey]);
  const cols = useMemo(() => (activeCol < 0 || windowCols.includes(activeCol) ? windowCols : [...windowCols, activeCol].sort((a, b) => a - b)), [windowCols, activeCol]);
  const width = SUBJECT_W + columns.length * COL_W;
  const activeId = activeRow >= 0 ? `cell-${activeRow}-${activeCol}` : undefined;
  const sel = selected && selRow !== undefined && selCol !== undefined ? { row: rows[selRow], col: columns[selCol], code: rows[selRow].cells[selCol] } : null;

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
      <div
        ref={scroller}
        onKeyDown={onKeyDown}
        tabIndex={0}
        role="grid"
        aria-label="Permissions matrix"
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length + 1}
        aria-activedescendant={activeId}
        data-testid="matrix"
        className="relative max-h-[calc(100vh-19rem)] min-h-40 self-start overflow-auto rounded-lg border border-zinc-800 bg-zinc-900/60 focus-visible:outline-2 focus-visible:outline-sky-400"
      >
        <div style={{ height: rowV.getTotalSize(), width }} className="relative">
          <div role="row" aria-rowindex={1} className="sticky top-0 z-10 border-b border-zinc-700 bg-zinc-900 text-xs font-medium tracking-wide text-zinc-300 uppercase" style={{ height: HEAD_H, width }}>
            <div role="columnheader" aria-colindex={1} className="sticky left-0 z-[1] flex h-full items-center bg-zinc-900 px-3" style={{ width: SUBJECT_W }}>
              Subject
            </div>
            {cols.map((j) => {
              const c = columns[j];
              return (
                <div
                  key={c.key}
                  role="columnheader"
                  aria-colindex={j + 2}
                  className="absolute top-0 flex h-full flex-col items-center justify-center px-0.5 text-center text-[11px] leading-tight [overflow-wrap:anywhere] normal-case"
                  style={{ left: SUBJECT_W + j * COL_W, width: COL_W }}
                  title={c.editors ? `${c.label}: ${c.editors.direct} direct editor${c.editors.direct === 1 ? '' : 's'}, ${c.editors.indirect} indirect` : c.label}
                >
                  {c.label}
                  {c.editors && (
                    <span className="mt-0.5 text-[10px] font-normal text-zinc-400 tabular-nums" data-testid="column-editors">
                      {c.editors.direct} · {c.editors.indirect}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
          {rendered.map((item) => (
            <MatrixRow
              key={rows[item.index].key}
              row={rows[item.index]}
              index={item.index}
              top={item.start}
              columns={columns}
              cols={cols}
              width={width}
              activeCol={item.index === activeRow ? activeCol : -1}
              selectedCol={item.index === selRow && selCol !== undefined ? selCol : -1}
              onCell={onCell}
            />
          ))}
        </div>
      </div>
      <aside aria-live="polite" data-testid="cell-panel" className="self-start rounded-lg border border-zinc-800 bg-zinc-900/60 xl:sticky xl:top-4">
        {sel ? (
          <CellPanel subject={sel.row.key} column={sel.col.label} code={sel.code} info={shownInfo} mode={params.mode} />
        ) : selected ? (
          <p className="px-4 py-6 text-sm text-zinc-300" data-testid="cell-gone">
            {selected.subject} is no longer in this matrix (the snapshot changed); select another cell.
          </p>
        ) : (
          <p className="px-4 py-6 text-sm text-zinc-400">Select a cell (click, or arrows and Enter) to see the bindings, roles and rules that grant it.</p>
        )}
      </aside>
    </div>
  );
}

/**
 * One row. Memoized: while scrolling, rows that stay in view are not re-rendered, and the subject is a plain link
 * (next/link would prefetch every subject page that scrolls into view).
 */
const MatrixRow = memo(function MatrixRow({
  row: r,
  index: i,
  top,
  columns,
  cols,
  width,
  activeCol,
  selectedCol,
  onCell,
}: {
  row: MatrixViewRow;
  index: number;
  top: number;
  columns: readonly MatrixViewColumn[];
  cols: readonly number[];
  width: number;
  activeCol: number;
  selectedCol: number;
  onCell: (subject: string, col: string) => void;
}) {
  const cell = (j: number, place: CSSProperties) => {
    const c = columns[j];
    const code = r.cells[j];
    const isSel = selectedCol === j;
    return (
      <div
        key={c.key}
        id={`cell-${i}-${j}`}
        role="gridcell"
        aria-colindex={j + 2}
        aria-selected={isSel}
        data-col={c.key}
        data-state={STATE[code] ?? 'denied'}
        aria-label={`${c.label}: ${CELL_WORDS[code] ?? 'denied'}`}
        onClick={() => onCell(r.key, c.key)}
        className={`absolute top-0 bottom-0 flex cursor-pointer items-center justify-center ${activeCol === j ? 'ring-2 ring-sky-400 ring-inset' : ''} ${isSel ? 'bg-sky-950' : 'hover:bg-zinc-800'}`}
        style={{ width: COL_W, ...place }}
      >
        <CellMark code={code} />
      </div>
    );
  };
  return (
    <div
      role="row"
      aria-rowindex={i + 2}
      data-testid="matrix-row"
      data-subject={r.key}
      className={`absolute left-0 border-b border-zinc-800/70 text-[13px] ${activeCol >= 0 ? 'bg-zinc-800/50' : ''}`}
      style={{ top, height: ROW_H, width }}
    >
      <div role="rowheader" aria-colindex={1} className="sticky left-0 z-[1] flex h-full items-center gap-2 truncate bg-zinc-900 px-3" style={{ width: SUBJECT_W }}>
        <span className="w-9 shrink-0 text-[11px] text-zinc-400">{r.kind === 'ServiceAccount' ? 'SA' : r.kind}</span>
        <a href={`/access/subject?s=${encodeURIComponent(r.key)}`} tabIndex={-1} className="truncate text-zinc-100 hover:underline" title={r.key}>
          {r.name}
        </a>
      </div>
      {cols.map((j) => cell(j, { left: SUBJECT_W + j * COL_W }))}
    </div>
  );
});

/** A cell's `data-state` by CELL code (what a screen reader says of it: CELL_WORDS). */
const STATE: Readonly<Record<string, string>> = {
  [CELL.denied]: 'denied',
  [CELL.allowed]: 'allowed',
  [CELL.sod]: 'sod',
  [CELL.sodLow]: 'sod-low',
  [CELL.sodAccepted]: 'sod-accepted',
  [CELL.indirect]: 'indirect',
};
function CellMark({ code }: { code: string | undefined }) {
  if (code === CELL.sodAccepted)
    return (
      // Told apart from an open violation by its dashed outline as well as its colour.
      <span className="rounded border border-dashed border-amber-500 px-1 py-px text-xs font-semibold text-amber-200" aria-hidden>
        ✓ SoD
      </span>
    );
  if (code === CELL.sod)
    return (
      <span className="rounded bg-red-950 px-1.5 py-0.5 text-xs font-semibold text-red-200 ring-1 ring-red-700 ring-inset" aria-hidden>
        ✓ SoD
      </span>
    );
  if (code === CELL.sodLow)
    return (
      // Findings rates these low (built-in grants): marked, not alarming.
      <span className="rounded border border-dotted border-zinc-500 px-1 py-px text-xs text-zinc-300" aria-hidden>
        ✓ SoD
      </span>
    );
  if (code === CELL.allowed)
    return (
      <span className="text-emerald-300" aria-hidden>
        ✓
      </span>
    );
  if (code === CELL.indirect)
    return (
      <span className="text-sky-300" aria-hidden>
        ↗
      </span>
    );
  return (
    // zinc-500 on the panel is about 3.9:1, above the 3:1 WCAG asks of a meaningful graphic.
    <span className="text-zinc-500" aria-hidden>
      ·
    </span>
  );
}

function PathList({ paths }: { paths: readonly CellPath[] }) {
  return (
    <ol className="space-y-3" data-testid="cell-paths">
      {paths.map((p, i) => (
        <li key={i} className="rounded-md border border-zinc-800 bg-zinc-950/60 p-2.5">
          <p className="text-zinc-100">{p.text}</p>
          {p.rule && (
            <p className="mt-1 font-mono text-xs text-zinc-400">
              verbs [{p.rule.verbs.join(', ')}] · apiGroups [{p.rule.apiGroups.map((g) => (g === '' ? '""' : g)).join(', ')}] · resources [{p.rule.resources.join(', ')}]
              {p.rule.resourceNames.length > 0 && <> · resourceNames [{p.rule.resourceNames.join(', ')}]</>}
            </p>
          )}
          {p.kind === 'superuser' && (
            <p className="mt-1 text-xs text-zinc-400" data-testid="cell-superuser">
              No binding grants this and none can take it away: the API server lets every member of the group through before RBAC is asked. Members are
              whoever holds a client certificate with that organisation (kubeadm&apos;s admin.conf, for one): keep those few and short-lived.
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function CellPanel({ subject, column, code, info, mode }: { subject: string; column: string; code: string; info: CellInfo; mode: MatrixParams['mode'] }) {
  const granted = code !== CELL.denied && code !== CELL.indirect;
  return (
    <div>
      <header className="border-b border-zinc-800 px-4 py-2.5">
        <h2 className="text-sm font-semibold text-zinc-100" data-testid="cell-title">
          {subject} · {mode === 'verbs' ? column : `in ${column}`}
        </h2>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          {code === CELL.denied ? (
            <Badge>{mode === 'editors' ? 'no editor' : 'denied'}</Badge>
          ) : code === CELL.indirect ? (
            <Badge tone="info">indirect editor</Badge>
          ) : (
            <Badge tone="good">{mode === 'editors' ? 'direct editor' : 'allowed'}</Badge>
          )}
          {code === CELL.sod && (
            <Badge tone="bad" title="This subject can also change what this right should be separated from, in the same namespace">
              breaks separation of duties
            </Badge>
          )}
          {code === CELL.sodLow && <Badge title="Findings rates this low: the rights come from built-in grants">separation of duties: rated low</Badge>}
          {code === CELL.sodAccepted && (
            <Badge tone="warn" title="The separation-of-duties findings about this right are allow-listed in perimeter.config.yaml">
              breaks separation of duties: accepted
            </Badge>
          )}
          <Link className="ml-auto text-xs text-sky-300 hover:underline" href={`/access/subject?s=${encodeURIComponent(subject)}`}>
            everything {subject.split(':')[0] === 'ServiceAccount' ? 'this ServiceAccount' : 'this subject'} can do →
          </Link>
        </div>
      </header>
      <div className="space-y-3 px-4 py-3 text-sm">
        {code === CELL.sodAccepted && (
          <p className="text-amber-100" data-testid="cell-accepted">
            An accepted exception: the config&apos;s allow-list suppresses the separation-of-duties finding.{' '}
            <Link className="text-sky-300 hover:underline" href={`/findings?sup=only&q=${encodeURIComponent(subject)}`}>
              See it with its reason →
            </Link>
          </p>
        )}
        {code === CELL.denied && (
          <p className="text-zinc-300">{mode === 'editors' ? 'Neither an editor nor one step away from being one.' : 'No binding grants this. RBAC only adds permissions, so nothing else to show.'}</p>
        )}
        {code !== CELL.denied && info.state === 'loading' && <p className="text-zinc-400">Finding the grant paths…</p>}
        {code !== CELL.denied && info.state === 'failed' && <p className="text-red-200">Could not load the paths: {info.message}</p>}
        {code !== CELL.denied && info.state === 'ok' && (
          <>
            {info.findings.filter((f) => !f.suppressed).length > 0 && (
              <ul className="space-y-1.5" data-testid="cell-findings">
                {info.findings
                  .filter((f) => !f.suppressed)
                  .map((f) => (
                    <li key={f.id} className="text-xs text-zinc-300">
                      <Badge tone={f.severity === 'high' ? 'bad' : f.severity === 'medium' ? 'warn' : 'neutral'}>{f.severity}</Badge>{' '}
                      <Link className="text-sky-300 hover:underline" href={`/findings?rule=${encodeURIComponent(f.ruleId)}&q=${encodeURIComponent(subject)}`}>
                        {f.title}
                      </Link>
                    </li>
                  ))}
              </ul>
            )}
            {granted && info.verbs.length > 1 && <p className="text-xs text-zinc-400">Holds: {info.verbs.join(', ')}</p>}
            {granted && <PathList paths={info.paths} />}
            {code === CELL.indirect &&
              info.steps.map((s) => (
                <div key={s.text} data-testid="cell-step">
                  <p className="mb-1.5 text-zinc-100">{s.text}</p>
                  <PathList paths={s.paths} />
                </div>
              ))}
          </>
        )}
      </div>
    </div>
  );
}
