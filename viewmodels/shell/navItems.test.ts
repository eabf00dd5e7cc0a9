import { describe, expect, it } from 'vitest';
import { isActive, NAV_ITEMS } from './navItems';

describe('isActive', () => {
  it('Overview is active only on / itself, not on every page under it', () => {
    expect(isActive('/', '/')).toBe(true);
    expect(isActive('/', '/policies')).toBe(false);
  });

  it('a section is active on its own page and pages below it, not on a name that merely starts the same', () => {
    expect(isActive('/access', '/access')).toBe(true);
    expect(isActive('/access', '/access/matrix')).toBe(true);
    expect(isActive('/access', '/accessibility')).toBe(false);
  });
});

describe('NAV_ITEMS', () => {
  it('lists the sections, What-if and Open files in sidebar order', () => {
    expect(NAV_ITEMS.map((i) => i.href)).toEqual(['/', '/graph', '/exposure', '/explain', '/policies', '/access', '/findings', '/history', '/what-if', '/open']);
  });
});
