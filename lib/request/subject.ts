import type { Subject } from '../model';
import { parseSubject } from '../rbac/subjects';
import type { Parsed } from './ports';

/** How a subject is written in a question (the CLI's SUBJECT, the subject page's `?s=`, the config's lists). */
export const SUBJECT_SYNTAX = 'User:NAME, Group:NAME or ServiceAccount:NAMESPACE/NAME';

/** Reads a subject (lib/rbac parseSubject: kinds case-insensitive, `sa` accepted, a ServiceAccount username is one). */
export function parseSubjectRequest(text: string): Parsed<Subject> {
  const t = text.trim();
  const subject = t ? parseSubject(t) : undefined;
  if (subject) return { ok: true, value: subject };
  return { ok: false, message: t ? `"${t}" is not a subject: write ${SUBJECT_SYNTAX}` : `a subject is needed: ${SUBJECT_SYNTAX}` };
}
