import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../io';
import { main } from '../main';

// A tiny manifest folder written at test time (no dependency on ../shared).
const dir = mkdtempSync(path.join(tmpdir(), 'perimeter-conn-'));
writeFileSync(
  path.join(dir, 'objects.yaml'),
  `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, image: x}]}
status: {phase: Running, podIP: 10.0.0.1}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {containers: [{name: c, image: x, ports: [{name: http, containerPort: 8080}]}]}
status: {phase: Running, podIP: 10.0.0.2}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: http}]
  - from: [{podSelector: {matchLabels: {app: wbe}}}]
`,
);

describe('perimeter connectivity', () => {
  it('prints connlist lines and sends warnings to stderr', async () => {
    const io = memoryIO();
    expect(await main(['connectivity', dir], io)).toBe(0);
    expect(io.stdout()).toContain('shop/web[Pod] => shop/api[Pod] : TCP 8080\n');
    expect(io.stdout()).not.toContain('shop/api[Pod] => shop/api[Pod]');
    expect(io.stderr()).toContain('app=wbe');
  });
  it('json carries connections and warnings', async () => {
    const io = memoryIO();
    expect(await main(['connectivity', dir, '--format', 'json'], io)).toBe(0);
    const out = JSON.parse(io.stdout());
    expect(out.connections).toContainEqual(expect.objectContaining({ src: 'shop/web[Pod]', dst: 'shop/api[Pod]', conn: 'TCP 8080' }));
    expect(out.warnings.map((w: { code: string }) => w.code)).toContain('netpol-peer-matches-nothing');
    expect(io.stderr()).toBe('');
  });
  it('exits 2 without a PATH or with a missing one', async () => {
    expect(await main(['connectivity'], memoryIO())).toBe(2);
    expect(await main(['connectivity', path.join(dir, 'missing')], memoryIO())).toBe(2);
    expect(await main(['connectivity', dir, '--format', 'xml'], memoryIO())).toBe(2);
    expect(await main(['connectivity', dir, '--focus', 'shop/nope'], memoryIO())).toBe(2);
  });
  it('--level pod names pods, and --format md renders a table', async () => {
    const io = memoryIO();
    expect(await main(['connectivity', dir, '--level', 'pod', '--format', 'md'], io)).toBe(0);
    expect(io.stdout()).toContain('| shop/web[Pod] | shop/api[Pod] | TCP 8080 |');
  });
  it('--focus keeps the lines of one endpoint', async () => {
    const io = memoryIO();
    expect(await main(['connectivity', dir, '--focus', 'shop/web'], io)).toBe(0);
    expect(io.stdout().trim().split('\n').every((l) => l.includes('shop/web[Pod]'))).toBe(true);
  });
});

describe('perimeter explain', () => {
  it('exits 0 with the allowing rule when allowed', async () => {
    const io = memoryIO();
    expect(await main(['explain', dir, '--from', 'shop/web', '--to', 'shop/api', '--port', 'http'], io)).toBe(0);
    expect(io.stdout()).toContain('ALLOWED: shop/web => shop/api TCP 8080 (http)');
    expect(io.stdout()).toContain('shop/api-in ingress rule #1 peer #1 port entry #1');
  });
  it('exits 1 with the reason when denied', async () => {
    const io = memoryIO();
    expect(await main(['explain', dir, '--from', 'shop/web', '--to', 'shop/api', '--port', '9090'], io)).toBe(1);
    expect(io.stdout()).toContain('no rule of shop/api-in matches TCP port 9090: it allows TCP 8080');
  });
  it('json gives the structured explanation', async () => {
    const io = memoryIO();
    await main(['explain', dir, '--from', 'shop/api', '--to', 'shop/web', '--format', 'json'], io);
    const e = JSON.parse(io.stdout());
    expect(e).toMatchObject({ verdict: 'allowed', allowedText: 'All Connections', ingress: { isolated: false } });
  });
  it('exits 2 on an unknown endpoint', async () => {
    const io = memoryIO();
    expect(await main(['explain', dir, '--from', 'shop/nope', '--to', 'shop/api'], io)).toBe(2);
    expect(io.stderr()).toContain('no pod or workload "shop/nope"');
  });
  it('--exposure adds the exposure sections (txt), the structured exposure (json), and refuses other formats', async () => {
    const io = memoryIO();
    expect(await main(['connectivity', dir, '--exposure'], io)).toBe(0);
    expect(io.stdout()).toContain('\n\nExposure Analysis Result:\n');
    expect(io.stdout()).toContain('shop/web[Pod] is not protected on Ingress\n');
    const json = memoryIO();
    expect(await main(['connectivity', dir, '--exposure', '--format', 'json'], json)).toBe(0);
    const out = JSON.parse(json.stdout());
    expect(out.exposure.workloads.map((w: { workload: string }) => w.workload)).toEqual(['shop/api[Pod]', 'shop/web[Pod]']);
    expect(await main(['connectivity', dir, '--exposure', '--format', 'csv'], memoryIO())).toBe(2);
    const focused = memoryIO();
    expect(await main(['connectivity', dir, '--exposure', '--focus', 'shop/api'], focused)).toBe(0);
    expect(focused.stdout()).not.toContain('shop/web[Pod] is not protected');
  });
});
