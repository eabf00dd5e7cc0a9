import { describe, expect, it } from 'vitest';
import { formatSelector, selectorMatches } from './selector';
import { sel } from './testing';

describe('selectorMatches', () => {
  it('matchLabels and matchExpressions together are ANDed', () => {
    const s = sel({ app: 'web' }, [{ key: 'tier', operator: 'In', values: ['a', 'b'] }]);
    expect(selectorMatches(s, { app: 'web', tier: 'a' })).toBe(true);
    expect(selectorMatches(s, { app: 'web', tier: 'c' })).toBe(false);
    expect(selectorMatches(s, { app: 'api', tier: 'a' })).toBe(false);
  });
  it('In needs the key; NotIn matches objects lacking the key', () => {
    expect(selectorMatches(sel({}, [{ key: 'k', operator: 'In', values: ['v'] }]), {})).toBe(false);
    expect(selectorMatches(sel({}, [{ key: 'k', operator: 'NotIn', values: ['v'] }]), {})).toBe(true);
    expect(selectorMatches(sel({}, [{ key: 'k', operator: 'NotIn', values: ['v'] }]), { k: 'v' })).toBe(false);
  });
  it('Exists and DoesNotExist test the key only', () => {
    expect(selectorMatches(sel({}, [{ key: 'k', operator: 'Exists', values: [] }]), { k: '' })).toBe(true);
    expect(selectorMatches(sel({}, [{ key: 'k', operator: 'DoesNotExist', values: [] }]), { k: '' })).toBe(false);
  });
  it('{} matches everything', () => {
    expect(selectorMatches(sel(), { any: 'thing' })).toBe(true);
    expect(formatSelector(sel())).toBe('{}');
  });
});
