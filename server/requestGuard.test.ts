import { describe, expect, it } from 'vitest';
import { allowedHosts, guardRequest, hostAllowed, originRefusal } from './requestGuard';

describe('allowed hosts (PERIMETER_ALLOWED_HOSTS)', () => {
  it('are the loopback names unless configured', () => {
    expect(allowedHosts({})).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(allowedHosts({ PERIMETER_ALLOWED_HOSTS: ' ' })).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(allowedHosts({ PERIMETER_ALLOWED_HOSTS: 'Perimeter.Example.com, 10.1.2.3' })).toEqual(['perimeter.example.com', '10.1.2.3']);
  });

  it('match the Host header by name, any port; a DNS-rebinding name is not among them', () => {
    const loopback = allowedHosts({});
    expect(hostAllowed('127.0.0.1:3000', loopback)).toBe(true);
    expect(hostAllowed('LOCALHOST', loopback)).toBe(true);
    expect(hostAllowed('[::1]:8080', loopback)).toBe(true);
    expect(hostAllowed('rebind.evil.example:3000', loopback)).toBe(false);
    expect(hostAllowed('127.0.0.1.nip.io', loopback)).toBe(false);
    expect(hostAllowed('127.0.0.1@evil.example', loopback)).toBe(false);
    expect(hostAllowed(null, loopback)).toBe(false);
    expect(hostAllowed('anything.example', ['*'])).toBe(true);
  });
});

describe('the Origin check of state-changing requests', () => {
  const post = (origin: string | null, secFetchSite: string | null = null) => originRefusal({ method: 'POST', host: '127.0.0.1:3000', origin, secFetchSite });

  it('lets this server’s own pages and non-browser clients through', () => {
    expect(post('http://127.0.0.1:3000', 'same-origin')).toBeUndefined();
    expect(post(null)).toBeUndefined(); // curl, the CLI: no Origin, and no user cookies to ride on
    expect(originRefusal({ method: 'GET', host: '127.0.0.1:3000', origin: 'https://evil.example', secFetchSite: 'cross-site' })).toBeUndefined();
  });

  it('refuses a cross-site POST however it is dressed (text/plain needs no preflight)', () => {
    expect(post('https://evil.example', 'cross-site')).toContain('Sec-Fetch-Site: cross-site');
    expect(post('https://evil.example')).toContain('from https://evil.example');
    expect(post('http://127.0.0.1:3001')).toContain('not this server'); // another port is another origin
    expect(post('null')).toContain('Origin: null');
    expect(post(null, 'same-site')).toContain('Sec-Fetch-Site: same-site');
    expect(originRefusal({ method: 'DELETE', host: '127.0.0.1:3000', origin: 'https://evil.example', secFetchSite: null })).toContain('DELETE');
  });

  it('answers 421 for a foreign Host and 403 for a foreign Origin', async () => {
    const env = {};
    const rebind = guardRequest(new Request('http://127.0.0.1:3000/api/snapshot', { headers: { host: 'rebind.evil.example:3000' } }), env);
    expect(rebind?.status).toBe(421);
    expect(((await rebind!.json()) as { error: string }).error).toContain('PERIMETER_ALLOWED_HOSTS');
    const csrf = guardRequest(new Request('http://127.0.0.1:3000/api/contexts', { method: 'POST', headers: { host: '127.0.0.1:3000', origin: 'https://evil.example', 'content-type': 'text/plain' }, body: '{"context":"prod"}' }), env);
    expect(csrf?.status).toBe(403);
    expect(guardRequest(new Request('http://127.0.0.1:3000/api/contexts', { method: 'POST', headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' } }), env)).toBeUndefined();
  });
});
