import { describe, expect, it } from 'vitest';
import { configuredToken, isAuthorized, isPublicPath, safeNext, sessionValue } from './auth';

describe('PERIMETER_AUTH_TOKEN', () => {
  it('is off when unset or blank', () => {
    expect(configuredToken({})).toBeUndefined();
    expect(configuredToken({ PERIMETER_AUTH_TOKEN: '  ' })).toBeUndefined();
    expect(configuredToken({ PERIMETER_AUTH_TOKEN: ' s3cret ' })).toBe('s3cret');
  });

  it('accepts the token as a bearer token or the session cookie derived from it, nothing else', () => {
    expect(isAuthorized('s3cret', 'Bearer s3cret', undefined)).toBe(true);
    expect(isAuthorized('s3cret', 'bearer s3cret', undefined)).toBe(true);
    expect(isAuthorized('s3cret', null, sessionValue('s3cret'))).toBe(true);
    expect(isAuthorized('s3cret', 'Bearer wrong', undefined)).toBe(false);
    expect(isAuthorized('s3cret', 'Basic czNjcmV0', undefined)).toBe(false);
    expect(isAuthorized('s3cret', null, 's3cret')).toBe(false); // the cookie is not the token itself
    expect(isAuthorized('s3cret', null, sessionValue('other'))).toBe(false);
    expect(isAuthorized('s3cret', null, undefined)).toBe(false);
  });

  it('leaves only the login form and static assets public', () => {
    expect(isPublicPath('/login')).toBe(true);
    expect(isPublicPath('/_next/static/chunks/a.js')).toBe(true);
    expect(isPublicPath('/api/events')).toBe(false);
    expect(isPublicPath('/login/../api/snapshot')).toBe(false);
    expect(isPublicPath('/')).toBe(false);
  });

  it('follows only same-site paths after login', () => {
    expect(safeNext('/graph?ns=a')).toBe('/graph?ns=a');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(undefined)).toBe('/');
  });
});
