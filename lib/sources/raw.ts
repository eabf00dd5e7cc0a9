import type { SourceLocation } from '../model';
import type { RawMap } from './types';

/** True for a plain JSON object (not an array, not null). */
export function isRawMap(v: unknown): v is RawMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `file#doc`, `file#doc item i`, plus `(line n)` when known: the place a message points at. */
export function where(o: SourceLocation): string {
  let s = o.file;
  if (o.documentIndex !== undefined) s += `#${o.documentIndex}`;
  if (o.itemIndex !== undefined) s += ` item ${o.itemIndex}`;
  if (o.line !== undefined) s += ` (line ${o.line})`;
  return s;
}
