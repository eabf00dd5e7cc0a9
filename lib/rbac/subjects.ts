import type { Subject } from '../model';

/** Groups the authenticator adds implicitly (k8s.io/apiserver user and serviceaccount packages). */
export const ALL_AUTHENTICATED = 'system:authenticated';
export const ALL_UNAUTHENTICATED = 'system:unauthenticated';
export const ALL_SERVICE_ACCOUNTS = 'system:serviceaccounts';
export const ANONYMOUS_USER = 'system:anonymous';
/** The API server's superuser group: its requests bypass RBAC (authorizerfactory privileged group). */
export const SUPERUSER_GROUP = 'system:masters';

const SA_PREFIX = 'system:serviceaccount:';

/** `system:serviceaccount:NS:NAME`, the username a ServiceAccount's token authenticates as. */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SA_PREFIX}${namespace}:${name}`;
}

/** Splits a ServiceAccount username (upstream serviceaccount.SplitUsername), or undefined for other usernames. */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const parts = username.slice(SA_PREFIX.length).split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { namespace: parts[0], name: parts[1] };
}

/** `system:serviceaccounts:NS`, the group of every ServiceAccount of a namespace. */
export function serviceAccountNamespaceGroup(namespace: string): string {
  return `${ALL_SERVICE_ACCOUNTS}:${namespace}`;
}

/**
 * The canonical form of a subject: a User named `system:serviceaccount:NS:NAME` is that ServiceAccount, because
 * upstream appliesToUser compares usernames and a ServiceAccount subject matches exactly that username.
 */
export function normalizeSubject(subject: Subject): Subject {
  if (subject.kind === 'User') {
    const sa = splitServiceAccountUsername(subject.name);
    if (sa) return { kind: 'ServiceAccount', namespace: sa.namespace, name: sa.name };
  }
  if (subject.kind === 'ServiceAccount') return { kind: 'ServiceAccount', namespace: subject.namespace, name: subject.name };
  return { kind: subject.kind, name: subject.name };
}

/** A stable string key: `User:alice`, `Group:devs`, `ServiceAccount:ns/name`. Also the CLI's subject syntax. */
export function subjectKey(subject: Subject): string {
  const s = normalizeSubject(subject);
  return s.kind === 'ServiceAccount' ? `ServiceAccount:${s.namespace ?? ''}/${s.name}` : `${s.kind}:${s.name}`;
}

/** Parses `User:alice`, `Group:devs` or `ServiceAccount:ns/name` (kind case-insensitive, `sa` accepted). */
export function parseSubject(text: string): Subject | undefined {
  const i = text.indexOf(':');
  if (i <= 0) return undefined;
  const kind = text.slice(0, i).toLowerCase();
  const rest = text.slice(i + 1);
  if (!rest) return undefined;
  if (kind === 'user') return normalizeSubject({ kind: 'User', name: rest });
  if (kind === 'group') return { kind: 'Group', name: rest };
  if (kind === 'serviceaccount' || kind === 'sa') {
    const parts = rest.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
    return { kind: 'ServiceAccount', namespace: parts[0], name: parts[1] };
  }
  return undefined;
}

/** Who the authorizer sees: a username (absent for a bare group question) and the groups. */
export interface Principal {
  readonly username?: string;
  readonly groups: readonly string[];
}

/**
 * The user.Info a subject authenticates as. ServiceAccounts get their three implicit groups; users get the groups
 * declared for them (the identity provider's, from perimeter.config.yaml) plus system:authenticated
 * (system:anonymous gets system:unauthenticated instead). A Group question asks what membership alone gives,
 * so its principal is that group plus system:authenticated (every member is authenticated).
 */
export function principalOf(subject: Subject, declaredGroups: ReadonlyMap<string, readonly string[]> = new Map()): Principal {
  const s = normalizeSubject(subject);
  switch (s.kind) {
    case 'ServiceAccount': {
      const ns = s.namespace ?? '';
      return { username: serviceAccountUsername(ns, s.name), groups: [ALL_SERVICE_ACCOUNTS, serviceAccountNamespaceGroup(ns), ALL_AUTHENTICATED] };
    }
    case 'User': {
      const implicit = s.name === ANONYMOUS_USER ? ALL_UNAUTHENTICATED : ALL_AUTHENTICATED;
      const groups = [...(declaredGroups.get(s.name) ?? [])];
      if (!groups.includes(implicit)) groups.push(implicit);
      return { username: s.name, groups };
    }
    case 'Group':
      return { groups: s.name === ALL_UNAUTHENTICATED || s.name === ALL_AUTHENTICATED ? [s.name] : [s.name, ALL_AUTHENTICATED] };
    default: {
      const never: never = s.kind;
      return never;
    }
  }
}
