import { describe, expect, it } from 'vitest';
import { kubernetesNameProblem, kubernetesNamespaceProblem } from './kubernetesNames';
import { snapshotFromTexts } from './snapshotFromTexts';

describe('names the API server would reject', () => {
  it('a Namespace name is an RFC 1123 label (ValidateNamespaceName = NameIsDNSLabel)', () => {
    for (const ok of ['default', 'kube-system', 'a', '0', 'a'.repeat(63)]) expect(kubernetesNameProblem('Namespace', ok)).toBeUndefined();
    for (const bad of ['<script>', 'Shop', 'shop.prod', '-shop', 'shop-', 'a'.repeat(64), 'shop_prod', ''])
      expect(kubernetesNameProblem('Namespace', bad), bad).toContain('RFC 1123 label');
  });

  it('Pods, workloads, ServiceAccounts, NetworkPolicies and admin policies are RFC 1123 subdomains', () => {
    for (const kind of ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'ServiceAccount', 'NetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']) {
      expect(kubernetesNameProblem(kind, 'web-1.v2'), kind).toBeUndefined();
      expect(kubernetesNameProblem(kind, 'a'.repeat(253)), kind).toBeUndefined();
      for (const bad of ['<script>', 'Web', 'web..1', '.web', 'a'.repeat(254), 'web/1']) expect(kubernetesNameProblem(kind, bad), `${kind} ${bad}`).toContain('RFC 1123 subdomain');
    }
  });

  it('a CronJob name has at most 52 characters (its Jobs get an 11-character suffix)', () => {
    expect(kubernetesNameProblem('CronJob', 'a'.repeat(52))).toBeUndefined();
    expect(kubernetesNameProblem('CronJob', 'a'.repeat(53))).toContain('52 characters');
  });

  it('RBAC names only need to be a path segment (rbac/validation minimalNameRequirements), so <script> is allowed', () => {
    for (const kind of ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']) {
      for (const ok of ['system:controller:job', '<script>', 'Admin Role']) expect(kubernetesNameProblem(kind, ok), `${kind} ${ok}`).toBeUndefined();
      for (const bad of ['.', '..', 'a/b', '50%']) expect(kubernetesNameProblem(kind, bad), `${kind} ${bad}`).toContain('path segment');
    }
  });

  it('metadata.namespace is checked as a Namespace name', () => {
    expect(kubernetesNamespaceProblem('shop')).toBeUndefined();
    expect(kubernetesNamespaceProblem('Shop')).toContain('RFC 1123 label');
  });

  it('the manifest source warns about each such name, once per bad namespace, and keeps the objects', () => {
    const s = snapshotFromTexts(
      [
        {
          name: 'bad.yaml',
          text: `apiVersion: v1
kind: Namespace
metadata: {name: "<script>"}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: "<script>"}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: "<script>"}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: "<script>"}
rules: []
`,
        },
      ],
      { kind: 'upload', fileNames: ['bad.yaml'] },
    );
    const invalid = s.warnings.filter((w) => w.code === 'invalid-name');
    expect(invalid.map((w) => w.message)).toEqual([
      'bad.yaml#0 (line 1): Namespace name "<script>" would be rejected by the API server: it must be an RFC 1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit',
      'bad.yaml#1 (line 5): Pod "web" names the namespace "<script>", which the API server would reject: it must be an RFC 1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit (said once per namespace)',
    ]);
    expect(s.namespaces.map((n) => n.name)).toContain('<script>');
    expect(s.pods).toHaveLength(2);
  });
});
