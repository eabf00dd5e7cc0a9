import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stateOf } from '../history/delta';
import { toStoredObject } from '../sources/storedObject';
import { HistoryStore } from './historyStore';
import { historyStoreSuite } from './historyStore.suite';
import { MIGRATIONS } from './migrations';
import { MEMORY, openPgliteDb } from './pgliteDb';

historyStoreSuite('PGlite', () => openPgliteDb(MEMORY));

describe('PGlite in a folder', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'perimeter-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('keeps what was recorded after it is closed and opened again', { timeout: 60_000 }, async () => {
    const first = await HistoryStore.open(await openPgliteDb(dir));
    expect((await first.db.query<{ n: number }>('select count(*)::int as n from perimeter_migrations'))[0].n).toBe(MIGRATIONS.length);
    const cluster = await first.clusterId('ctx', 's');
    await first.record(cluster, { version: 1, at: '2026-03-01T00:00:00Z', kind: 'baseline', unreadable: [], changes: [] }, stateOf([toStoredObject('Namespace', 'v1', { metadata: { name: 'a' } })]));
    await first.close();
    const again = await HistoryStore.open(await openPgliteDb(dir));
    try {
      expect(await again.clusterId('ctx', 's')).toBe(cluster);
      expect([...(await again.stateAt(cluster, 1)).keys()]).toEqual(['Namespace//a']);
    } finally {
      await again.close();
    }
  });
});
