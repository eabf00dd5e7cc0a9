// From types, not the index: this module is also bundled for the browser, and the index pulls in fs adapters.
import { DEFAULT_LIMITS } from '@/lib/sources/types';

/** Extensions the manifest source reads from a folder; the upload accepts the same. */
export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/** The largest request the upload handler reads: the manifest source's total limit plus room for multipart framing. */
export const MAX_UPLOAD_REQUEST_BYTES = DEFAULT_LIMITS.maxTotalBytes + 1024 * 1024;

/** Whether a file name is one the manifest source would read (folders uploaded with webkitdirectory hold others too). */
export function isManifestName(name: string): boolean {
  const lower = name.toLowerCase();
  const base = lower.split('/').pop() ?? lower;
  // Hidden files are skipped like the folder loader does.
  return !base.startsWith('.') && MANIFEST_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Splits uploaded names into those read and those skipped, keeping order; repeated names get a ` (2)` suffix. */
export function pickManifestFiles<T extends { name: string }>(files: readonly T[]): { read: T[]; skipped: string[] } {
  const read: T[] = [];
  const skipped: string[] = [];
  const seen = new Map<string, number>();
  for (const f of files) {
    if (!isManifestName(f.name)) {
      skipped.push(f.name);
      continue;
    }
    const n = (seen.get(f.name) ?? 0) + 1;
    seen.set(f.name, n);
    read.push(n === 1 ? f : { ...f, name: `${f.name} (${n})` });
  }
  return { read, skipped };
}
