import type { ObjectRef, Warning } from '../model';
import { isRawMap, where } from './raw';
import type { RawMap, RawObject } from './types';

/**
 * What a converter found wrong with one object: `errors` make the API server reject it (the object is dropped,
 * never half-used), `notes` are kept oddities or ignored parts (a warning each).
 */
export interface Problems {
  readonly errors: string[];
  readonly notes: string[];
}

export const newProblems = (): Problems => ({ errors: [], notes: [] });

/** Records a reason to drop the object; undefined for the field being read. */
export function reject(p: Problems, error: string): undefined {
  p.errors.push(error);
  return undefined;
}

/** Records a part that is ignored (or read another way) with a warning; undefined for the part. */
export function ignore(p: Problems, note: string): undefined {
  p.notes.push(note);
  return undefined;
}

/** The warnings for an object's problems: one error naming the first reason when it is dropped, one per note. */
export function problemWarnings(raw: RawObject, object: ObjectRef, p: Problems, codes: { readonly drop: string; readonly note: string }): Warning[] {
  const id = object.namespace ? `${object.kind} ${object.namespace}/${object.name}` : `${object.kind} ${object.name}`;
  const out: Warning[] = p.notes.map((n) => ({ code: codes.note, severity: 'warning', message: `${where(raw.origin)}: ${id}: ${n}`, origin: raw.origin, object }));
  if (p.errors.length > 0) {
    const more = p.errors.length > 1 ? ` (and ${p.errors.length - 1} more problem${p.errors.length > 2 ? 's' : ''})` : '';
    out.push({ code: codes.drop, severity: 'error', message: `${where(raw.origin)}: ${id} dropped, the API server would reject it: ${p.errors[0]}${more}`, origin: raw.origin, object });
  }
  return out;
}

/** A map field (absent or not a map: `{}`). */
export function mapField(v: unknown): RawMap {
  return isRawMap(v) ? v : {};
}

/** A non-empty string, else undefined. */
export function stringField(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A list field: absent/null is `[]`; anything else not a list is recorded as an error of `field`. */
export function listField(p: Problems, v: unknown, field: string, severity: 'error' | 'note' = 'error'): unknown[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  (severity === 'error' ? p.errors : p.notes).push(`${field} is not a list${severity === 'note' ? '; ignored' : ''}`);
  return [];
}

/** A list of strings; other entries are recorded as errors. */
export function stringList(p: Problems, v: unknown, field: string): string[] {
  return listField(p, v, field).flatMap((x, i) => {
    if (typeof x === 'string' && x !== '') return [x];
    p.errors.push(`${field}[${i}] ${JSON.stringify(x)} is not a non-empty string`);
    return [];
  });
}

/** A TCP/UDP port number 1-65535. */
export function isPortNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;
}
