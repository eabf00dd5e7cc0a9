import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../io';
import { main } from '../main';

const demo = path.resolve(__dirname, '..', '..', 'demo');
const dir = path.join(__dirname, 'fixtures', 'shop-small');

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
});

describe('perimeter explain reads its question with lib/request (issue 14 items 2 and 10)', () => {
  it('a named port without --protocol resolves on the destination: coredns dns is UDP 53', async () => {
    const io = memoryIO();
    expect(await main(['explain', demo, '--from', 'shop-frontend/storefront', '--to', 'kube-system/coredns', '--port', 'dns'], io)).toBe(0);
    expect(io.stdout()).toContain('ALLOWED: shop-frontend/storefront[Deployment] => kube-system/coredns[Deployment] UDP 53 (dns)');
  });
  it('refuses a port name the API server would refuse in a policy', async () => {
    const io = memoryIO();
    expect(await main(['explain', dir, '--from', 'shop/web', '--to', 'shop/api', '--port', 'a--b'], io)).toBe(2);
    expect(io.stderr()).toContain('--port: "a--b" is neither a port number');
  });
  it('prints the denial reason once', async () => {
    const io = memoryIO();
    expect(await main(['explain', demo, '--from', 'shop-backend/checkout', '--to', 'payments/payments-api', '--port', '8443'], io)).toBe(1);
    const reason = 'payments/default-deny-all, payments/payments-api-from-checkout';
    expect(io.stdout().split(reason).length - 1).toBe(1);
  });
  it('a bare name suggests the ns/name it may mean', async () => {
    const io = memoryIO();
    expect(await main(['explain', demo, '--from', 'checkout', '--to', 'payments/payments-api'], io)).toBe(2);
    expect(io.stderr()).toContain('--from: "checkout" is not ns/name, ns/Kind/name or an IP address; did you mean shop-backend/checkout?');
  });
  it('--to svc/ns/name resolves the Service port to each backing pod and explains each; exit 1 when denied', async () => {
    const io = memoryIO();
    expect(await main(['explain', demo, '--from', 'shop-backend/checkout', '--to', 'svc/payments/payments-api', '--port', 'https'], io)).toBe(1);
    const out = io.stdout();
    expect(out.startsWith('DENIED: shop-backend/checkout => Service payments/payments-api port https 8443/TCP: denied to every backing pod (2)\n')).toBe(true);
    expect(out).toMatch(/ {2}https\/TCP → payments\/payments-api-[a-z0-9-]+ port 8443: DENIED:/);
    expect(out).toContain('no rule of payments/payments-api-from-checkout matches TCP port 8443: it allows TCP 8080');
    const json = memoryIO();
    expect(await main(['explain', demo, '--from', 'shop-backend/checkout', '--to', 'svc/payments/payments-api', '--port', 'nope', '--format', 'json'], json)).toBe(2);
    expect(json.stderr()).toContain('Service payments/payments-api has no port nope');
  });
});

describe('perimeter explain proposes the change that flips the verdict (issue 14, from verdict to fix)', () => {
  it('the on-call story: checkout → payments-api on 8443 needs 8443 in the rule that names checkout', async () => {
    const io = memoryIO();
    expect(await main(['explain', demo, '--from', 'shop-backend/checkout', '--to', 'payments/payments-api', '--port', '8443'], io)).toBe(1);
    const out = io.stdout();
    expect(out).toContain('To allow it:\n  Add TCP 8443 to ingress rule #1 of NetworkPolicy payments/payments-api-from-checkout, which already names checkout.\n  checked: the connection becomes allowed; nothing else changes\n');
    expect(out).toContain('    +         - protocol: TCP\n    +           port: 8443\n');
    expect(out).toContain('Other changes that would also do it:\n  - Create NetworkPolicy payments/allow-checkout-to-payments-api-8443');
  });
  it('json carries the checked proposals; --no-fix leaves them out', async () => {
    const io = memoryIO();
    await main(['explain', demo, '--from', 'shop-backend/checkout', '--to', 'payments/payments-api', '--port', '8443', '--format', 'json'], io);
    const e = JSON.parse(io.stdout());
    expect(e.fix.goal).toBe('allow');
    expect(e.fix.proposals[0]).toMatchObject({ kinds: ['add-port'], flips: true, verdictAfter: 'allowed', sideEffects: [] });
    const plain = memoryIO();
    await main(['explain', demo, '--from', 'shop-backend/checkout', '--to', 'payments/payments-api', '--port', '8443', '--format', 'json', '--no-fix'], plain);
    expect(JSON.parse(plain.stdout()).fix).toBeUndefined();
  });
});
