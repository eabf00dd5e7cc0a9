import type { SnapshotSource } from '@/lib/model/index';

/** What the banner says about where the data comes from: a headline and the specifics beside it. */
export interface SourceLabel {
  readonly title: string;
  readonly detail: string;
}

/** Names the source a snapshot was read from. `explicit` is false for the demo chosen by default. */
export function sourceLabel(source: SnapshotSource, explicit: boolean): SourceLabel {
  switch (source.kind) {
    case 'demo':
      return { title: 'Demo cluster (built-in)', detail: explicit ? 'PERIMETER_SOURCE=demo' : 'no PERIMETER_SOURCE set, no kubeconfig found' };
    case 'files':
      return { title: source.paths.length === 1 ? 'Manifest file' : 'Manifest files', detail: source.paths.join(', ') };
    case 'upload':
      return { title: 'Uploaded manifests', detail: source.fileNames.join(', ') };
    case 'cluster':
      return { title: `Cluster context ${source.context}`, detail: source.server };
  }
}
