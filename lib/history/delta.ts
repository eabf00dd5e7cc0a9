// Deltas between object states: what the store keeps per version instead of copies.
import { storedKey, type StoredObject } from '../sources/storedObject';

/** Object states by storedKey. */
export type ObjectState = Map<string, StoredObject>;

/** One object's change between two states. */
export interface ObjectDelta {
  readonly key: string;
  readonly before?: StoredObject;
  readonly after?: StoredObject;
}

const sameBody = (a: StoredObject, b: StoredObject) => JSON.stringify(a.body) === JSON.stringify(b.body);

/** The objects that differ between two states (only `keys` when given), sorted by key. */
export function diffStates(before: ReadonlyMap<string, StoredObject>, after: ReadonlyMap<string, StoredObject>, keys?: Iterable<string>): ObjectDelta[] {
  const out: ObjectDelta[] = [];
  const all = keys ? new Set(keys) : new Set([...before.keys(), ...after.keys()]);
  for (const key of all) {
    const b = before.get(key);
    const a = after.get(key);
    if (b && a && sameBody(b, a)) continue;
    if (!b && !a) continue;
    out.push({ key, ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) });
  }
  return out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/** Applies deltas to a state in place (an absent `after` removes the object). */
export function applyDeltas(state: ObjectState, deltas: Iterable<{ readonly key: string; readonly after?: StoredObject }>): ObjectState {
  for (const d of deltas) {
    if (d.after) state.set(d.key, d.after);
    else state.delete(d.key);
  }
  return state;
}

/** A state from a list of objects. */
export function stateOf(objects: Iterable<StoredObject>): ObjectState {
  const m: ObjectState = new Map();
  for (const o of objects) m.set(storedKey(o), o);
  return m;
}
