import { describe, expect, it } from 'vitest';
import { authenticate, configuredToken, isPublicPath, safeNext } from './auth';
import { createSessionStore } from './sessions';

describe('PERIMETER_AUTH_TOKEN', () => {
  it('is off when unset or blank', () => {
    expect(configuredToken({})).toBeUndefined();
    expect(configuredToken({ PERIMETER_AUTH_TOKEN: '  ' })).toBeUndefined();
    expect(configuredToken({ PERIMETER_AUTH_TOKEN: ' s3cret ' })).toBe('s3cret');
  });

  it('accepts the token as a bearer token or a live session id, nothing else', () => {
    const sessions = createSessionStore({ idleMs: 60_000, maxAgeMs: 3_600_000, maxSessions: 10 });
    const id = sessions.create();
    expect(authenticate('s3cret', 'Bearer s3cret', undefined, sessions)).toBe('bearer');
    expect(authenticate('s3cret', 'bearer s3cret', undefined, sessions)).toBe('bearer');
    expect(authenticate('s3cret', null, id, sessions)).toBe('session');
    expect(authenticate('s3cret', 'Bearer wrong', undefined, sessions)).toBe('wrong-bearer');
    expect(authenticate('s3cret', 'Basic czNjcmV0', undefined, sessions)).toBe('none');
    expect(authenticate('s3cret', null, 's3cret', sessions)).toBe('none'); // the cookie is never the token itself
    expect(authenticate('s3cret', null, undefined, sessions)).toBe('none');
    sessions.revoke(id);
    expect(authenticate('s3cret', null, id, sessions)).toBe('none');
  });

  it('leaves only the login form, the health check and static assets public', () => {
    expect(isPublicPath('/login')).toBe(true);
    expect(isPublicPath('/api/health')).toBe(true);
    expect(isPublicPath('/_next/static/chunks/a.js')).toBe(true);
    expect(isPublicPath('/api/events')).toBe(false);
    expect(isPublicPath('/login/../api/snapshot')).toBe(false);
    expect(isPublicPath('/')).toBe(false);
  });
});

describe('safeNext: where the login form goes on to', () => {
  it('keeps paths of this server with their query and fragment', () => {
    expect(safeNext('/graph?ns=a')).toBe('/graph?ns=a');
    expect(safeNext('/explain?from=a/b#verdict')).toBe('/explain?from=a/b#verdict');
    expect(safeNext(undefined)).toBe('/');
    expect(safeNext('')).toBe('/');
  });

  it('refuses anything a browser would resolve to another host', () => {
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    // /login?next=/%09/127.0.0.1:3149/pwned: browsers drop the tab (URL spec: strip ASCII tab or newline), leaving //host.
    expect(safeNext('/\t/127.0.0.1:3149/pwned')).toBe('/');
    expect(safeNext('/\n/evil.example')).toBe('/');
    expect(safeNext('/\r\n/evil.example/x')).toBe('/');
    expect(safeNext('\\\\evil.example')).toBe('/');
    expect(safeNext('javascript:alert(1)')).toBe('/');
  });

  it('gives a valid Location header for any input: a newline in a path is dropped, other bytes percent-encoded', () => {
    expect(safeNext('/graph\nSet-Cookie: x=1')).toBe('/graphSet-Cookie:%20x=1');
    for (const next of ['/a\u0000b', '/ä b', '/x?q=\r\n<script>']) expect(safeNext(next)).toMatch(/^\/[\x21-\x7e]*$/);
  });
});
