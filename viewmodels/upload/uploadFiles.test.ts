import { describe, expect, it } from 'vitest';
import { isManifestName, pickManifestFiles } from './uploadFiles';

describe('pickManifestFiles', () => {
  it('reads .yaml, .yml and .json like the folder loader; skips other and hidden files', () => {
    expect(isManifestName('k8s/app.YAML')).toBe(true);
    expect(isManifestName('k8s/.hidden.yaml')).toBe(false);
    const { read, skipped } = pickManifestFiles([{ name: 'a.yaml' }, { name: 'README.md' }, { name: 'b.json' }, { name: 'c.yml' }]);
    expect(read.map((f) => f.name)).toEqual(['a.yaml', 'b.json', 'c.yml']);
    expect(skipped).toEqual(['README.md']);
  });

  it('the same name twice gets a suffix so warnings can tell the files apart', () => {
    expect(pickManifestFiles([{ name: 'a.yaml' }, { name: 'a.yaml' }]).read.map((f) => f.name)).toEqual(['a.yaml', 'a.yaml (2)']);
  });
});
