import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeEntryPoints } from '../exposure/analyzeEntryPoints';
import { analyzeConnectivity } from '../netpol/connectivity';
import { analyzeExposure } from '../netpol/exposure';
import { snapshotOf } from '../sources/testing';
import { exposureFindings } from './exposureFindings';

const findingsOf = (yaml: string) => {
  const s = snapshotOf(yaml);
  const conn = analyzeConnectivity(s);
  return exposureFindings(s, conn, analyzeEntryPoints(s, conn), analyzeExposure(conn));
};
const edge = readFileSync(path.join(__dirname, '..', 'exposure', 'testdata', 'edge.yaml'), 'utf8');

describe('exposure findings', () => {
  it('on the edge fixture: LoadBalancers without source ranges, a NodePort, a hostPort (on the node’s ssh port: high)', () => {
    const f = findingsOf(edge);
    expect(f.map((x) => `${x.severity} ${x.id}`)).toEqual([
      'high PER-EXP-HOSTPORT:shop/Pod/debug',
      'medium PER-EXP-LB-NO-SOURCE-RANGES:ingress-nginx/ingress-nginx-controller',
      'medium PER-EXP-LB-NO-SOURCE-RANGES:shop/web',
      'medium PER-EXP-NODEPORT:shop/web-nodeport',
    ]);
    expect(f.find((x) => x.ruleId === 'PER-EXP-LB-NO-SOURCE-RANGES' && x.object?.name === 'web')?.title).toBe(
      'LoadBalancer Service shop/web accepts every address (no loadBalancerSourceRanges): reaches shop/web[Deployment]',
    );
  });

  it('a LoadBalancer without source ranges whose pods admit nothing from the internet is low (closed in fact)', () => {
    const f = findingsOf(`${edge}---\napiVersion: v1\nkind: Service\nmetadata: {name: api-open, namespace: payments}\nspec: {type: LoadBalancer, selector: {app: api}, ports: [{port: 443, targetPort: 8443}]}\n`);
    expect(f.find((x) => x.id === 'PER-EXP-LB-NO-SOURCE-RANGES:payments/api-open')).toMatchObject({
      severity: 'low',
      title: 'LoadBalancer Service payments/api-open accepts every address (no loadBalancerSourceRanges): exposed on paper, closed in fact: its ingress policies admit none of TCP 8443 from 0.0.0.0/0, ::/0',
    });
  });

  it('an internet-reachable workload on a sensitive port is high, naming the port and the entry', () => {
    const db =
      edge +
      '---\napiVersion: v1\nkind: Service\nmetadata: {name: db-public, namespace: payments}\nspec: {type: LoadBalancer, selector: {app: db}, ports: [{port: 6379}]}\n';
    const f = findingsOf(db).find((x) => x.ruleId === 'PER-EXP-INTERNET-SENSITIVE-PORT');
    expect(f).toMatchObject({ severity: 'high', id: 'PER-EXP-INTERNET-SENSITIVE-PORT:payments/db[Deployment]', title: 'payments/db[Deployment] is reachable from the internet on TCP/6379 (redis), through LoadBalancer:payments/db-public' });
  });

  it('a broken Service: its pods admit no client in the cluster (the on-call case), or it selects nothing', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: pay}
spec:
  selector: {matchLabels: {app: api}}
  template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, ports: [{name: https, containerPort: 8443}]}]}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: shop}
spec:
  selector: {matchLabels: {app: client}}
  template: {metadata: {labels: {app: client}}, spec: {containers: [{name: c}]}}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: pay}
spec: {selector: {app: api}, ports: [{name: https, port: 443, targetPort: https}]}
---
apiVersion: v1
kind: Service
metadata: {name: typo, namespace: pay}
spec: {selector: {app: apl}, ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: pay}
spec: {podSelector: {matchLabels: {app: api}}, ingress: [{from: [{podSelector: {matchLabels: {app: nobody}}}]}]}
`;
    const broken = findingsOf(yaml).filter((x) => x.ruleId === 'PER-EXP-BROKEN-SERVICE');
    expect(broken.map((x) => x.title)).toEqual([
      "Service pay/api: its pods' ingress policies admit no client in the cluster on TCP 8443: calls to it time out",
      'Service pay/typo selects no pod (selector app=apl): calls to it go nowhere',
    ]);
    // Admitting the client fixes it.
    expect(findingsOf(yaml.replace('{podSelector: {matchLabels: {app: nobody}}}', '{namespaceSelector: {}, podSelector: {matchLabels: {app: client}}}')).filter((x) => x.ruleId === 'PER-EXP-BROKEN-SERVICE').map((x) => x.object?.name)).toEqual(['typo']);
  });

  it('a Service across trust zones (pod label, else namespace label)', () => {
    const yaml = `apiVersion: v1
kind: Namespace
metadata: {name: mixed, labels: {perimeter.io/zone: internal}}
---
apiVersion: v1
kind: Pod
metadata: {name: a, namespace: mixed, labels: {app: x}}
spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: mixed, labels: {app: x, perimeter.io/zone: pci}}
spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: x, namespace: mixed}
spec: {selector: {app: x}, ports: [{port: 80}]}
`;
    const f = findingsOf(yaml).find((x) => x.ruleId === 'PER-EXP-SERVICE-CROSS-ZONE');
    expect(f?.title).toBe('Service mixed/x sends traffic to pods of 2 trust zones (internal, pci, label perimeter.io/zone)');
  });
});
