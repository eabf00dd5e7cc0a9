import { describe, expect, it } from 'vitest';
import { buildRbacIndex } from '../rbac/buildRbacIndex';
import { NETWORK_POLICY } from '../rbac/resources';
import { whoCan } from '../rbac/whoCan';
import { snapshotFromTexts } from '../sources';
import { manySubjectsManifest } from './manySubjects';

describe('manySubjectsManifest', () => {
  it('binds every user in prod: the first half may patch NetworkPolicies, the second half only read them', () => {
    const s = snapshotFromTexts([{ name: 'many.yaml', text: manySubjectsManifest(100) }], { kind: 'files', paths: [] });
    expect(s.warnings).toEqual([]);
    const index = buildRbacIndex(s);
    const users = (verb: string) => whoCan(index, verb, NETWORK_POLICY, 'prod').filter((a) => a.subject.kind === 'User').map((a) => a.subject.name);
    expect(users('get')).toHaveLength(100);
    expect(users('patch')).toHaveLength(50);
    expect(users('patch')).toContain('user-00049@example.com');
    expect(users('patch')).not.toContain('user-00050@example.com');
  });
});
