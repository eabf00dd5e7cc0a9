import type { Snapshot, SnapshotSource, Warning } from '../model';
import { assembleSnapshot } from './assembleSnapshot';
import { convertObjects } from './convertObjects';
import { parseCounted, utf8Length } from './parseManifestText';
import { DEFAULT_LIMITS, type ManifestLimits, type RawObject } from './types';

/** Parses many files under one budget of documents and bytes; returns their objects and warnings. */
export function parseTexts(files: readonly { name: string; text: string }[], limits?: Partial<ManifestLimits>): { objects: RawObject[]; warnings: Warning[] } {
  const l: ManifestLimits = { ...DEFAULT_LIMITS, ...limits };
  const objects: RawObject[] = [];
  const warnings: Warning[] = [];
  let documents = 0;
  let bytes = 0;
  let unread = 0;
  for (const f of files) {
    if (documents >= l.maxDocuments && warnings.some((w) => w.code === 'too-many-documents')) {
      unread++; // already reported once; the files after the limit are only counted
      continue;
    }
    const size = utf8Length(f.text);
    if (size <= l.maxFileBytes && bytes + size > l.maxTotalBytes) {
      warnings.push({
        code: 'total-size-limit',
        severity: 'error',
        message: `${f.name}: not read, the files of this load exceed the total limit of ${l.maxTotalBytes} bytes`,
        origin: { file: f.name },
      });
      continue;
    }
    bytes += size <= l.maxFileBytes ? size : 0;
    const parsed = parseCounted(f.name, f.text, l, documents);
    documents += parsed.documentCount;
    objects.push(...parsed.objects);
    warnings.push(...parsed.warnings);
  }
  if (unread > 0) {
    warnings.push({
      code: 'too-many-documents',
      severity: 'error',
      message: `${unread} more file${unread === 1 ? '' : 's'} not read: the load passed the limit of ${l.maxDocuments} documents`,
    });
  }
  return { objects, warnings };
}

/** Pure: in-memory files (uploads) → Snapshot. */
export function snapshotFromTexts(files: readonly { name: string; text: string }[], source: SnapshotSource, limits?: Partial<ManifestLimits>): Snapshot {
  const { objects, warnings } = parseTexts(files, limits);
  return assembleSnapshot(convertObjects(objects), source, { warnings });
}
