import { CONTROLS, type Control } from '../compliance/controls';
import { SEVERITIES, type Severity } from '../findings/finding';
import { isDefaultDeny } from '../findings/networkFindings';
import type { SnapshotSource, Warning } from '../model';
import { accessMatrix } from '../rbac/accessMatrix';
import { describeStep } from '../rbac/networkPolicyEditors';
import { ALL_VERBS, NETWORK_POLICY } from '../rbac/resources';
import type { ResourceRef } from '../rbac/types';
import { describeSubject } from '../netpol/compileAdmin';
import { subjectKey } from '../rbac/subjects';
import { describePath } from '../rbac/types';
import { runChecks, type CheckFinding } from './checkReport';
import type { Analyses } from '../analyses/analyses';
import { RULES, type RuleInfo } from './ruleCatalog';
import { snapshotContentHash } from './snapshotHash';
import type { ChangeSet } from '../history/types';

/** Isolation of one namespace's pods, per direction. */
export interface NamespaceIsolation {
  readonly namespace: string;
  readonly pods: number;
  readonly ingressIsolated: number;
  readonly egressIsolated: number;
  readonly defaultDenyIngress: boolean;
  readonly defaultDenyEgress: boolean;
}

/** One NetworkPolicy with what it selects; `editorGroup` indexes `AuditReport.editorGroups`. */
export interface PolicyEntry {
  readonly namespace: string;
  readonly name: string;
  readonly policyTypes: readonly string[];
  readonly selectedPods: number;
  readonly ingressRules: number;
  readonly egressRules: number;
  readonly file?: string;
  readonly editorGroup: number;
}

/**
 * Who can change a set of NetworkPolicies: the policies of a namespace share their editors unless resourceNames rules
 * single some out, so editors are listed once per distinct set instead of once per policy.
 */
export interface EditorGroup {
  readonly namespace: string;
  /** Names of the policies this group applies to. */
  readonly policies: readonly string[];
  /** Direct editors: subject key, verbs, and the paths granting them (at most `VIA_LIMIT`, then a count). */
  readonly editors: readonly { readonly subject: string; readonly verbs: readonly string[]; readonly via: readonly string[]; readonly moreVia: number }[];
  /** Subjects one step away from editing them, with the steps. */
  readonly indirectEditors: readonly { readonly subject: string; readonly steps: readonly string[]; readonly moreSteps: number }[];
}

/** Grant paths (and indirect steps) listed per editor before "and N more" (the JSON of who-can has them all). */
export const VIA_LIMIT = 4;

/** A cluster-scoped (Baseline)AdminNetworkPolicy: the platform tier above (ANP) or below (BANP) NetworkPolicies. */
export interface AdminPolicyEntry {
  readonly kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
  readonly name: string;
  readonly priority?: number;
  /** `namespaces team=shop`, `pods app=x in namespaces …`. */
  readonly subject: string;
  readonly ingressRules: number;
  readonly egressRules: number;
  readonly file?: string;
}

/** NetworkPolicy access matrix of one scope: subjects × verbs. */
export interface MatrixSection {
  /** undefined = cluster scope (ClusterRoleBindings only). */
  readonly namespace?: string;
  readonly verbs: readonly string[];
  readonly rows: readonly { readonly subject: string; readonly allowed: readonly boolean[] }[];
}

/** A control with its status over the report's findings. */
export interface ControlResult extends Control {
  readonly open: Readonly<Record<Severity, number>>;
  readonly suppressed: number;
  readonly status: 'no open findings' | 'open findings';
}

/** The audit report: evidence about one snapshot, rendered as HTML, Markdown or JSON. */
export interface AuditReport {
  readonly title: string;
  readonly generatedAt: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly snapshot: { readonly source: SnapshotSource; readonly sourceText: string; readonly readAt: string; readonly contentHash: string; readonly counts: Readonly<Record<string, number>> };
  readonly isolation: { readonly namespaces: readonly NamespaceIsolation[]; readonly pods: number; readonly ingressIsolated: number; readonly egressIsolated: number };
  readonly policies: readonly PolicyEntry[];
  readonly editorGroups: readonly EditorGroup[];
  readonly adminPolicies: readonly AdminPolicyEntry[];
  /** Who can change (Baseline)AdminNetworkPolicies: cluster scope, verbs create/update/patch/delete/deletecollection. */
  readonly adminEditors: MatrixSection;
  readonly separationOfDuties: readonly CheckFinding[];
  readonly accessMatrix: readonly MatrixSection[];
  readonly findings: readonly CheckFinding[];
  readonly controls: readonly ControlResult[];
  readonly rules: readonly RuleInfo[];
  readonly warnings: readonly Warning[];
  /** Changes in the period (the history of a live cluster, lib/history), when the report is made with them. */
  readonly changes?: ReportChanges;
}

/** "Changes in the period": every recorded version from `from` to `to`, with who, when and what it did. */
export interface ReportChanges {
  readonly from?: string;
  readonly to?: string;
  readonly versions: readonly ChangeSet[];
}

/** Where a snapshot came from, in one line. */
export function describeSource(s: SnapshotSource): string {
  switch (s.kind) {
    case 'demo':
      return 'built-in demo cluster';
    case 'files':
      return `manifest files: ${s.paths.join(', ')}`;
    case 'upload':
      return `uploaded manifests: ${s.fileNames.join(', ')}`;
    case 'cluster':
      return `cluster context ${s.context} (${s.server})`;
  }
}

/** policy.networking.k8s.io admin policies, as RBAC names them. */
const ADMIN_RESOURCES: readonly ResourceRef[] = [
  { group: 'policy.networking.k8s.io', resource: 'adminnetworkpolicies' },
  { group: 'policy.networking.k8s.io', resource: 'baselineadminnetworkpolicies' },
];

const SOD_RULES = new Set(['PER-RBAC-SOD-WORKLOAD-NETPOL', 'PER-RBAC-SOD-NETPOL-RBAC', 'PER-RBAC-DUTY']);

/**
 * Builds the audit report of a snapshot: source, time and content hash; isolation coverage; every NetworkPolicy with
 * its editors; separation-of-duties results; the NetworkPolicy access matrix per namespace that has policies (and at
 * cluster scope); all findings after the config; and the control mapping with each control's open findings.
 */
export function buildAuditReport(analyses: Analyses, meta: { generatedAt: string; tool: { name: string; version: string }; changes?: ReportChanges }): AuditReport {
  const { snapshot } = analyses;
  const check = runChecks(analyses, 'high');
  const c = analyses.connectivity.compiled;

  const byNs = new Map<string, { pods: number; ingress: number; egress: number }>();
  for (const p of c.pods) {
    const e = byNs.get(p.pod.namespace) ?? byNs.set(p.pod.namespace, { pods: 0, ingress: 0, egress: 0 }).get(p.pod.namespace)!;
    e.pods++;
    if (c.classIngressPolicies[p.classId].length > 0) e.ingress++;
    if (c.classEgressPolicies[p.classId].length > 0) e.egress++;
  }
  const denies = (ns: string, dir: 'Ingress' | 'Egress') => snapshot.networkPolicies.some((p) => p.namespace === ns && isDefaultDeny(p, dir));
  const namespaces = [...new Set([...snapshot.namespaces.map((n) => n.name), ...byNs.keys()])].sort();
  const isolation = namespaces.map((ns) => {
    const e = byNs.get(ns) ?? { pods: 0, ingress: 0, egress: 0 };
    return { namespace: ns, pods: e.pods, ingressIsolated: e.ingress, egressIsolated: e.egress, defaultDenyIngress: denies(ns, 'Ingress'), defaultDenyEgress: denies(ns, 'Egress') };
  });

  const editorGroups: { namespace: string; policies: string[]; editors: EditorGroup['editors']; indirectEditors: EditorGroup['indirectEditors'] }[] = [];
  const groupIndex = new Map<string, number>();
  const policies: PolicyEntry[] = c.policies.map((cp) => {
    const ed = analyses.policyEditors.get(cp.key)!;
    const direct = ed.direct.map((d) => {
      const via = [...new Set(d.verbs.flatMap((v) => v.paths.map(describePath)))];
      return { subject: subjectKey(d.subject), verbs: d.verbs.map((v) => v.verb), via: via.slice(0, VIA_LIMIT), moreVia: Math.max(0, via.length - VIA_LIMIT) };
    });
    const indirect = ed.indirect.map((d) => ({ subject: subjectKey(d.subject), steps: d.steps.slice(0, VIA_LIMIT).map(describeStep), moreSteps: Math.max(0, d.steps.length - VIA_LIMIT) }));
    const key = `${cp.policy.namespace}\u0000${JSON.stringify(direct)}\u0000${JSON.stringify(indirect)}`;
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = editorGroups.length;
      groupIndex.set(key, g);
      editorGroups.push({ namespace: cp.policy.namespace, policies: [], editors: direct, indirectEditors: indirect });
    }
    editorGroups[g].policies.push(cp.policy.name);
    return {
      namespace: cp.policy.namespace,
      name: cp.policy.name,
      policyTypes: cp.policy.policyTypes,
      selectedPods: cp.selectedClasses.reduce((n, cid) => n + c.classes[cid].pods.length, 0),
      ingressRules: cp.policy.ingress.length,
      egressRules: cp.policy.egress.length,
      ...(cp.policy.origin ? { file: `${cp.policy.origin.file}${cp.policy.origin.line ? `:${cp.policy.origin.line}` : ''}` } : {}),
      editorGroup: g,
    };
  });

  const where = (o?: { file: string; line?: number }) => (o ? { file: `${o.file}${o.line ? `:${o.line}` : ''}` } : {});
  const adminPolicies: AdminPolicyEntry[] = [
    ...[...snapshot.adminNetworkPolicies].sort((a, b) => a.priority - b.priority).map((p) => ({ kind: 'AdminNetworkPolicy' as const, name: p.name, priority: p.priority, subject: describeSubject(p.subject), ingressRules: p.ingress.length, egressRules: p.egress.length, ...where(p.origin) })),
    ...snapshot.baselineAdminNetworkPolicies.map((p) => ({ kind: 'BaselineAdminNetworkPolicy' as const, name: p.name, subject: describeSubject(p.subject), ingressRules: p.ingress.length, egressRules: p.egress.length, ...where(p.origin) })),
  ];
  const ADMIN_VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection'];
  const adminMatrix = accessMatrix(analyses.rbac, undefined, { resources: ADMIN_RESOURCES, verbs: ADMIN_VERBS });
  const adminEditors: MatrixSection = {
    verbs: ADMIN_RESOURCES.flatMap((r) => ADMIN_VERBS.map((v) => `${v} ${r.resource}`)),
    rows: adminMatrix.rows.map((r) => ({ subject: subjectKey(r.subject), allowed: r.cells.map((x) => x.allowed) })),
  };

  const matrixScopes = [undefined, ...[...new Set(snapshot.networkPolicies.map((p) => p.namespace))].sort()];
  const matrices: MatrixSection[] = matrixScopes.map((ns) => {
    const m = accessMatrix(analyses.rbac, ns, { resources: [NETWORK_POLICY], verbs: ALL_VERBS });
    return { ...(ns ? { namespace: ns } : {}), verbs: ALL_VERBS, rows: m.rows.map((r) => ({ subject: subjectKey(r.subject), allowed: r.cells.map((x) => x.allowed) })) };
  });

  const controls: ControlResult[] = CONTROLS.map((ctl) => {
    const mine = check.findings.filter((f) => (ctl.rules as readonly string[]).includes(f.ruleId));
    const open = Object.fromEntries(SEVERITIES.map((s) => [s, mine.filter((f) => !f.suppressed && f.severity === s).length])) as Record<Severity, number>;
    const suppressed = mine.filter((f) => f.suppressed).length;
    return { ...ctl, open, suppressed, status: open.high + open.medium + open.low > 0 ? 'open findings' : 'no open findings' };
  });

  return {
    title: 'Perimeter audit report',
    generatedAt: meta.generatedAt,
    tool: meta.tool,
    snapshot: {
      source: snapshot.source,
      sourceText: describeSource(snapshot.source),
      readAt: snapshot.readAt,
      contentHash: snapshotContentHash(snapshot),
      counts: {
        namespaces: snapshot.namespaces.length,
        pods: snapshot.pods.length,
        workloads: snapshot.workloads.length,
        networkPolicies: snapshot.networkPolicies.length,
        serviceAccounts: snapshot.serviceAccounts.length,
        roles: snapshot.roles.length,
        clusterRoles: snapshot.clusterRoles.length,
        roleBindings: snapshot.roleBindings.length,
        clusterRoleBindings: snapshot.clusterRoleBindings.length,
      },
    },
    isolation: { namespaces: isolation, pods: c.pods.length, ingressIsolated: isolation.reduce((n, x) => n + x.ingressIsolated, 0), egressIsolated: isolation.reduce((n, x) => n + x.egressIsolated, 0) },
    policies,
    editorGroups,
    adminPolicies,
    adminEditors,
    separationOfDuties: check.findings.filter((f) => SOD_RULES.has(f.ruleId)),
    accessMatrix: matrices,
    findings: check.findings,
    controls,
    rules: RULES,
    warnings: [...check.warnings, ...snapshot.unreadable.map((u): Warning => ({ code: 'unreadable-kind', severity: 'error', message: `${u.kind} could not be read: ${u.message}${u.missingPermission ? ` (needs ${u.missingPermission})` : ''}; answers depending on it may be incomplete.` }))],
    ...(meta.changes ? { changes: meta.changes } : {}),
  };
}
