import { describe, expect, it } from 'vitest';
import { formatLabels, formatLocation, formatTime, plural } from './format';

describe('formatLabels', () => {
  it('sorts by key', () => {
    expect(formatLabels({ b: '2', a: '1' })).toEqual(['a=1', 'b=2']);
  });
});

describe('formatLocation', () => {
  it('prefers the line, else the 1-based document and item index', () => {
    expect(formatLocation({ file: 'a.yaml', line: 12, documentIndex: 1 })).toBe('a.yaml:12');
    expect(formatLocation({ file: 'a.yaml', documentIndex: 0, itemIndex: 3 })).toBe('a.yaml#1[3]');
    expect(formatLocation(undefined)).toBe('');
  });
});

describe('formatTime', () => {
  it('renders in UTC whatever the host zone, and leaves unparseable input alone', () => {
    expect(formatTime('2026-11-22T18:40:05.123+02:00')).toBe('2026-11-22 16:40:05 UTC');
    expect(formatTime('not a time')).toBe('not a time');
  });
});

describe('plural', () => {
  it('picks the singular only for one', () => {
    expect(plural(1, 'policy', 'policies')).toBe('1 policy');
    expect(plural(0, 'policy', 'policies')).toBe('0 policies');
    expect(plural(1200, 'pod')).toBe('1,200 pods');
  });
});
