import type { SubjectKind } from '@/lib/model/index';
import { NETWORK_POLICY, resourceLabel } from '@/lib/rbac/resources';

// The matrix's URL parameters and cell codes: imported by the client grid, so only small pure imports here.

/** The two shapes of the matrix: subjects × verbs (one resource, one namespace) or subjects × namespaces (one verb). */
export type MatrixMode = 'verbs' | 'namespaces';

/** The matrix as the URL describes it. */
export interface MatrixParams {
  readonly mode: MatrixMode;
  /** For `verbs`: the namespace; `''` = cluster scope (ClusterRoleBindings only). */
  readonly namespace: string;
  /** `resourceLabel` form, e.g. `networkpolicies.networking.k8s.io`. */
  readonly resource: string;
  /** For `namespaces`: the verb. */
  readonly verb: string;
  /** Subject kinds shown; empty = all. */
  readonly kinds: readonly SubjectKind[];
  /** Case-insensitive text in the subject key. */
  readonly text: string;
  /** The selected cell: subject key and column key (empty = none). */
  readonly focus: string;
  readonly col: string;
}

const KINDS: readonly SubjectKind[] = ['User', 'Group', 'ServiceAccount'];
type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/** Reads the matrix parameters; the namespace defaults to `defaultNamespace`, the resource to NetworkPolicies, the mode to namespaces. */
export function parseMatrixParams(params: Params, defaultNamespace: string): MatrixParams {
  const get = (k: string): string => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  const nsRaw = params instanceof URLSearchParams ? params.has('ns') : params.ns !== undefined;
  return {
    // Default: who can patch NetworkPolicies, namespace by namespace (the auditor's first question).
    mode: get('mode') === 'verbs' ? 'verbs' : 'namespaces',
    namespace: nsRaw ? get('ns').trim() : defaultNamespace,
    resource: get('resource').trim() || resourceLabel(NETWORK_POLICY),
    verb: get('verb').trim() || 'patch',
    kinds: get('kind')
      .split(',')
      .filter((k): k is SubjectKind => (KINDS as readonly string[]).includes(k)),
    text: get('q').trim(),
    focus: get('focus'),
    col: get('col'),
  };
}

/** The query string for parameters (defaults included, so a link never depends on a changing default). */
export function matrixQuery(p: MatrixParams, change: Partial<MatrixParams> = {}): string {
  const m = { ...p, ...change };
  const q = new URLSearchParams();
  q.set('mode', m.mode);
  if (m.mode === 'verbs') q.set('ns', m.namespace);
  else q.set('verb', m.verb);
  q.set('resource', m.resource);
  if (m.kinds.length > 0) q.set('kind', m.kinds.join(','));
  if (m.text) q.set('q', m.text);
  if (m.focus) q.set('focus', m.focus);
  if (m.col) q.set('col', m.col);
  return `?${q.toString()}`;
}

/** Cell codes in a row string: denied, allowed, allowed and part of a separation-of-duties finding. */
/**
 * `sodAccepted`: allowed and breaking separation of duties, but every finding that says so is allow-listed in the
 * config (an accepted exception, shown apart so the matrix agrees with Findings).
 */
export const CELL = { denied: '.', allowed: 'a', sod: 's', sodAccepted: 'x' } as const;

