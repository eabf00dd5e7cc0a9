import { describePath, describeStep, subjectKey, type PolicyEditors } from '@/lib/rbac/index';

/** A direct editor as the page lists it: its verbs, and each distinct path with the verbs it grants. */
export interface DirectEditorRow {
  readonly subject: string;
  readonly verbs: readonly string[];
  readonly paths: readonly { readonly text: string; readonly verbs: readonly string[] }[];
}

/** An indirect editor: each one-step way it can become an editor, with the paths that give it that step. */
export interface IndirectEditorRow {
  readonly subject: string;
  readonly steps: readonly { readonly text: string; readonly paths: readonly string[] }[];
}

/** Flattens `networkPolicyEditors` output for display: paths deduplicated per subject, verbs merged onto them. */
export function editorRows(e: PolicyEditors): { direct: DirectEditorRow[]; indirect: IndirectEditorRow[] } {
  const direct = e.direct.map((d) => {
    const byPath = new Map<string, string[]>();
    for (const v of d.verbs) for (const p of v.paths) byPath.set(describePath(p), [...(byPath.get(describePath(p)) ?? []), v.verb]);
    return { subject: subjectKey(d.subject), verbs: d.verbs.map((v) => v.verb), paths: [...byPath.entries()].map(([text, verbs]) => ({ text, verbs })) };
  });
  const indirect = e.indirect.map((i) => ({
    subject: subjectKey(i.subject),
    steps: i.steps.map((s) => ({ text: describeStep(s), paths: [...new Set(s.paths.map(describePath))] })),
  }));
  return { direct, indirect };
}
