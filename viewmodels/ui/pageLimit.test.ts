import { describe, expect, it } from 'vitest';
import { MAX_PAGE_ROWS, nextLimit, pageLimit } from './pageLimit';

describe('page limits', () => {
  it('read ?limit= as a positive whole number, capped so no URL makes a page unbounded', () => {
    expect(pageLimit(undefined)).toBe(200);
    expect(pageLimit('50')).toBe(50);
    expect(pageLimit(['70', '90'])).toBe(70);
    expect(pageLimit('12.7')).toBe(12);
    expect(pageLimit('1000000000')).toBe(MAX_PAGE_ROWS);
    expect(pageLimit('-1')).toBe(200);
    expect(pageLimit('x')).toBe(200);
  });

  it('grow by five pages up to the cap', () => {
    expect(nextLimit(200)).toBe(1200);
    expect(nextLimit(4800)).toBe(MAX_PAGE_ROWS);
  });
});
