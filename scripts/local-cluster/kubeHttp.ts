// A small HTTPS client for the test side of the local cluster (it creates and changes objects; Perimeter never does).
import https from 'node:https';

export interface KubeResponse {
  readonly status: number;
  readonly text: string;
  json<T = unknown>(): T;
}

/** Where the kinds the demo and generated clusters use live in the API (group/version, plural, namespaced). */
const RESOURCES: Readonly<Record<string, { readonly prefix: string; readonly plural: string; readonly namespaced: boolean }>> = {
  Namespace: { prefix: '/api/v1', plural: 'namespaces', namespaced: false },
  ServiceAccount: { prefix: '/api/v1', plural: 'serviceaccounts', namespaced: true },
  Service: { prefix: '/api/v1', plural: 'services', namespaced: true },
  Pod: { prefix: '/api/v1', plural: 'pods', namespaced: true },
  ReplicationController: { prefix: '/api/v1', plural: 'replicationcontrollers', namespaced: true },
  ConfigMap: { prefix: '/api/v1', plural: 'configmaps', namespaced: true },
  Secret: { prefix: '/api/v1', plural: 'secrets', namespaced: true },
  Deployment: { prefix: '/apis/apps/v1', plural: 'deployments', namespaced: true },
  ReplicaSet: { prefix: '/apis/apps/v1', plural: 'replicasets', namespaced: true },
  StatefulSet: { prefix: '/apis/apps/v1', plural: 'statefulsets', namespaced: true },
  DaemonSet: { prefix: '/apis/apps/v1', plural: 'daemonsets', namespaced: true },
  Job: { prefix: '/apis/batch/v1', plural: 'jobs', namespaced: true },
  CronJob: { prefix: '/apis/batch/v1', plural: 'cronjobs', namespaced: true },
  NetworkPolicy: { prefix: '/apis/networking.k8s.io/v1', plural: 'networkpolicies', namespaced: true },
  AdminNetworkPolicy: { prefix: '/apis/policy.networking.k8s.io/v1alpha1', plural: 'adminnetworkpolicies', namespaced: false },
  BaselineAdminNetworkPolicy: { prefix: '/apis/policy.networking.k8s.io/v1alpha1', plural: 'baselineadminnetworkpolicies', namespaced: false },
  CustomResourceDefinition: { prefix: '/apis/apiextensions.k8s.io/v1', plural: 'customresourcedefinitions', namespaced: false },
  Role: { prefix: '/apis/rbac.authorization.k8s.io/v1', plural: 'roles', namespaced: true },
  RoleBinding: { prefix: '/apis/rbac.authorization.k8s.io/v1', plural: 'rolebindings', namespaced: true },
  ClusterRole: { prefix: '/apis/rbac.authorization.k8s.io/v1', plural: 'clusterroles', namespaced: false },
  ClusterRoleBinding: { prefix: '/apis/rbac.authorization.k8s.io/v1', plural: 'clusterrolebindings', namespaced: false },
  Ingress: { prefix: '/apis/networking.k8s.io/v1', plural: 'ingresses', namespaced: true },
  IngressClass: { prefix: '/apis/networking.k8s.io/v1', plural: 'ingressclasses', namespaced: false },
  Route: { prefix: '/apis/route.openshift.io/v1', plural: 'routes', namespaced: true },
  GatewayClass: { prefix: '/apis/gateway.networking.k8s.io/v1', plural: 'gatewayclasses', namespaced: false },
  Gateway: { prefix: '/apis/gateway.networking.k8s.io/v1', plural: 'gateways', namespaced: true },
  HTTPRoute: { prefix: '/apis/gateway.networking.k8s.io/v1', plural: 'httproutes', namespaced: true },
  GRPCRoute: { prefix: '/apis/gateway.networking.k8s.io/v1', plural: 'grpcroutes', namespaced: true },
  TLSRoute: { prefix: '/apis/gateway.networking.k8s.io/v1alpha2', plural: 'tlsroutes', namespaced: true },
  TCPRoute: { prefix: '/apis/gateway.networking.k8s.io/v1alpha2', plural: 'tcproutes', namespaced: true },
  ReferenceGrant: { prefix: '/apis/gateway.networking.k8s.io/v1beta1', plural: 'referencegrants', namespaced: true },
};

type Obj = { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown; [k: string]: unknown }; [k: string]: unknown };

/** The REST path of one object (`/apis/apps/v1/namespaces/ns/deployments/name`). */
export function objectPath(kind: string, namespace: string | undefined, name: string): string {
  const r = RESOURCES[kind];
  if (!r) throw new Error(`no REST mapping for kind ${kind}`);
  const ns = r.namespaced ? `/namespaces/${encodeURIComponent(namespace || 'default')}` : '';
  return `${r.prefix}${ns}/${r.plural}/${encodeURIComponent(name)}`;
}

/** Metadata a dump carries that belongs to another cluster's store; applying it would fail or conflict. */
const SERVER_OWNED_METADATA = ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields', 'selfLink'];

/** Client-certificate HTTPS client for one identity of the local cluster. */
export class KubeHttp {
  constructor(
    readonly server: string,
    private readonly ca: string,
    private readonly cert: string,
    private readonly key: string,
  ) {}

  request(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<KubeResponse> {
    const url = new URL(this.server + path);
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = https.request(
        url,
        {
          method,
          ca: this.ca,
          cert: this.cert,
          key: this.key,
          headers: { accept: 'application/json', ...(payload !== undefined ? { 'content-type': contentType } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, text, json: <T>() => JSON.parse(text) as T });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  private async ok(method: string, path: string, body?: unknown, contentType?: string): Promise<KubeResponse> {
    const res = await this.request(method, path, body, contentType);
    if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 500)}`);
    return res;
  }

  /**
   * Server-side apply (force, field manager `perimeter-tests`) of a kubectl-style object; its `status`, if any, is
   * applied through the status subresource as a kubelet or controller would set it.
   */
  async apply(object: Obj): Promise<void> {
    const kind = String(object.kind);
    const meta = { ...(object.metadata ?? {}) };
    for (const k of SERVER_OWNED_METADATA) delete meta[k];
    const name = String(meta.name);
    const ns = typeof meta.namespace === 'string' ? meta.namespace : undefined;
    // Typed List items (`kubectl get ns -o yaml`) carry no apiVersion; the resource table knows it.
    const apiVersion = typeof object.apiVersion === 'string' && object.apiVersion !== '' ? object.apiVersion : RESOURCES[kind]?.prefix.replace(/^\/apis?\//, '');
    const { status, ...rest }: Obj = { ...object, apiVersion };
    const path = objectPath(kind, ns, name);
    const q = '?fieldManager=perimeter-tests&force=true';
    await this.ok('PATCH', path + q, { ...rest, metadata: meta }, 'application/apply-patch+yaml');
    if (status !== undefined && kind !== 'Namespace' && kind !== 'CustomResourceDefinition') {
      await this.ok('PATCH', `${path}/status${q}`, { apiVersion, kind, metadata: { name, ...(ns ? { namespace: ns } : {}) }, status }, 'application/apply-patch+yaml');
    }
  }

  async remove(kind: string, namespace: string | undefined, name: string): Promise<void> {
    const res = await this.request('DELETE', objectPath(kind, namespace, name));
    if (res.status !== 200 && res.status !== 202 && res.status !== 404) throw new Error(`DELETE ${kind} ${name}: ${res.status} ${res.text}`);
  }

  /** POST a body and return the created/answered object (SubjectAccessReview, TokenRequest…). */
  async post<T>(path: string, body: unknown): Promise<T> {
    return (await this.ok('POST', path, body)).json<T>();
  }

  async get<T>(path: string): Promise<T> {
    return (await this.ok('GET', path)).json<T>();
  }
}
