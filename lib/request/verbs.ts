import type { Snapshot } from '../model';

/** The verbs of resource requests (the API server's request verbs, as RBAC rules name them). */
export const API_VERBS: readonly string[] = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];

/**
 * Verbs the API server authorizes beyond those (RBAC docs, "Privilege escalation prevention" and the resources that
 * check them): bind/escalate on roles, impersonate on users/groups/serviceaccounts/uids/userextras, use on
 * podsecuritypolicies and SCCs, approve/sign on CSR signers, attest on ClusterTrustBundle signers.
 */
export const SPECIAL_VERBS: readonly string[] = ['bind', 'escalate', 'impersonate', 'use', 'approve', 'sign', 'attest'];

/** Every verb named by a rule of a Role or ClusterRole in the snapshot: a cluster's own custom verbs are among them. */
export function grantedVerbs(s: Pick<Snapshot, 'roles' | 'clusterRoles'>): Set<string> {
  const out = new Set<string>();
  for (const r of [...s.roles, ...s.clusterRoles]) for (const rule of r.rules) for (const v of rule.verbs) out.add(v);
  return out;
}

/** Levenshtein distance, for "did you mean" on short words. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length];
}

/** The closest of `candidates` within two edits (one for words under four letters), if one is. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = word.length < 4 ? 2 : 3;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}

/**
 * Checks a verb a question asks about. RBAC takes any verb (custom verbs are legal, and only `*` rules grant one
 * nobody names), so nothing is refused: a verb that is neither an API or special verb nor granted by any role of the
 * snapshot gets a warning, with the nearest known verb when one is close.
 */
export function verbWarning(verb: string, granted: ReadonlySet<string>): string | undefined {
  if (verb === '*' || API_VERBS.includes(verb) || SPECIAL_VERBS.includes(verb) || granted.has(verb)) return undefined;
  const known = [...API_VERBS, ...SPECIAL_VERBS];
  const lower = verb.toLowerCase();
  const guess = known.includes(lower) ? lower : closest(lower, known);
  const hint = guess ? ` Did you mean "${guess}"?` : '';
  return `"${verb}" is not a Kubernetes verb (${known.join(', ')}) and no role in the input names it, so only rules with verbs ["*"] allow it.${hint}`;
}
