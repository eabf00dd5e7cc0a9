import type { SubjectKind } from '@/lib/model/index';
import { NETWORK_POLICY, resourceLabel } from '@/lib/rbac/resources';

// The matrix's URL parameters and cell codes: imported by the client grid, so only small pure imports here.

/**
 * The shapes of the matrix: subjects × verbs (one resource, one namespace), subjects × namespaces (one verb), or the
 * editors of a resource × namespaces (direct: any of create/update/patch/delete/deletecollection; indirect: one step
 * away), as the Policies page and `who-can --indirect` count them (lib/rbac namespaceEditors).
 */
export type MatrixMode = 'verbs' | 'namespaces' | 'editors';
const MODES: readonly MatrixMode[] = ['verbs', 'namespaces', 'editors'];

/** The matrix as the URL describes it. */
export interface MatrixParams {
  readonly mode: MatrixMode;
  /** For `verbs`: the namespace; `''` = cluster scope (ClusterRoleBindings only). */
  readonly namespace: string;
  /** `resourceLabel` form, e.g. `networkpolicies.networking.k8s.io`. */
  readonly resource: string;
  /** For `namespaces`: the verb. */
  readonly verb: string;
  /** For `editors`: indirect editors are listed too (the default; `indirect=0` shows the direct ones only). */
  readonly indirect: boolean;
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
    mode: MODES.find((m) => m === get('mode')) ?? 'namespaces',
    namespace: nsRaw ? get('ns').trim() : defaultNamespace,
    resource: get('resource').trim() || resourceLabel(NETWORK_POLICY),
    verb: get('verb').trim() || 'patch',
    indirect: get('indirect') !== '0',
    kinds: get('kind')
      .split(',')
      .filter((k): k is SubjectKind => (KINDS as readonly string[]).includes(k)),
    text: get('q').trim(),
    focus: get('focus'),
    col: get('col'),
  };
}

/**
 * The query string for parameters (defaults included, so a link never depends on a changing default). The namespace
 * and the verb are kept in every shape, so switching shapes and back keeps what was chosen.
 */
export function matrixQuery(p: MatrixParams, change: Partial<MatrixParams> = {}): string {
  const m = { ...p, ...change };
  const q = new URLSearchParams();
  q.set('mode', m.mode);
  q.set('ns', m.namespace);
  q.set('verb', m.verb);
  q.set('resource', m.resource);
  if (!m.indirect) q.set('indirect', '0');
  if (m.kinds.length > 0) q.set('kind', m.kinds.join(','));
  if (m.text) q.set('q', m.text);
  if (m.focus) q.set('focus', m.focus);
  if (m.col) q.set('col', m.col);
  return `?${q.toString()}`;
}

/**
 * Cell codes in a row string: denied, allowed, allowed and part of a separation-of-duties finding, by what Findings
 * says of it (one severity story): `sod` an open finding rated medium or high, `sodLow` open findings rated low only
 * (built-in grants such as the superuser group system:masters), `sodAccepted` every such finding allow-listed in the
 * config (an accepted exception). `indirect`: not allowed, but one step away from it (editors shape).
 */
export const CELL = { denied: '.', allowed: 'a', sod: 's', sodLow: 'l', sodAccepted: 'x', indirect: 'i' } as const;


/** What a cell code means, in the words the exports write and a screen reader says (an empty export cell is denied). */
export const CELL_WORDS: Readonly<Record<string, string>> = {
  [CELL.denied]: 'denied',
  [CELL.allowed]: 'allowed',
  [CELL.sod]: 'allowed (breaks separation of duties)',
  [CELL.sodLow]: 'allowed (breaks separation of duties; rated low: built-in grants)',
  [CELL.sodAccepted]: 'allowed (breaks separation of duties; accepted by the config allow-list)',
  [CELL.indirect]: 'indirect editor (one step away)',
};
