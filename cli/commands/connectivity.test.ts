import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../io';
import { main } from '../main';

// A tiny manifest folder (no dependency on ../shared): two pods and a policy with a typo in one peer.
const dir = path.join(__dirname, 'fixtures', 'shop-small');

describe('perimeter connectivity', () => {
  const ingressDir = path.join(__dirname, 'fixtures', 'shop-ingress');
  it('lists the ingress controller last, warns about a backend its policies block, and --focus ingress-controller keeps its lines only', async () => {
    const io = memoryIO();
    expect(await main(['connectivity', ingressDir], io)).toBe(0);
    const out = io.stdout().trimEnd().split('\n');
    expect(out[out.length - 1]).toBe('{ingress-controller} => shop/web[Deployment] : TCP 8080');
    expect(out.filter((l) => l.startsWith('{'))).toHaveLength(1);
    expect(io.stderr()).toContain('warning: Ingress shop/shop routes to shop/api[Deployment], but its ingress policies admit nothing from an ingress controller');
    const focused = memoryIO();
    expect(await main(['connectivity', ingressDir, '--focus', 'ingress-controller'], focused)).toBe(0);
    expect(focused.stdout()).toBe('{ingress-controller} => shop/web[Deployment] : TCP 8080\n');
    const web = memoryIO();
    expect(await main(['connectivity', ingressDir, '--focus', 'shop/api'], web)).toBe(0);
    expect(web.stdout()).not.toContain('{ingress-controller}');
  });
  it('json lists the ingress controller connections and says which reading gave them', async () => {
    const io = memoryIO();
    expect(await main(['connectivity', ingressDir, '--format', 'json'], io)).toBe(0);
    const out = JSON.parse(io.stdout());
    expect(out.connections).toContainEqual({ src: '{ingress-controller}', dst: 'shop/web[Deployment]', conn: 'TCP 8080', ports: { SCTP: [], TCP: [[8080, 8080]], UDP: [] } });
    expect(out.ingressController).toEqual({ reading: 'stand-in', sources: ['{ingress-controller}'] });
    expect(out.warnings.map((w: { code: string }) => w.code)).toContain('ingress-controller-blocked');
  });
  it('--ingress-controller controller-pods reads the hop from the controller pods in the snapshot, and says so', async () => {
    const edge = path.join(__dirname, '..', '..', 'lib', 'exposure', 'testdata', 'edge.yaml');
    const standIn = memoryIO();
    expect(await main(['connectivity', edge], standIn)).toBe(0);
    // shop/web admits the ingress-nginx namespace only: the stand-in (a namespace of its own) gets nothing.
    expect(standIn.stdout()).not.toContain('{');
    const real = memoryIO();
    expect(await main(['connectivity', edge, '--ingress-controller', 'controller-pods'], real)).toBe(0);
    expect(real.stdout().trimEnd().split('\n').filter((l) => l.startsWith('{'))).toEqual(['{ingress-nginx/ingress-nginx-controller[Deployment]} => shop/web[Deployment] : TCP 8080']);
    expect(real.stderr()).toContain('info: ingress controller lines: the controller pods in the snapshot for {ingress-nginx/ingress-nginx-controller[Deployment]}, the stand-in for the rest');
    expect(real.stderr()).toContain('routes to payments/api[Deployment], but its ingress policies admit nothing from the controller pods ingress-nginx/ingress-nginx-controller[Deployment]');
  });
  it('a snapshot without Ingresses or Routes has no ingress controller lines and no --focus ingress-controller', async () => {
    expect(await main(['connectivity', dir, '--focus', 'ingress-controller'], memoryIO())).toBe(2);
  });
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
    expect(io.stdout()).toContain('| shop/web\\[Pod\\] | shop/api\\[Pod\\] | TCP 8080 |');
  });
  it('--focus keeps the lines of one endpoint', async () => {
    const io = memoryIO();
    expect(await main(['connectivity', dir, '--focus', 'shop/web'], io)).toBe(0);
    expect(io.stdout().trim().split('\n').every((l) => l.includes('shop/web[Pod]'))).toBe(true);
  });
});

describe('perimeter connectivity --exposure', () => {
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
