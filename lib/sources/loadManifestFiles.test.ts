import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifestFiles } from './loadManifestFiles';
import { snapshotFromTexts } from './snapshotFromTexts';

const root = mkdtempSync(path.join(tmpdir(), 'perimeter-sources-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
function write(rel: string, text: string): string {
  const p = path.join(root, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

describe('loadManifestFiles', () => {
  it('reads a folder recursively (.yaml, .yml, .json) and skips other files with one info warning', async () => {
    const dir = path.join(root, 'tree');
    write('tree/a.yaml', ns('a'));
    write('tree/sub/b.yml', ns('b'));
    write('tree/sub/deeper/c.json', JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'c' } }));
    write('tree/README.md', '# not a manifest');
    write('tree/sub/notes.txt', ns('ignored'));
    const s = await loadManifestFiles([dir]);
    expect(s.source).toEqual({ kind: 'files', paths: [dir] });
    expect(s.namespaces.map((n) => n.name).sort()).toEqual(['a', 'b', 'c']);
    expect(s.warnings).toEqual([
      expect.objectContaining({ code: 'skipped-files', severity: 'info', message: `${dir}: skipped 2 files without a .yaml, .yml or .json extension` }),
    ]);
    expect(s.namespaces.find((n) => n.name === 'b')?.origin).toEqual({ file: path.join(dir, 'sub', 'b.yml'), documentIndex: 0, line: 1 });
  });

  it('does not enter hidden or symlinked folders, follows symlinked files, and says what it skipped', async () => {
    const dir = path.join(root, 'links');
    write('links/a.yaml', ns('a'));
    write('links/.git/config.yaml', ns('hidden'));
    write('elsewhere/b.yaml', ns('b'));
    symlinkSync(path.join(root, 'elsewhere', 'b.yaml'), path.join(dir, 'b.yaml'));
    symlinkSync(dir, path.join(dir, 'loop'));
    const s = await loadManifestFiles([dir]);
    expect(s.namespaces.map((n) => n.name).sort()).toEqual(['a', 'b']);
    expect(s.warnings.map((w) => w.message)).toEqual([`${dir}: skipped 2 hidden or symlinked folders (${path.join(dir, '.git')}, ${path.join(dir, 'loop')})`]);
  });

  it('refuses files past the total size limit before reading them', async () => {
    const a = write('total/a.yaml', ns('a'));
    const b = write('total/b.yaml', ns('b'));
    const s = await loadManifestFiles([a, b], { maxTotalBytes: 60 });
    expect(s.namespaces.map((n) => n.name)).toEqual(['a']);
    expect(s.warnings.map((w) => w.message)).toEqual([`${b}: not read, the files of this load exceed the total limit of 60 bytes`]);
  });

  it('parses a file named explicitly whatever its extension', async () => {
    const f = write('explicit/objects.txt', ns('t'));
    const s = await loadManifestFiles([f]);
    expect(s.namespaces.map((n) => n.name)).toEqual(['t']);
    expect(s.warnings).toEqual([]);
  });

  it('reports a path that does not exist as an error warning and loads the others', async () => {
    const ok = write('mixed/ok.yaml', ns('ok'));
    const missing = path.join(root, 'nope');
    const s = await loadManifestFiles([missing, ok]);
    expect(s.namespaces.map((n) => n.name)).toEqual(['ok']);
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'path-not-found', severity: 'error', message: `${missing}: no such file or directory` })]);
  });

  it('does not read a file over the size limit, naming file and limit', async () => {
    const big = write('size/big.yaml', ns('big') + '#'.repeat(200));
    const small = write('size/small.yaml', ns('small'));
    const s = await loadManifestFiles([big, small], { maxFileBytes: 100 });
    expect(s.namespaces.map((n) => n.name)).toEqual(['small']);
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'file-too-large', message: `${big}: 253 bytes is over the limit of 100 bytes per file; file skipped` })]);
  });

  it('applies the document limit across files, reporting the unread files once', async () => {
    const files = [1, 2, 3, 4].map((i) => write(`docs/f${i}.yaml`, `${ns(`a${i}`)}---\n${ns(`b${i}`)}`));
    const s = await loadManifestFiles(files, { maxDocuments: 3 });
    expect(s.namespaces).toHaveLength(3);
    expect(s.warnings.map((w) => w.message)).toEqual([
      `${files[1]}#1 (line 6): more than 3 documents and list items in this load; the rest of ${files[1]} was not read`,
      '2 more files not read: the load passed the limit of 3 documents',
    ]);
  });
});

describe('snapshotFromTexts', () => {
  it('builds an upload snapshot from in-memory files and applies the total size limit', () => {
    const s = snapshotFromTexts(
      [
        { name: 'one.yaml', text: ns('one') },
        { name: 'two.yaml', text: ns('two') },
      ],
      { kind: 'upload', fileNames: ['one.yaml', 'two.yaml'] },
      { maxTotalBytes: 60 },
    );
    expect(s.source).toEqual({ kind: 'upload', fileNames: ['one.yaml', 'two.yaml'] });
    expect(s.namespaces.map((n) => n.name)).toEqual(['one']);
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'total-size-limit', message: 'two.yaml: not read, the files of this load exceed the total limit of 60 bytes' })]);
  });
});
