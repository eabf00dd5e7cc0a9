import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../parseManifestText';
import { WATCHED_KINDS } from './kinds';

const DEPLOY = path.resolve(__dirname, '..', '..', '..', 'deploy');
/** The parts of the deploy/ objects these tests look at. */
interface DeployObject {
  metadata: { name: string; namespace?: string };
  rules?: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
  subjects?: unknown[];
  spec: {
    type?: string;
    template: {
      spec: {
        serviceAccountName: string;
        securityContext: { runAsNonRoot?: boolean };
        containers: { securityContext: unknown; env: unknown[] }[];
      };
    };
  };
}
const read = async (f: string) => parseManifestText(f, await readFile(path.join(DEPLOY, f), 'utf8')).objects.map((o) => o.object as unknown as DeployObject);

describe('deploy/', () => {
  it('the ClusterRole grants exactly get, list, watch on the kinds the cluster source reads', async () => {
    const [role] = await read('clusterrole.yaml');
    const granted = (role.rules ?? []).flatMap((r) => {
      expect(r.verbs).toEqual(['get', 'list', 'watch']);
      expect(r).not.toHaveProperty('resourceNames');
      return r.apiGroups.flatMap((g) => r.resources.map((res) => (g === '' ? res : `${res}.${g}`)));
    });
    expect(granted.sort()).toEqual(WATCHED_KINDS.map((k) => k.resource).sort());
    expect(granted.some((r) => /secrets|configmaps|\*/.test(r))).toBe(false);
  });

  it('the Deployment runs the cluster source as the ServiceAccount, non-root, on a read-only root filesystem', async () => {
    const [d] = await read('deployment.yaml');
    const pod = d.spec.template.spec;
    expect(pod.serviceAccountName).toBe('perimeter');
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    const c = pod.containers[0];
    expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(c.env).toContainEqual({ name: 'PERIMETER_SOURCE', value: 'cluster' });
    const [sa] = await read('serviceaccount.yaml');
    const [binding] = await read('clusterrolebinding.yaml');
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: sa.metadata.name, namespace: sa.metadata.namespace }]);
  });

  it('the Service is ClusterIP only (reach it with kubectl port-forward)', async () => {
    const [svc] = await read('service.yaml');
    expect(svc.spec.type).toBe('ClusterIP');
  });
});
