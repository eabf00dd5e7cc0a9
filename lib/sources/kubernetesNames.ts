// The name rules the API server applies when an object is created, so names it would reject are flagged (a
// manifest is not a cluster: `<script>` can be a Namespace's name in a file, never in a cluster).

/** RFC 1123 label (apimachinery IsDNS1123Label): at most 63 of [a-z0-9-], alphanumeric at both ends. */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** RFC 1123 subdomain (apimachinery IsDNS1123Subdomain): labels joined by '.', at most 253 characters. */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const LABEL_RULE = 'an RFC 1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit';
const SUBDOMAIN_RULE = 'an RFC 1123 subdomain: at most 253 lower-case letters, digits, "-" and ".", starting and ending with a letter or digit';

function label(name: string): string | undefined {
  return name.length <= 63 && DNS1123_LABEL.test(name) ? undefined : LABEL_RULE;
}
function subdomain(name: string): string | undefined {
  return name.length <= 253 && DNS1123_SUBDOMAIN.test(name) ? undefined : SUBDOMAIN_RULE;
}
/** apimachinery path.IsValidPathSegmentName: anything but "." and "..", without "/" or "%". */
function pathSegment(name: string): string | undefined {
  return name === '.' || name === '..' || /[/%]/.test(name) ? 'a path segment: not "." or "..", without "/" or "%"' : undefined;
}

/**
 * Why the API server would refuse `name` for an object of `kind`, or undefined when it accepts it. Per kind, as the
 * API server validates metadata.name:
 * - Namespace: RFC 1123 label (core/validation ValidateNamespaceName = NameIsDNSLabel).
 * - Pod, ServiceAccount, ReplicationController, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, NetworkPolicy:
 *   RFC 1123 subdomain (ValidatePodName, ValidateServiceAccountName, ValidateReplicationControllerName,
 *   apps ValidateDeploymentName …, networking ValidateNetworkPolicyName: all NameIsDNSSubdomain).
 * - CronJob: a subdomain of at most 52 characters (batch ValidateCronJob: the controller appends an 11-character suffix).
 * - AdminNetworkPolicy, BaselineAdminNetworkPolicy: custom resources, RFC 1123 subdomain (apiextensions validator).
 * - Role, ClusterRole, RoleBinding, ClusterRoleBinding: only path-segment rules (rbac/validation minimalNameRequirements
 *   = path.IsValidPathSegmentName), so `<script>` is a valid Role name.
 */
export function kubernetesNameProblem(kind: string, name: string): string | undefined {
  switch (kind) {
    case 'Namespace':
      return label(name);
    case 'Role':
    case 'ClusterRole':
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      return pathSegment(name);
    case 'CronJob':
      return subdomain(name) ?? (name.length > 52 ? 'at most 52 characters (the CronJob controller appends an 11-character suffix to its Jobs)' : undefined);
    default:
      return subdomain(name);
  }
}

/** Why metadata.namespace would be refused (ValidateObjectMeta checks it with ValidateNamespaceName), or undefined. */
export function kubernetesNamespaceProblem(namespace: string): string | undefined {
  return label(namespace);
}
