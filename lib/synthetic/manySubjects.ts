/**
 * A namespace `prod` and `subjects` Users bound in it: the first half may change NetworkPolicies and Deployments
 * (breaking separation of duties), the second half may only read NetworkPolicies. Returned as YAML text, so the same
 * input can be uploaded by the e2e tests and served by the page performance script.
 */
export function manySubjectsManifest(subjects: number): string {
  const users = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => `  - {kind: User, apiGroup: rbac.authorization.k8s.io, name: user-${String(from + i).padStart(5, '0')}@example.com}`).join('\n');
  const half = Math.floor(subjects / 2);
  return `apiVersion: v1
kind: Namespace
metadata: {name: prod}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: np-and-deploy}
rules:
- {apiGroups: [networking.k8s.io], resources: [networkpolicies], verbs: ['*']}
- {apiGroups: [apps], resources: [deployments], verbs: ['*']}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: np-reader}
rules:
- {apiGroups: [networking.k8s.io], resources: [networkpolicies], verbs: [get, list, watch]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: writers, namespace: prod}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: np-and-deploy}
subjects:
${users(0, half)}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: readers, namespace: prod}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: np-reader}
subjects:
${users(half, subjects)}
`;
}
