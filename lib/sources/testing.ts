import type { Snapshot } from '../model';
import { snapshotFromTexts } from './snapshotFromTexts';

/** Test helper: one YAML text → Snapshot, as an upload named `t.yaml`. */
export function snapshotOf(yaml: string): Snapshot {
  return snapshotFromTexts([{ name: 't.yaml', text: yaml }], { kind: 'upload', fileNames: ['t.yaml'] });
}
