import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReason, newestMtime } from './start.mjs';

let root: string;
const at = (p: string, seconds: number) => utimesSync(path.join(root, p), seconds, seconds);

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'perimeter-start-'));
  mkdirSync(path.join(root, 'app'));
  mkdirSync(path.join(root, 'lib', 'netpol'), { recursive: true });
  writeFileSync(path.join(root, 'app', 'page.tsx'), '');
  writeFileSync(path.join(root, 'lib', 'netpol', 'evaluate.ts'), '');
  writeFileSync(path.join(root, 'lib', 'netpol', 'evaluate.test.ts'), '');
  at('app/page.tsx', 1_000);
  at('lib/netpol/evaluate.ts', 1_000);
  at('lib/netpol/evaluate.test.ts', 1_000);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function build(seconds: number, worker = true) {
  mkdirSync(path.join(root, '.next', 'perimeter'), { recursive: true });
  writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'x');
  if (worker) writeFileSync(path.join(root, '.next', 'perimeter', 'analysis-worker.mjs'), '');
  at('.next/BUILD_ID', seconds);
}

describe('buildReason', () => {
  it('builds when there is no build', () => {
    expect(buildReason(root)).toBe('no build yet');
  });

  it('builds when the analysis worker is missing (a build from before it, or next build alone)', () => {
    build(2_000, false);
    expect(buildReason(root)).toBe('no analysis worker yet');
  });

  it('reuses a build newer than every source', () => {
    build(2_000);
    expect(buildReason(root)).toBeUndefined();
  });

  it('rebuilds when a nested source file is newer than the build, naming the folder', () => {
    build(2_000);
    at('lib/netpol/evaluate.ts', 3_000);
    expect(buildReason(root)).toBe('sources changed since the last build (lib)');
  });

  it('a newer test file alone does not trigger a rebuild', () => {
    build(2_000);
    at('lib/netpol/evaluate.test.ts', 3_000);
    expect(buildReason(root)).toBeUndefined();
  });
});

describe('newestMtime', () => {
  it('is 0 for a path that does not exist', () => {
    expect(newestMtime(path.join(root, 'demo'))).toBe(0);
  });
});
