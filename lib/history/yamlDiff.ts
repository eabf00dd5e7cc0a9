// Before/after of an object as a line diff of its YAML, the way a reviewer reads a change.
import { stringify } from 'yaml';

/** One line of a diff: kept (' '), removed ('-') or added ('+'). */
export interface DiffLine {
  readonly op: ' ' | '-' | '+';
  readonly text: string;
}

/** The YAML of an object body (keys as stored, block style). */
export function toYaml(body: unknown): string {
  return body === undefined ? '' : stringify(body, { lineWidth: 0 });
}

/**
 * A line diff (longest common subsequence) of two texts, with `context` unchanged lines kept around each change and
 * `…` markers where lines were skipped. Objects are small (a few hundred lines), so the quadratic table is fine; past
 * `maxLines` on either side the whole before and after are shown as removed and added.
 */
export function lineDiff(before: string, after: string, context = 3, maxLines = 2000): DiffLine[] {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
  if (a.length > maxLines || b.length > maxLines) return [...a.map((text) => ({ op: '-' as const, text })), ...b.map((text) => ({ op: '+' as const, text }))];
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
  const all: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      all.push({ op: ' ', text: a[i] });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) all.push({ op: '-', text: a[i++] });
    else all.push({ op: '+', text: b[j++] });
  }
  // Keep changed lines and their context.
  const near = all.map((_, k) => all.slice(Math.max(0, k - context), k + context + 1).some((l) => l.op !== ' '));
  const out: DiffLine[] = [];
  let skipped = false;
  all.forEach((l, k) => {
    if (near[k]) {
      if (skipped) out.push({ op: ' ', text: '…' });
      skipped = false;
      out.push(l);
    } else skipped = true;
  });
  if (skipped && out.length > 0) out.push({ op: ' ', text: '…' });
  return out;
}

/** The diff as unified-diff text (`-`/`+`/` ` prefixes). */
export function diffText(lines: readonly DiffLine[]): string {
  return lines.map((l) => `${l.op}${l.text}`).join('\n');
}
