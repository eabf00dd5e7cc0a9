import { describe, expect, it } from 'vitest';
import { warningSummary } from './warningSummary';

describe('warningSummary', () => {
  it('calls an error an error, as the warnings table does', () => {
    expect(warningSummary([{ severity: 'error' }])).toEqual({ text: '1 error', worst: 'error' });
  });
  it('counts each severity, most severe first', () => {
    expect(warningSummary([{ severity: 'info' }, { severity: 'warning' }, { severity: 'error' }, { severity: 'warning' }]).text).toBe('1 error, 2 warnings, 1 info');
  });
  it('says when there is none', () => {
    expect(warningSummary([])).toEqual({ text: 'no warnings', worst: undefined });
  });
});
