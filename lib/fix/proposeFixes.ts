import { analyze, type Analyses } from '../analyses/analyses';
import { connectivityDiff, type ConnectionChange } from '../diff/connectivityDiff';
import { applyWhatIf } from '../diff/whatIf';
import { manifestYaml } from '../manifests/policyManifests';
import type { CompiledSnapshot } from '../netpol/compile';
import { workloadName } from '../netpol/endpoints';
import { explain, type Explanation } from '../netpol/explain';
import { parseIp, rangeHas } from '../netpol/ipRange';
import { resolveEndpoint, type ResolvedEndpoint } from '../netpol/resolveEndpoint';
import type { ExplainRequest } from '../request/explainRequest';
import { fixCandidates, type Candidate, type FixKind } from './candidates';
import { fixEndpoint } from './endpoints';
import { lineDiff, type PatchLine } from './lineDiff';

/** A change, checked: applied to a copy of the snapshot and the question asked again. */
export interface FixProposal extends Candidate {
  /** The manifests to apply (What-if takes them as they are). */
  readonly files: readonly { readonly name: string; readonly text: string }[];
  /** Per edited policy: the lines of its manifest (as Perimeter reads it) before and after. */
  readonly patches: readonly { readonly ref: string; readonly created: boolean; readonly lines: readonly PatchLine[] }[];
  /** The verdict on the asked connection after the change. */
  readonly verdictAfter: 'allowed' | 'denied';
  readonly flips: boolean;
  /** The connection changes of the asked endpoints (workload level). */
  readonly asked: readonly ConnectionChange[];
  /** Every other connection the change adds, removes or changes: the price of the fix. */
  readonly sideEffects: readonly ConnectionChange[];
  /** Other connections opened (added, or more ports) and closed (removed, or fewer ports). */
  readonly opened: number;
  readonly closed: number;
}

export interface FixResult {
  /** `allow` for a denied connection, `block` for an allowed one. */
  readonly goal: 'allow' | 'block';
  /** Changes that flip the verdict, the one that opens (to allow) or closes (to block) least elsewhere first. */
  readonly proposals: readonly FixProposal[];
  /** Changes that were checked and do not flip it (so they are not offered), with what they would do. */
  readonly rejected: readonly FixProposal[];
  /** Why nothing is proposed, when nothing is. */
  readonly notes: readonly string[];
}

/** At most this many changes are checked (each check analyses the whole snapshot once). */
const MAX_CHECKED = 8;
const KIND_ORDER: readonly FixKind[] = ['add-port', 'add-peer', 'remove-port', 'new-policy', 'isolate', 'admin-rule'];

/** Whether a connlist endpoint name (workload level) stands for the resolved endpoint. */
function namesEndpoint(c: CompiledSnapshot, e: ResolvedEndpoint): (name: string) => boolean {
  if (e.kind === 'pods') {
    const names = new Set(e.pods.map((i) => workloadName(c.pods[i].pod.workload)));
    return (name) => names.has(name);
  }
  if (e.kind === 'external') {
    return (name) => {
      const m = /^(.+)-(.+)\[External\]$/.exec(name);
      const [start, end] = m ? [parseIp(m[1]), parseIp(m[2])] : [];
      return !!start && !!end && start.family === e.family && rangeHas({ family: start.family, start: start.value, end: end.value }, e.family, e.address);
    };
  }
  return () => false;
}

function check(base: Analyses, request: ExplainRequest, candidate: Candidate, asked: (ch: ConnectionChange) => boolean, goal: FixResult['goal']): FixProposal {
  const files = candidate.edits.map((e) => ({ name: `${e.kind}-${e.namespace ? `${e.namespace}-` : ''}${e.name}.yaml`, text: manifestYaml(e.after) }));
  const { head } = applyWhatIf(base.snapshot, { files, deletions: '' });
  const headAnalyses = analyze(head, base.config);
  const after = explain(headAnalyses.network({ hostNetwork: request.hostNetwork }).compiled, request);
  const verdictAfter = after.ok ? after.explanation.verdict : goal === 'allow' ? 'denied' : 'allowed';
  const changes = connectivityDiff(base, headAnalyses);
  const sideEffects = changes.filter((ch) => !asked(ch));
  return {
    ...candidate,
    files,
    patches: candidate.edits.map((e) => ({ ref: `${e.kind} ${e.namespace ? `${e.namespace}/` : ''}${e.name}`, created: !e.before, lines: lineDiff(e.before ? manifestYaml(e.before) : '', manifestYaml(e.after)) })),
    verdictAfter,
    flips: verdictAfter === (goal === 'allow' ? 'allowed' : 'denied'),
    asked: changes.filter(asked),
    sideEffects,
    opened: sideEffects.filter((ch) => ch.change === 'added' || ch.opened !== undefined).length,
    closed: sideEffects.filter((ch) => ch.change === 'removed' || ch.closed !== undefined).length,
  };
}

/**
 * The smallest changes that flip an explained verdict: for a denied connection, a port added to the rule that names
 * the peer, the peer added to the rule that allows the port, a new policy, or (when an admin tier decides) a rule in
 * that admin policy; for an allowed one, the port removed from the rules that allow it, a policy isolating a pod none
 * selects, or an admin rule. Each is applied to a copy of the snapshot (lib/diff/whatIf) and the question asked again:
 * only changes that flip it are proposed, each with everything else it changes.
 */
export function proposeFixes(base: Analyses, request: ExplainRequest, explanation?: Explanation): FixResult {
  const compiled = base.network({ hostNetwork: request.hostNetwork }).compiled;
  const answer = explanation ? { ok: true as const, explanation } : explain(compiled, request);
  const none = (goal: FixResult['goal'], note: string): FixResult => ({ goal, proposals: [], rejected: [], notes: [note] });
  if (!answer.ok) return none('allow', answer.message);
  const e = answer.explanation;
  const goal = e.verdict === 'denied' ? 'allow' : 'block';
  if (e.portProblem) return none(goal, `${e.portProblem}; a policy cannot change that (the pod's containerPorts define named ports).`);
  if (e.port === undefined || e.protocol === undefined) return none(goal, 'Ask about one port to get a proposed change.');
  const from = resolveEndpoint(compiled, request.from);
  const to = resolveEndpoint(compiled, request.to);
  if (!from.ok || !to.ok) return none(goal, from.ok ? (to as { message: string }).message : from.message);
  const fromE = fixEndpoint(compiled, from.endpoint);
  const toE = fixEndpoint(compiled, to.endpoint);
  if (!fromE || !toE) return none(goal, 'Changes are proposed for pods, workloads and addresses, not for a representative peer.');
  const dstPorts = to.endpoint.kind === 'pods' ? compiled.classes[compiled.pods[to.endpoint.pods[0]].classId].namedPorts : null;
  const candidates = fixCandidates({ compiled, explanation: e, from: fromE, to: toE, port: { protocol: e.protocol, port: e.port, ...(e.portName ? { name: e.portName } : {}) }, dstPorts });
  if (candidates.length === 0) return none(goal, `No change to a policy is proposed: ${goal === 'allow' ? 'nothing a NetworkPolicy or admin rule can add decides this connection' : 'no rule can be narrowed here'}.`);
  const isFrom = namesEndpoint(compiled, from.endpoint);
  const isTo = namesEndpoint(compiled, to.endpoint);
  const asked = (ch: ConnectionChange) => isFrom(ch.src) && isTo(ch.dst);
  const checked = candidates.slice(0, MAX_CHECKED).map((c) => check(base, request, c, asked, goal));
  const cost = (p: FixProposal) => (goal === 'allow' ? [p.opened, p.closed] : [p.closed, p.opened]);
  const rank = (p: FixProposal) => [...cost(p), p.admin ? 1 : 0, p.edits.length, Math.max(...p.kinds.map((k) => KIND_ORDER.indexOf(k)))];
  const byRank = (a: FixProposal, b: FixProposal) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  };
  const proposals = checked.filter((p) => p.flips).sort(byRank);
  const notes = proposals.length === 0 ? [`None of the ${checked.length} changes tried flips the verdict; see why under each.`] : [];
  if (candidates.length > MAX_CHECKED) notes.push(`${candidates.length - MAX_CHECKED} more combinations were not tried.`);
  return { goal, proposals, rejected: checked.filter((p) => !p.flips), notes };
}
