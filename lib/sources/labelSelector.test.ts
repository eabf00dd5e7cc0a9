import { describe, expect, it } from 'vitest';
import { isLabelValue, isQualifiedName, parseLabelSelector, readLabels } from './labelSelector';

describe('label syntax', () => {
  it('accepts qualified names with an optional DNS-subdomain prefix', () => {
    for (const ok of ['app', 'app.kubernetes.io/name', 'kubernetes.io/metadata.name', 'a_b-c.d', 'A1']) expect(isQualifiedName(ok), ok).toBe(true);
    for (const bad of ['', '-app', 'app-', 'a/b/c', 'Example.com/app', '/app', 'app/', 'x'.repeat(64), 'has space']) expect(isQualifiedName(bad), bad).toBe(false);
  });

  it('accepts empty or ≤ 63-char label values of the name alphabet', () => {
    for (const ok of ['', 'true', 'v1.2_3-x']) expect(isLabelValue(ok), ok).toBe(true);
    for (const bad of ['-x', 'x-', 'a b', 'x'.repeat(64), 'a/b']) expect(isLabelValue(bad), bad).toBe(false);
  });

  it('reads object labels as strings', () => {
    expect(readLabels({ a: 'x', n: 3, b: true, o: { nested: 1 } })).toEqual({ a: 'x', n: '3', b: 'true' });
    expect(readLabels(null)).toEqual({});
  });
});

describe('parseLabelSelector', () => {
  it('reads null as the empty selector and keeps matchLabels and matchExpressions', () => {
    expect(parseLabelSelector(null, 's')).toEqual({ ok: true, selector: { matchLabels: {}, matchExpressions: [] } });
    expect(parseLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, 's')).toEqual({
      ok: true,
      selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist', values: [] }] },
    });
  });

  it('rejects what ValidateLabelSelector rejects, naming the field', () => {
    expect(parseLabelSelector({ matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] }, 'sel')).toEqual({
      ok: false,
      error: 'sel.matchExpressions[0].operator "in" is not one of In, NotIn, Exists, DoesNotExist',
    });
    expect(parseLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] }, 'sel')).toEqual({ ok: false, error: 'sel.matchExpressions[0]: operator In requires at least one value' });
    expect(parseLabelSelector({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist', values: ['x'] }] }, 'sel')).toEqual({
      ok: false,
      error: 'sel.matchExpressions[0]: operator DoesNotExist must have no values',
    });
    expect(parseLabelSelector({ matchLabels: { app: 5 } }, 'sel')).toEqual({ ok: false, error: 'sel.matchLabels["app"] must be a string, got 5' });
    expect(parseLabelSelector('app=web', 'sel')).toEqual({ ok: false, error: 'sel is not a map' });
  });
});
