import { describe, expect, it } from 'vitest';
import { clientKey, createSignInLimiter } from './signInLimiter';

describe('the sign-in rate limit', () => {
  const settings = { perClient: 5, overall: 8, windowMs: 60_000 };

  it('refuses a client after 5 wrong tokens in a minute, logs it once, and lets it try again after the window', () => {
    let t = 0;
    const log: string[] = [];
    const limiter = createSignInLimiter(settings, () => t, (l) => log.push(l));
    for (let i = 0; i < 5; i++) {
      expect(limiter.check('10.0.0.1').allowed).toBe(true);
      limiter.fail('10.0.0.1');
    }
    t = 20_000;
    expect(limiter.check('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 40, reason: '5 wrong tokens from this client within 60 s' });
    expect(limiter.check('10.0.0.2').allowed).toBe(true);
    expect(log).toEqual(['perimeter: sign-in rate limit: 5 wrong tokens from 10.0.0.1 within 60 s; its token checks are refused until 1970-01-01T00:01:00.000Z']);
    t = 60_000;
    expect(limiter.check('10.0.0.1').allowed).toBe(true);
  });

  it('200 wrong tokens in 10 s from clients that change their address are held to the overall limit', () => {
    let t = 0;
    const log: string[] = [];
    const limiter = createSignInLimiter(settings, () => t, (l) => log.push(l));
    let checked = 0;
    for (let i = 0; i < 200; i++, t += 50) {
      const client = `forged-${i}`;
      if (!limiter.check(client).allowed) continue;
      checked++;
      limiter.fail(client);
    }
    expect(checked).toBe(8);
    expect(log).toHaveLength(1);
    expect(log[0]).toContain('8 wrong tokens from all clients within 60 s; every token check is refused');
  });

  it('forgets a client’s failures when it signs in', () => {
    const limiter = createSignInLimiter(settings, () => 0, () => {});
    for (let i = 0; i < 4; i++) limiter.fail('a');
    limiter.succeed('a');
    limiter.fail('a');
    expect(limiter.check('a').allowed).toBe(true);
  });

  it('keys clients by the first X-Forwarded-For address Next gives', () => {
    expect(clientKey(new Headers({ 'x-forwarded-for': '192.0.2.7, 10.0.0.1' }))).toBe('192.0.2.7');
    expect(clientKey(new Headers())).toBe('unknown client');
  });
});
