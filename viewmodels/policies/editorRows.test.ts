import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '@/lib/config/index';
import { buildRbacIndex, networkPolicyEditors } from '@/lib/rbac/index';
import { loadDemoSnapshot } from '@/lib/sources/index';
import { editorRows } from './editorRows';

const snapshot = await loadDemoSnapshot();
const index = buildRbacIndex(snapshot, EMPTY_CONFIG);
const [editors] = networkPolicyEditors(index, snapshot.networkPolicies.filter((p) => p.namespace === 'shop-backend' && p.name === 'default-deny-all'));

describe('editorRows (shop-backend/default-deny-all)', () => {
  const rows = editorRows(editors);
  const direct = (k: string) => rows.direct.find((r) => r.subject === k);

  it('alice edits it through the shop-developer Role, with the verbs that path grants', () => {
    expect(direct('User:alice@acme.example')).toEqual({
      subject: 'User:alice@acme.example',
      verbs: ['create', 'update', 'patch', 'delete'],
      paths: [{ text: expect.stringContaining('RoleBinding/shop-backend/shop-developers → Role/shop-backend/shop-developer'), verbs: ['create', 'update', 'patch', 'delete'] }],
    });
  });

  it('the security team edits it cluster-wide; payments-devs do not', () => {
    expect(direct('Group:security-team')?.paths[0].text).toContain('ClusterRoleBinding/security-team-networkpolicy-admin');
    expect(direct('Group:payments-devs')).toBeUndefined();
  });

  it('dave can become an editor by impersonation (an indirect editor, with the step named)', () => {
    const dave = rows.indirect.find((r) => r.subject === 'User:dave@acme.example');
    expect(dave?.steps.some((s) => s.text.startsWith('can impersonate'))).toBe(true);
    expect(dave?.steps.every((s) => s.paths.length > 0)).toBe(true);
  });
});
