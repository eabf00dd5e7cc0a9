import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { OpenFilesPage } from './pages/OpenFilesPage';
import { urlOf } from './servers';

// The production server must send these on pages and API responses alike (next.config.js headers(), proxy.ts).
for (const path of ['/', '/policies', '/api/snapshot']) {
  test(`${path} carries the security headers, with a CSP that forbids eval, inline scripts and framing`, async ({ request }) => {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const h = res.headers();
    const csp = h['content-security-policy'];
    expect(csp).toMatch(/default-src '(self|none)'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(h['referrer-policy']).toBe('same-origin');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-powered-by']).toBeUndefined();
  });
}

test('pages allow scripts by a nonce that is new on every response, and every script carries it', async ({ request, page }) => {
  const nonces = [];
  for (let i = 0; i < 2; i++) {
    const res = await request.get('/policies');
    const nonce = /'nonce-([^']+)'/.exec(res.headers()['content-security-policy'])?.[1];
    expect(nonce).toBeTruthy();
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
  // The page still hydrates under the policy (the fixture fails the test on any CSP violation in the console).
  const app = new AppPage(page);
  await app.goto('/');
  await app.openSection('Policies', '/policies');
});

for (const path of ['/api/snapshot', '/api/findings?format=md', '/api/report?format=md', '/api/graph', '/api/health']) {
  test(`${path} is never cached (Cache-Control: no-store)`, async ({ request }) => {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toBe('no-store');
  });
}

/** A raw HTTP request, so the Host header is exactly what a DNS-rebinding page's browser would send. */
function rawGet(path: string, host: string): Promise<{ status: number; body: string }> {
  const url = new URL(urlOf('demo'));
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a Host the server was not configured for is refused (DNS rebinding cannot read /api/snapshot)', async () => {
  const rebound = await rawGet('/api/snapshot', `rebind.evil.example:${new URL(urlOf('demo')).port}`);
  expect(rebound.status).toBe(421);
  expect(rebound.body).toContain('PERIMETER_ALLOWED_HOSTS');
  expect((await rawGet('/', 'rebind.evil.example')).status).toBe(421);
  expect((await rawGet('/api/snapshot', `localhost:${new URL(urlOf('demo')).port}`)).status).toBe(200);
});

test('a cross-site POST is refused on every state-changing route, text/plain or not', async ({ request }) => {
  const evil = { origin: 'https://evil.example', 'content-type': 'text/plain' };
  for (const path of ['/api/contexts', '/api/upload', '/api/upload/clear', '/api/what-if', '/logout', '/login']) {
    const res = await request.post(path, { headers: evil, data: '{"context":"prod"}', maxRedirects: 0 });
    expect(res.status(), path).toBe(403);
  }
  expect((await request.delete('/api/upload', { headers: { origin: 'https://evil.example' } })).status()).toBe(403);
  // Sec-Fetch-Site alone (a browser's own word) is enough to refuse.
  expect((await request.post('/api/contexts', { headers: { 'sec-fetch-site': 'cross-site' }, data: {} })).status()).toBe(403);
});

test('an upload gets a session id from the server, never the one the browser brought (no fixation)', async ({ page, context }) => {
  const chosen = 'A'.repeat(43);
  await context.addCookies([{ name: 'perimeter_upload', value: chosen, url: urlOf('demo') }]);
  const open = new OpenFilesPage(page);
  await open.goto('/open');
  await open.upload([{ name: 'a.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: fixation-ns}\n' }]);
  await expect(open.sourceTitle).toHaveText('Uploaded files (this browser only, in server memory)');
  const issued = (await context.cookies()).find((c) => c.name === 'perimeter_upload')?.value;
  expect(issued).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(issued).not.toBe(chosen);
  // Whoever planted the chosen id sees nothing of the upload.
  const planted = await page.request.get('/api/snapshot', { headers: { cookie: `perimeter_upload=${chosen}` } });
  expect((await planted.json()).source.kind).toBe('demo');
  await open.leaveUpload.click();
});

test('"Back to the configured source" returns to the page the user was on', async ({ page }) => {
  const open = new OpenFilesPage(page);
  await open.goto('/open');
  await open.upload([{ name: 'a.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: back-ns}\n' }]);
  await expect(open.sourceTitle).toHaveText('Uploaded files (this browser only, in server memory)');
  await page.goto('/policies?ns=back-ns');
  await open.leaveUpload.click();
  await expect(page).toHaveURL('/policies?ns=back-ns');
  await expect(open.sourceTitle).toHaveText('Demo cluster (built-in)');
});

const MiB = 1024 * 1024;
/** A manifest of exactly `bytes` bytes: one Namespace, then YAML comments. */
function manifestOf(bytes: number, ns: string): Buffer {
  const head = `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}\n`;
  const line = `#${'x'.repeat(98)}\n`;
  const pad = bytes - head.length;
  const text = head + line.repeat(Math.floor(pad / 100)) + (pad % 100 ? `${'#'.repeat((pad % 100) - 1)}\n` : '');
  return Buffer.from(text);
}

test('uploads are taken up to the documented limit of 20 MiB a file (not the proxy’s 10 MB), one byte more is refused by name', async ({ request }) => {
  const exact = manifestOf(20 * MiB, 'exact-ns');
  expect(exact.length).toBe(20 * MiB);
  const ok = await request.post('/api/upload', { multipart: { files: { name: 'exact.yaml', mimeType: 'application/yaml', buffer: exact } }, timeout: 60_000 });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ files: ['exact.yaml'], bytes: 20 * MiB, counts: { namespaces: { total: 1 } }, warnings: [] });
  const over = manifestOf(20 * MiB + 1, 'over-ns');
  const res = await request.post('/api/upload', { multipart: { files: { name: 'over.yaml', mimeType: 'application/yaml', buffer: over } }, timeout: 60_000 });
  expect(res.status()).toBe(400);
  expect((await res.json()).warnings).toEqual([expect.objectContaining({ code: 'file-too-large', message: 'over.yaml: over the limit of 20971520 bytes (20 MiB) per file; file skipped' })]);
  await request.delete('/api/upload');
});
