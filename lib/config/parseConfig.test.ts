import { describe, expect, it } from 'vitest';
import { groupsByUser } from './config';
import { parseConfig } from './parseConfig';

describe('parseConfig (perimeter.config.yaml, docs/config.md)', () => {
  it('reads groups and duties in both the list and the {allowed, namespaces} forms', () => {
    const { config, warnings } = parseConfig(`
groups:
  security-engineers: [alice, bob]
  app-team: [carol]
duties:
  networkPolicyEditors: [Group:security-engineers, ServiceAccount:netops/controller]
  deployers:
    allowed: [Group:app-team]
    namespaces: [shop, payments]
`);
    expect(warnings).toEqual([]);
    expect([...config.groups]).toEqual([
      ['security-engineers', ['alice', 'bob']],
      ['app-team', ['carol']],
    ]);
    expect(config.duties).toEqual([
      { name: 'networkPolicyEditors', allowed: [{ kind: 'Group', name: 'security-engineers' }, { kind: 'ServiceAccount', namespace: 'netops', name: 'controller' }] },
      { name: 'deployers', allowed: [{ kind: 'Group', name: 'app-team' }], namespaces: ['shop', 'payments'] },
    ]);
    expect(groupsByUser(config).get('alice')).toEqual(['security-engineers']);
  });
  it('a User written as system:serviceaccount:NS:NAME is that ServiceAccount', () => {
    const { config } = parseConfig('duties:\n  rbacAdmins: [User:system:serviceaccount:ci:deployer]\n');
    expect(config.duties[0].allowed).toEqual([{ kind: 'ServiceAccount', namespace: 'ci', name: 'deployer' }]);
  });
  it('skips bad entries with a warning each and keeps the rest', () => {
    const { config, warnings } = parseConfig(`
groups:
  ok: [dave, 42]
  broken: dave
duties:
  networkPolicyEditors: [Group:ok, alice, "Robot:x"]
  teaMakers: [User:x]
extra: 1
`);
    expect([...config.groups]).toEqual([['ok', ['dave']]]);
    expect(config.duties).toEqual([{ name: 'networkPolicyEditors', allowed: [{ kind: 'Group', name: 'ok' }] }]);
    expect(warnings.map((w) => w.message.replace(/^[^:]+: /, ''))).toEqual([
      'unknown key "extra" was ignored.',
      'groups.ok[1] is not a username string; it was ignored.',
      'groups.broken must be a list of usernames; it was ignored.',
      'duties.networkPolicyEditors[1] is not a subject (User:NAME, Group:NAME or ServiceAccount:NAMESPACE/NAME); it was ignored.',
      'duties.networkPolicyEditors[2] is not a subject (User:NAME, Group:NAME or ServiceAccount:NAMESPACE/NAME); it was ignored.',
      'unknown duty "teaMakers" (known: networkPolicyEditors, deployers, rbacAdmins); it was ignored.',
    ]);
    expect(warnings.every((w) => w.code === 'config-invalid')).toBe(true);
  });
  it('invalid YAML gives one error warning and an empty config, never a throw', () => {
    const { config, warnings } = parseConfig('groups: [unclosed\n');
    expect(config.duties).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['config-parse-error']);
  });
  it('an empty file is an empty config', () => {
    expect(parseConfig('').warnings).toEqual([]);
  });
});
