import { describe, expect, it } from 'vitest';
import { describeSourceConfig, parseSourceConfig } from './sourceConfig';

describe('parseSourceConfig', () => {
  it('an unset or blank PERIMETER_SOURCE means the demo, marked as not chosen', () => {
    expect(parseSourceConfig(undefined)).toEqual({ kind: 'demo', explicit: false });
    expect(parseSourceConfig('   ')).toEqual({ kind: 'demo', explicit: false });
  });

  it('the demo and cluster keywords are case-insensitive', () => {
    expect(parseSourceConfig('Demo')).toEqual({ kind: 'demo', explicit: true });
    expect(parseSourceConfig(' CLUSTER ')).toEqual({ kind: 'cluster' });
  });

  it('anything else is a comma-separated list of paths, trimmed, blanks and repeats dropped, order kept', () => {
    expect(parseSourceConfig('b.yaml, ./manifests/ ,,b.yaml,a.json')).toEqual({
      kind: 'files',
      paths: ['b.yaml', './manifests/', 'a.json'],
    });
  });

  it('a path that merely contains a keyword is still a path', () => {
    expect(parseSourceConfig('demo/app.yaml')).toEqual({ kind: 'files', paths: ['demo/app.yaml'] });
  });
});

describe('describeSourceConfig', () => {
  it('names the configured paths', () => {
    expect(describeSourceConfig({ kind: 'files', paths: ['a.yaml', 'b/'] })).toBe('files: a.yaml, b/');
    expect(describeSourceConfig({ kind: 'demo', explicit: false })).toBe('demo (no PERIMETER_SOURCE set)');
  });
});
