import { describe, expect, it } from 'vitest';
import { newNonce, pageCsp } from './csp';

describe('the pages’ Content-Security-Policy', () => {
  it('allows scripts by nonce only: no unsafe-inline or unsafe-eval for scripts in production', () => {
    const csp = pageCsp('abc123==', false);
    const script = csp.split('; ').find((d) => d.startsWith('script-src '));
    expect(script).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('uses a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
