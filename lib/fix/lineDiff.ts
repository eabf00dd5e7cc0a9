/** One line of a patch: kept (` `), removed (`-`) or added (`+`). */
export interface PatchLine {
  readonly op: ' ' | '-' | '+';
  readonly text: string;
}

/** Past this many line pairs the patch is the whole old text removed and the new one added (no quadratic table). */
const MAX_CELLS = 4_000_000;

/** The lines that turn `before` into `after` (longest common subsequence), with every line kept for context. */
export function lineDiff(before: string, after: string): PatchLine[] {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after.replace(/\n$/, '').split('\n');
  if (a.length * b.length > MAX_CELLS) return [...a.map((text) => ({ op: '-' as const, text })), ...b.map((text) => ({ op: '+' as const, text }))];
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: PatchLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: ' ', text: a[i++] });
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) out.push({ op: '-', text: a[i++] });
    else out.push({ op: '+', text: b[j++] });
  }
  return slideToItems(out);
}

const ITEM = /^\s*- /;

/**
 * A run of added (or removed) lines between kept ones can often sit in several places (`- a`, `b`, `- a` + `b`):
 * slide it to where it starts with a YAML list item, so a patch adds or removes whole entries.
 */
function slideToItems(lines: PatchLine[]): PatchLine[] {
  const out = [...lines];
  for (let s = 0; s < out.length; ) {
    const op = out[s].op;
    let e = s;
    while (e < out.length && out[e].op === op) e++;
    if (op === ' ') {
      s = e;
      continue;
    }
    let [start, end] = [s, e];
    // The highest place the run can take, then every place down to the lowest.
    while (start > 0 && out[start - 1].op === ' ' && out[start - 1].text === out[end - 1].text) {
      [out[start - 1], out[end - 1]] = [out[end - 1], out[start - 1]];
      start--;
      end--;
    }
    let best = ITEM.test(out[start].text) ? start : -1;
    const top = start;
    while (end < out.length && out[end].op === ' ' && out[end].text === out[start].text) {
      [out[start], out[end]] = [out[end], out[start]];
      start++;
      end++;
      if (best < 0 && ITEM.test(out[start].text)) best = start;
    }
    // Back to the chosen place (the first that starts with an item, else the highest).
    const target = best < 0 ? top : best;
    while (start > target) {
      [out[start - 1], out[end - 1]] = [out[end - 1], out[start - 1]];
      start--;
      end--;
    }
    s = end;
  }
  return out;
}

/** A patch as text: `+ `/`- `/`  ` prefixed lines, `…` where kept lines are left out. */
export function patchText(lines: readonly (PatchLine | null)[]): string {
  return lines.map((l) => (l ? `${l.op} ${l.text}` : '  …')).join('\n');
}

/** The changed lines with `context` kept lines around them; `null` stands for the kept lines left out between hunks. */
export function patchHunks(lines: readonly PatchLine[], context = 3): (PatchLine | null)[] {
  const near = lines.map(() => false);
  lines.forEach((l, i) => {
    if (l.op === ' ') return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) near[k] = true;
  });
  const out: (PatchLine | null)[] = [];
  lines.forEach((l, i) => {
    if (near[i]) out.push(l);
    else if (out.length === 0 || out[out.length - 1] !== null) out.push(null);
  });
  return out;
}
