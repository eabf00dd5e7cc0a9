import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Snapshot, SnapshotSource, Warning } from '../model';
import { assembleSnapshot } from './assembleSnapshot';
import { convertObjects } from './convertObjects';
import { parseTexts } from './snapshotFromTexts';
import { DEFAULT_LIMITS, type ManifestLimits } from './types';

// The fs adapter: the only code here that touches the disk. Everything it reads goes through the pure parts.

const MANIFEST_EXT = /\.(ya?ml|json)$/i;

interface Found {
  readonly files: string[];
  readonly warnings: Warning[];
}

/** Lists manifest files under a folder, recursively, sorted; counts the others for one info warning. */
async function walk(dir: string, found: Found, display: (file: string) => string): Promise<void> {
  let skipped = 0;
  const visit = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await visit(p);
      else if (e.isFile() && MANIFEST_EXT.test(e.name)) found.files.push(p);
      else if (e.isFile()) skipped++;
    }
  };
  await visit(dir);
  if (skipped > 0) {
    found.warnings.push({
      code: 'skipped-files',
      severity: 'info',
      message: `${display(dir)}: skipped ${skipped} file${skipped === 1 ? '' : 's'} without a .yaml, .yml or .json extension`,
      origin: { file: display(dir) },
    });
  }
}

/** Reads the given paths (files as named, folders recursively) into texts, refusing files over the size limit unread. */
async function readPaths(paths: readonly string[], limits: ManifestLimits, display: (file: string) => string): Promise<{ texts: { name: string; text: string }[]; warnings: Warning[] }> {
  const found: Found = { files: [], warnings: [] };
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined);
    if (!st) found.warnings.push({ code: 'path-not-found', severity: 'error', message: `${p}: no such file or directory`, origin: { file: p } });
    else if (st.isDirectory()) await walk(p, found, display);
    else found.files.push(p); // a file named explicitly is parsed whatever its extension
  }
  const texts: { name: string; text: string }[] = [];
  for (const f of found.files) {
    const st = await stat(f);
    if (st.size > limits.maxFileBytes) {
      // Checked before reading, so a huge file never reaches memory.
      found.warnings.push({
        code: 'file-too-large',
        severity: 'error',
        message: `${f}: ${st.size} bytes is over the limit of ${limits.maxFileBytes} bytes per file; file skipped`,
        origin: { file: f },
      });
      continue;
    }
    try {
      texts.push({ name: display(f), text: await readFile(f, 'utf8') });
    } catch (e) {
      found.warnings.push({ code: 'read-error', severity: 'error', message: `${f}: could not be read (${e instanceof Error ? e.message : String(e)})`, origin: { file: f } });
    }
  }
  return { texts, warnings: found.warnings };
}

/** Reads paths and builds a snapshot with the given source; `display` names files in origins and messages. */
export async function loadPaths(paths: readonly string[], source: SnapshotSource, limits?: Partial<ManifestLimits>, display: (file: string) => string = (f) => f): Promise<Snapshot> {
  const l: ManifestLimits = { ...DEFAULT_LIMITS, ...limits };
  const read = await readPaths(paths, l, display);
  const parsed = parseTexts(read.texts, l);
  return assembleSnapshot(convertObjects(parsed.objects), source, { warnings: [...read.warnings, ...parsed.warnings] });
}

/** FS adapter: files and folders (recursive) → Snapshot with source `{kind: 'files'}`. A missing path is an error warning. */
export async function loadManifestFiles(paths: readonly string[], limits?: Partial<ManifestLimits>): Promise<Snapshot> {
  return loadPaths(paths, { kind: 'files', paths: [...paths] }, limits);
}
