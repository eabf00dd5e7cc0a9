import { describe, expect, it } from 'vitest';
import { historyHref, historyQuery, timelineRow } from './historyView';

describe('History view model', () => {
  it('reads filters, page and version from the URL, dropping unknown effects and bad numbers', () => {
    const q = historyQuery({ namespace: 'payments', effect: 'removed-default-deny', before: '120', version: 'x', from: '2026-03-01' });
    expect(q).toEqual({ filter: { namespace: 'payments', effect: 'removed-default-deny', from: '2026-03-01T00:00:00.000Z' }, before: 120 });
    expect(historyQuery({ effect: 'nonsense' }).filter).toEqual({});
    expect(historyHref(q, { version: 7 })).toBe('/history?namespace=payments&effect=removed-default-deny&from=2026-03-01T00%3A00%3A00.000Z&before=120&version=7');
    expect(historyHref(q, { before: null })).toBe('/history?namespace=payments&effect=removed-default-deny&from=2026-03-01T00%3A00%3A00.000Z');
  });
  it('a gap row says between which versions; effect tags read as sentences', () => {
    const row = timelineRow({ version: 9, at: '2026-03-01T00:00:00.000Z', kind: 'gap', fromVersion: 8, gapReason: 'restart', changes: 2, namespaces: ['a'], kinds: ['NetworkPolicy'], users: [], tags: ['removed-default-deny'], effectsState: 'done' });
    expect(row).toMatchObject({ when: 'between versions 8 and 9 (watch gap: restart), recorded 2026-03-01T00:00:00.000Z', what: '2 changes: NetworkPolicy in a', who: 'unknown', effects: ['removed a default deny'] });
  });
});
