import type { Subject } from '../model';
import type { RbacIndex } from './buildRbacIndex';
import { grantsFor } from './can';
import { SUPERUSER_GROUP, principalOf } from './subjects';
import type { GrantPath } from './types';

/**
 * Every rule that applies to a subject in a namespace (undefined = cluster scope), each as its grant path: the
 * subject's effective access, as upstream RulesFor / `kubectl auth can-i --list` compute it. The superuser group
 * comes first when the subject is in it.
 */
export function rulesFor(index: RbacIndex, subject: Subject, namespace: string | undefined): GrantPath[] {
  const principal = principalOf(subject, index.userGroups);
  const out: GrantPath[] = [];
  if (principal.groups.includes(SUPERUSER_GROUP)) out.push({ kind: 'superuser', group: SUPERUSER_GROUP });
  for (const grant of grantsFor(index, principal, namespace)) {
    index.roles.get(grant.roleKey)?.rules.forEach((r, ruleIndex) => {
      out.push({ kind: 'rbac', binding: grant.binding, role: grant.role, ruleIndex, rule: r.rule, aggregatedFrom: r.aggregatedFrom, bindingSubject: grant.subject });
    });
  }
  return out;
}
