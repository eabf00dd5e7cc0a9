import type { SourceLocation } from '../model';
import type { RawMap, RawObject } from './types';

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

/**
 * The items of a list call (`GET /api/v1/pods`, or client-node's `items`) as RawObjects: the API leaves `kind` off
 * list items, so it is filled in from the list's kind. Origins are `cluster:<Kind>` by default.
 */
export function listItemsAsRaw(kind: string, items: readonly unknown[], file = `cluster:${kind}`): RawObject[] {
  return items.flatMap((item, itemIndex) => (isRawMap(item) ? [{ object: item.kind === undefined ? { ...item, kind } : item, origin: { file, itemIndex } }] : []));
}
