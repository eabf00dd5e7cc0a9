import { describe, expect, it } from 'vitest';
import { lineDiff, patchHunks, patchText } from './lineDiff';

describe('lineDiff', () => {
  it('keeps common lines and marks the others, in order', () => {
    expect(patchText(lineDiff('a\nb\nc\n', 'a\nx\nc\nd\n'))).toBe(['  a', '- b', '+ x', '  c', '+ d'].join('\n'));
  });
  it('a new text is all added', () => {
    expect(lineDiff('', 'a\nb\n').map((l) => l.op)).toEqual(['+', '+']);
  });
  it('hunks keep context around changes and fold the rest', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const after = before.replace('l10', 'L10');
    expect(patchText(patchHunks(lineDiff(before, after), 1))).toBe(['  …', '  l9', '- l10', '+ L10', '  l11', '  …'].join('\n'));
  });
  it('slides a run of changed lines so it adds or removes whole YAML list items', () => {
    const before = 'ports:\n  - protocol: TCP\n    port: 80\n  - protocol: TCP\n    port: 443\n';
    const after = 'ports:\n  - protocol: TCP\n    port: 443\n';
    expect(lineDiff(before, after).filter((l) => l.op !== ' ').map((l) => l.op + l.text)).toEqual(['-  - protocol: TCP', '-    port: 80']);
  });
});
