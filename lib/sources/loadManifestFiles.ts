import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Snapshot, SnapshotSource, Warning } from '../model';
import { assembleSnapshot } from './assembleSnapshot';
import { convertObjects } from './convertObjects';
import { parseTexts } from './snapshotFromTexts';
import { FILE_LIMITS, type ManifestLimits } from './types';

// The fs adapter: the only code here that touches the disk. Everything it reads goes through the pure parts.

const MANIFEST_EXT = /\.(ya?ml|json)$/i;

type Display = (file: string) => string;

interface Found {
  readonly files: string[];
  readonly warnings: Warning[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Lists manifest files under a folder, recursively, sorted. Other files, hidden folders (.git, …) and symlinked
 * folders (which could loop) are not read; they are counted in one info warning per folder given.
 */
async function walk(dir: string, found: Found, display: Display): Promise<void> {
  let otherFiles = 0;
  const notEntered: string[] = [];
  const visit = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true }).catch((e: unknown) => {
      found.warnings.push({ code: 'read-error', severity: 'error', message: `${display(d)}: folder could not be read (${e instanceof Error ? e.message : String(e)})`, origin: { file: display(d) } });
      return [];
    });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(d, e.name);
      const target = e.isSymbolicLink() ? await stat(p).catch(() => undefined) : undefined;
      const isFile = e.isFile() || target?.isFile() === true;
      if (e.isDirectory() && !e.name.startsWith('.')) await visit(p);
      else if (e.isDirectory() || target?.isDirectory()) notEntered.push(display(p));
      else if (isFile && MANIFEST_EXT.test(e.name)) found.files.push(p);
      else otherFiles++;
    }
  };
  await visit(dir);
  const parts = [
    ...(otherFiles > 0 ? [`${plural(otherFiles, 'file')} without a .yaml, .yml or .json extension`] : []),
    ...(notEntered.length > 0 ? [`${plural(notEntered.length, 'hidden or symlinked folder')} (${notEntered.slice(0, 3).join(', ')}${notEntered.length > 3 ? ', …' : ''})`] : []),
  ];
  if (parts.length > 0) {
    found.warnings.push({ code: 'skipped-files', severity: 'info', message: `${display(dir)}: skipped ${parts.join(' and ')}`, origin: { file: display(dir) } });
  }
}

/**
 * Reads the given paths (files as named, whatever their extension; folders recursively) into texts. Files over the
 * per-file or total size limit are refused before they are read, so they never reach memory.
 */
async function readPaths(paths: readonly string[], limits: ManifestLimits, display: Display): Promise<{ texts: { name: string; text: string }[]; warnings: Warning[] }> {
  const found: Found = { files: [], warnings: [] };
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined);
    if (!st) found.warnings.push({ code: 'path-not-found', severity: 'error', message: `${p}: no such file or directory`, origin: { file: p } });
    else if (st.isDirectory()) await walk(p, found, display);
    else if (st.isFile()) found.files.push(p);
    else found.warnings.push({ code: 'not-a-file', severity: 'error', message: `${p}: not a regular file or folder; not read`, origin: { file: p } });
  }
  const texts: { name: string; text: string }[] = [];
  let total = 0;
  for (const f of found.files) {
    const name = display(f);
    const size = (await stat(f).catch(() => undefined))?.size;
    if (size === undefined) {
      found.warnings.push({ code: 'read-error', severity: 'error', message: `${name}: vanished before it could be read`, origin: { file: name } });
      continue;
    }
    if (size > limits.maxFileBytes) {
      found.warnings.push({ code: 'file-too-large', severity: 'error', message: `${name}: ${size} bytes is over the limit of ${limits.maxFileBytes} bytes per file; file skipped`, origin: { file: name } });
      continue;
    }
    if (total + size > limits.maxTotalBytes) {
      found.warnings.push({ code: 'total-size-limit', severity: 'error', message: `${name}: not read, the files of this load exceed the total limit of ${limits.maxTotalBytes} bytes`, origin: { file: name } });
      continue;
    }
    total += size;
    try {
      texts.push({ name, text: await readFile(f, 'utf8') });
    } catch (e) {
      found.warnings.push({ code: 'read-error', severity: 'error', message: `${name}: could not be read (${e instanceof Error ? e.message : String(e)})`, origin: { file: name } });
    }
  }
  return { texts, warnings: found.warnings };
}

/** Reads paths and builds a snapshot with the given source; `display` names files in origins and messages. */
export async function loadPaths(paths: readonly string[], source: SnapshotSource, limits?: Partial<ManifestLimits>, display: Display = (f) => f): Promise<Snapshot> {
  const l: ManifestLimits = { ...FILE_LIMITS, ...limits };
  const read = await readPaths(paths, l, display);
  const parsed = parseTexts(read.texts, l);
  return assembleSnapshot(convertObjects(parsed.objects), source, { warnings: [...read.warnings, ...parsed.warnings] });
}

/** FS adapter: files and folders (recursive) → Snapshot with source `{kind: 'files'}`. A missing path is an error warning. */
export async function loadManifestFiles(paths: readonly string[], limits?: Partial<ManifestLimits>): Promise<Snapshot> {
  return loadPaths(paths, { kind: 'files', paths: [...paths] }, limits);
}
