import type { ObjectRef, PolicyRule, Subject } from '../model';
import { subjectKey } from './subjects';

/** An API resource as a request names it: group (`''` = core), plural resource and optional subresource. */
export interface ResourceRef {
  readonly group: string;
  readonly resource: string;
  readonly subresource?: string;
}

/** One binding of one subject to a role, as the index holds it. */
export interface Grant {
  /** The RoleBinding or ClusterRoleBinding. */
  readonly binding: ObjectRef;
  /** The Role (looked up in the binding's namespace) or ClusterRole it references. */
  readonly role: ObjectRef;
  readonly roleKey: string;
  /** The subject as the binding names it, normalized (a `system:serviceaccount:` User is the ServiceAccount). */
  readonly subject: Subject;
  /** `subjectKey(subject)`, computed once. */
  readonly subjectKey: string;
  /** The binding's namespace for a RoleBinding (it applies only there); undefined for a ClusterRoleBinding. */
  readonly scope?: string;
}

/** Why a subject is allowed: a binding → role → rule, or the superuser group that bypasses RBAC. */
export type GrantPath =
  | {
      readonly kind: 'rbac';
      readonly binding: ObjectRef;
      readonly role: ObjectRef;
      /** Index into the role's effective rules (after aggregation). */
      readonly ruleIndex: number;
      readonly rule: PolicyRule;
      /** For aggregated ClusterRoles: where the rule is written. */
      readonly aggregatedFrom?: { readonly clusterRole: string; readonly ruleIndex: number };
      /** The subject named in the binding: the asked subject itself, or a group it belongs to. */
      readonly bindingSubject: Subject;
    }
  | { readonly kind: 'superuser'; readonly group: string };

/** A subject with every path that gives it the access asked about. */
export interface SubjectAccess {
  readonly subject: Subject;
  /** `subjectKey(subject)`: results are sorted by it. */
  readonly key: string;
  readonly paths: readonly GrantPath[];
}

/** The answer of `can`: allowed when at least one path exists. */
export interface AccessDecision {
  readonly allowed: boolean;
  readonly paths: readonly GrantPath[];
}

/** One line for a path: `ClusterRoleBinding/x → ClusterRole/y rule #2 (to Group:z)`; rules are numbered from 1. */
export function describePath(path: GrantPath): string {
  switch (path.kind) {
    case 'superuser':
      return `member of ${path.group}: the API server's superuser group bypasses RBAC`;
    case 'rbac': {
      const b = path.binding.namespace ? `${path.binding.kind}/${path.binding.namespace}/${path.binding.name}` : `${path.binding.kind}/${path.binding.name}`;
      const r = path.role.namespace ? `${path.role.kind}/${path.role.namespace}/${path.role.name}` : `${path.role.kind}/${path.role.name}`;
      const agg = path.aggregatedFrom ? ` (aggregated from ClusterRole/${path.aggregatedFrom.clusterRole} rule #${path.aggregatedFrom.ruleIndex + 1})` : '';
      const who = subjectKey(path.bindingSubject);
      // People count rules from 1, as the network explanations do; ruleIndex stays 0-based in data (JSON).
      return `${b} → ${r} rule #${path.ruleIndex + 1}${agg} (bound to ${who})`;
    }
    default: {
      const never: never = path;
      return never;
    }
  }
}
