'use client';

import Link from 'next/link';
import { memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useSnapshotTick } from '../shell/useSnapshotTick';
import { Badge } from '../ui/Badge';
import type { MatrixViewColumn, MatrixViewRow } from '@/viewmodels/access/matrixModel';
import { CELL, matrixQuery, type MatrixParams } from '@/viewmodels/access/matrixParams';

const ROW_H = 32;
const HEAD_H = 48;
// Rows rendered beyond the viewport on each side: covers the frames a deferred (time-sliced) render may lag behind.
const OVERSCAN = 20;
const COL_OVERSCAN = 4;
const SUBJECT_W = 240;
const COL_W = 76;

interface CellPath {
  readonly kind: 'rbac' | 'superuser';
  readonly text: string;
  readonly rule?: { verbs: string[]; apiGroups: string[]; resources: string[]; resourceNames: string[] };
}
type CellInfo = { readonly key: string } & (
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'ok'; readonly verb: string; readonly namespace: string | null; readonly paths: readonly CellPath[] }
);

/**
 * The permissions matrix, windowed: only the rows in view (plus a few) are in the DOM, so 10,000 subjects scroll
 * without long tasks. Keyboard: arrows, Page Up/Down, Home/End move the active cell; Enter shows its grant paths.
 */
export function MatrixGrid({ params, columns, rows }: { params: MatrixParams; columns: readonly MatrixViewColumn[]; rows: readonly MatrixViewRow[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [scrollLeft, setScrollLeft] = useState(0);
  const [height, setHeight] = useState(600);
  const [viewWidth, setViewWidth] = useState(1200);
  // The cell the URL names, looked up once (not on every scroll render: 10,000 rows).
  const [initial] = useState(() => {
    const row = Math.max(0, rows.findIndex((r) => r.key === params.focus));
    // A link naming only the subject opens its first allowed cell.
    const linked = params.col ? columns.findIndex((c) => c.key === params.col) : (rows[row]?.cells.search(/[^.]/) ?? -1);
    return { row, col: Math.max(0, linked), select: !!params.focus && linked >= 0 && rows[row]?.key === params.focus };
  });
  const initialRow = initial.row;
  const initialCol = initial.col;
  const [active, setActive] = useState({ row: initialRow, col: initialCol });
  const [selected, setSelected] = useState<{ row: number; col: number } | null>(initial.select ? { row: initialRow, col: initialCol } : null);
  const [info, setInfo] = useState<CellInfo | null>(null);
  // The selected cell's paths are fetched again on each new snapshot version (they come from /api).
  const snapshotTick = useSnapshotTick();

  // Measure the viewport and scroll the linked row into view once.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      setHeight(el.clientHeight);
      setViewWidth(el.clientWidth);
    };
    measure();
    if (params.focus && initialRow > 0) el.scrollTop = Math.max(0, initialRow * ROW_H - el.clientHeight / 3);
    if (params.focus) scrollColumnIntoView(el, initialCol);
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
    // Only on mount: later focus changes come from the user, who scrolls themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Re-render only when the first row in view changes (scroll events can come several per frame).
  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    setScrollTop(Math.floor(el.scrollTop / ROW_H) * ROW_H);
    setScrollLeft(Math.floor(el.scrollLeft / COL_W) * COL_W);
  }, []);

  // Fetch the grant paths of the selected cell and put the selection in the URL. `info` is keyed by the cell, so a
  // stale answer is never shown for another cell (no loading state needs setting here).
  const selKey = selected && rows[selected.row] && columns[selected.col] ? `${rows[selected.row].key}\u0000${columns[selected.col].key}` : '';
  useEffect(() => {
    if (!selected) return;
    const row = rows[selected.row];
    const col = columns[selected.col];
    if (!row || !col) return;
    const query = matrixQuery(params, { focus: row.key, col: col.key });
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${query}`);
    if (row.cells[selected.col] === CELL.denied) return;
    const key = `${row.key}\u0000${col.key}`;
    const ctrl = new AbortController();
    fetch(`/api/access/cell${query}`, { signal: ctrl.signal })
      .then(async (res) => {
        const json = (await res.json()) as { verb: string; namespace: string | null; paths: CellPath[]; error?: { message?: string } | string };
        if (!res.ok) throw new Error(typeof json.error === 'string' ? json.error : (json.error?.message ?? `HTTP ${res.status}`));
        setInfo({ key, state: 'ok', verb: json.verb, namespace: json.namespace, paths: json.paths });
      })
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setInfo({ key, state: 'failed', message: e instanceof Error ? e.message : String(e) });
      });
    return () => ctrl.abort();
  }, [selected, rows, columns, params, snapshotTick]);
  const shownInfo: CellInfo = info && info.key === selKey ? info : { key: selKey, state: 'loading' };

  const onCell = useCallback((row: number, col: number) => {
    setActive({ row, col });
    setSelected({ row, col });
    scroller.current?.focus({ preventScroll: true });
  }, []);

  // The window follows the scroll position as a deferred value: React renders new rows in interruptible slices, so
  // scrolling never waits on a long task (native scrolling moves the already rendered overscan meanwhile).
  const windowTop = useDeferredValue(scrollTop);
  const first = Math.max(0, Math.floor(windowTop / ROW_H) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((windowTop + height) / ROW_H) + OVERSCAN);
  // Columns are windowed too: one verb × 200 namespaces would otherwise mount 200 cells per row.
  const windowLeft = useDeferredValue(scrollLeft);
  // The active cell is rendered on its own when outside this range (see MatrixRow), not by widening the range: an
  // active cell in column 80 would otherwise mount 80 cells in every row and make the scroll janky.
  const colFirst = Math.max(0, Math.floor(windowLeft / COL_W) - COL_OVERSCAN);
  const colLast = Math.min(columns.length, Math.ceil((windowLeft + viewWidth - SUBJECT_W) / COL_W) + COL_OVERSCAN);
  // Row indexes to render: the window, plus the active row when scrolled away, so aria-activedescendant always
  // names an element that exists.
  const rendered = Array.from({ length: Math.max(0, last - first) }, (_, k) => first + k);
  if (rows.length > 0 && (active.row < first || active.row >= last)) rendered.push(active.row);

  function move(row: number, col: number) {
    const r = Math.min(rows.length - 1, Math.max(0, row));
    const c = Math.min(columns.length - 1, Math.max(0, col));
    setActive({ row: r, col: c });
    const el = scroller.current;
    if (!el) return;
    const top = r * ROW_H;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_H > el.scrollTop + el.clientHeight - HEAD_H) el.scrollTop = top + ROW_H - el.clientHeight + HEAD_H;
    scrollColumnIntoView(el, c);
  }

  function onKeyDown(e: KeyboardEvent) {
    const page = Math.max(1, Math.floor((height - HEAD_H) / ROW_H) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active.row + 1, active.col),
      ArrowUp: () => move(active.row - 1, active.col),
      ArrowRight: () => move(active.row, active.col + 1),
      ArrowLeft: () => move(active.row, active.col - 1),
      PageDown: () => move(active.row + page, active.col),
      PageUp: () => move(active.row - page, active.col),
      Home: () => move(e.ctrlKey ? 0 : active.row, 0),
      End: () => move(e.ctrlKey ? rows.length - 1 : active.row, columns.length - 1),
      Enter: () => setSelected({ ...active }),
      ' ': () => setSelected({ ...active }),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  }

  const width = SUBJECT_W + columns.length * COL_W;
  const activeId = rows.length > 0 ? `cell-${active.row}-${active.col}` : undefined;
  const sel = selected && rows[selected.row] && columns[selected.col] ? { row: rows[selected.row], col: columns[selected.col], code: rows[selected.row].cells[selected.col] } : null;

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
      <div
        ref={scroller}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        tabIndex={0}
        role="grid"
        aria-label="Permissions matrix"
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length + 1}
        aria-activedescendant={activeId}
        data-testid="matrix"
        className="relative max-h-[calc(100vh-19rem)] min-h-40 overflow-auto rounded-lg border border-zinc-800 bg-zinc-900/60 focus-visible:outline-2 focus-visible:outline-sky-400"
      >
        <div style={{ height: HEAD_H + rows.length * ROW_H, width }} className="relative">
          <div role="row" aria-rowindex={1} className="sticky top-0 z-10 flex border-b border-zinc-700 bg-zinc-900 text-xs font-medium tracking-wide text-zinc-300 uppercase" style={{ height: HEAD_H, width }}>
            <div role="columnheader" aria-colindex={1} className="sticky left-0 flex items-center bg-zinc-900 px-3" style={{ width: SUBJECT_W }}>
              Subject
            </div>
            <div aria-hidden style={{ width: colFirst * COL_W }} className="shrink-0" />
            {columns.slice(colFirst, colLast).map((c, k) => (
              <div key={c.key} role="columnheader" aria-colindex={colFirst + k + 2} className="flex items-center justify-center px-0.5 text-center text-[11px] leading-tight [overflow-wrap:anywhere] normal-case" style={{ width: COL_W }} title={c.label}>
                {c.label}
              </div>
            ))}
          </div>
          {rendered.map((i) => {
            const r = rows[i];
            return (
              <MatrixRow
                key={r.key}
                row={r}
                index={i}
                columns={columns}
                width={width}
                colFirst={colFirst}
                colLast={colLast}
                activeCol={i === active.row ? active.col : -1}
                selectedCol={selected?.row === i ? selected.col : -1}
                onCell={onCell}
              />
            );
          })}
        </div>
      </div>
      <aside aria-live="polite" data-testid="cell-panel" className="self-start rounded-lg border border-zinc-800 bg-zinc-900/60 xl:sticky xl:top-4">
        {sel ? (
          <CellPanel subject={sel.row.key} column={sel.col.label} code={sel.code} info={shownInfo} mode={params.mode} />
        ) : (
          <p className="px-4 py-6 text-sm text-zinc-400">Select a cell (click, or arrows and Enter) to see the bindings, roles and rules that grant it.</p>
        )}
      </aside>
    </div>
  );
}

/** Scrolls horizontally so column `c` is in view beside the sticky subject column. */
function scrollColumnIntoView(el: HTMLElement, c: number) {
  const left = c * COL_W;
  const room = el.clientWidth - SUBJECT_W;
  if (left < el.scrollLeft) el.scrollLeft = left;
  else if (left + COL_W > el.scrollLeft + room) el.scrollLeft = left + COL_W - room;
}

/**
 * One row. Memoized: while scrolling, rows that stay in view are not re-rendered, and the subject is a plain link
 * (next/link would prefetch every subject page that scrolls into view).
 */
const MatrixRow = memo(function MatrixRow({
  row: r,
  index: i,
  columns,
  width,
  colFirst,
  colLast,
  activeCol,
  selectedCol,
  onCell,
}: {
  row: MatrixViewRow;
  index: number;
  columns: readonly MatrixViewColumn[];
  width: number;
  colFirst: number;
  colLast: number;
  activeCol: number;
  selectedCol: number;
  onCell: (row: number, col: number) => void;
}) {
  const cell = (j: number, place?: CSSProperties) => {
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
        aria-label={`${c.label}: ${SPOKEN[code] ?? 'denied'}`}
        onClick={() => onCell(i, j)}
        className={`flex cursor-pointer items-center justify-center ${activeCol === j ? 'ring-2 ring-sky-400 ring-inset' : ''} ${isSel ? 'bg-sky-950' : 'hover:bg-zinc-800'}`}
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
      className={`absolute left-0 flex border-b border-zinc-800/70 text-[13px] ${activeCol >= 0 ? 'bg-zinc-800/50' : ''}`}
      style={{ top: HEAD_H + i * ROW_H, height: ROW_H, width }}
    >
      <div role="rowheader" aria-colindex={1} className="sticky left-0 z-[1] flex items-center gap-2 truncate bg-zinc-900 px-3" style={{ width: SUBJECT_W }}>
        <span className="w-9 shrink-0 text-[11px] text-zinc-400">{r.kind === 'ServiceAccount' ? 'SA' : r.kind}</span>
        <a href={`/access/subject?s=${encodeURIComponent(r.key)}`} tabIndex={-1} className="truncate text-zinc-100 hover:underline" title={r.key}>
          {r.name}
        </a>
      </div>
      <div aria-hidden style={{ width: colFirst * COL_W }} className="shrink-0" />
      {columns.slice(colFirst, colLast).map((_, k) => cell(colFirst + k))}
      {/* The active cell outside the window, in its place, so aria-activedescendant always names an element. */}
      {activeCol >= 0 && (activeCol < colFirst || activeCol >= colLast) && cell(activeCol, { position: 'absolute', top: 0, bottom: 0, left: SUBJECT_W + activeCol * COL_W })}
    </div>
  );
});

/** A cell's `data-state` and what a screen reader says of it, by CELL code. */
const STATE: Readonly<Record<string, string>> = { [CELL.denied]: 'denied', [CELL.allowed]: 'allowed', [CELL.sod]: 'sod', [CELL.sodAccepted]: 'sod-accepted' };
const SPOKEN: Readonly<Record<string, string>> = {
  [CELL.denied]: 'denied',
  [CELL.allowed]: 'allowed',
  [CELL.sod]: 'allowed, breaks separation of duties',
  [CELL.sodAccepted]: 'allowed, breaks separation of duties, accepted by the config allow-list',
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
  if (code === CELL.allowed)
    return (
      <span className="text-emerald-300" aria-hidden>
        ✓
      </span>
    );
  return (
    // zinc-500 on the panel is about 3.9:1, above the 3:1 WCAG asks of a meaningful graphic.
    <span className="text-zinc-500" aria-hidden>
      ·
    </span>
  );
}

function CellPanel({ subject, column, code, info, mode }: { subject: string; column: string; code: string; info: CellInfo; mode: MatrixParams['mode'] }) {
  return (
    <div>
      <header className="border-b border-zinc-800 px-4 py-2.5">
        <h2 className="text-sm font-semibold text-zinc-100" data-testid="cell-title">
          {subject} · {mode === 'verbs' ? column : `in ${column}`}
        </h2>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          {code === CELL.denied ? <Badge>denied</Badge> : <Badge tone="good">allowed</Badge>}
          {code === CELL.sod && (
            <Badge tone="bad" title="This subject can also change what this right should be separated from, in the same namespace">
              breaks separation of duties
            </Badge>
          )}
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
      <div className="px-4 py-3 text-sm">
        {code === CELL.sodAccepted && (
          <p className="mb-3 text-amber-100" data-testid="cell-accepted">
            An accepted exception: the config&apos;s allow-list suppresses the separation-of-duties finding.{' '}
            <Link className="text-sky-300 hover:underline" href={`/findings?sup=only&q=${encodeURIComponent(subject)}`}>
              See it with its reason →
            </Link>
          </p>
        )}
        {code === CELL.denied && <p className="text-zinc-300">No binding grants this. RBAC only adds permissions, so nothing else to show.</p>}
        {code !== CELL.denied && info.state === 'loading' && <p className="text-zinc-400">Finding the grant paths…</p>}
        {code !== CELL.denied && info.state === 'failed' && <p className="text-red-200">Could not load the paths: {info.message}</p>}
        {code !== CELL.denied && info.state === 'ok' && (
          <ol className="space-y-3" data-testid="cell-paths">
            {info.paths.map((p, i) => (
              <li key={i} className="rounded-md border border-zinc-800 bg-zinc-950/60 p-2.5">
                <p className="text-zinc-100">{p.text}</p>
                {p.rule && (
                  <p className="mt-1 font-mono text-xs text-zinc-400">
                    verbs [{p.rule.verbs.join(', ')}] · apiGroups [{p.rule.apiGroups.map((g) => (g === '' ? '""' : g)).join(', ')}] · resources [{p.rule.resources.join(', ')}]
                    {p.rule.resourceNames.length > 0 && <> · resourceNames [{p.rule.resourceNames.join(', ')}]</>}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
