import { describe, expect, it } from 'vitest';
import { connlistNameOfId, EXTERNALS_ID, elementId, idOfConnlistName, namespaceOfId, parseElementId, type GraphElementRef } from './elementIds';

describe('graph element ids', () => {
  const refs: GraphElementRef[] = [
    { kind: 'namespace', namespace: 'shop' },
    { kind: 'workload', namespace: 'shop', workloadKind: 'Deployment', name: 'web' },
    { kind: 'pod', namespace: 'shop', name: 'web-5d8f-abcde' },
    { kind: 'external', range: '0.0.0.0-9.255.255.255' },
    { kind: 'external', range: '::/0' },
    { kind: 'externals' },
  ];
  it('decode what they encode', () => {
    for (const ref of refs) expect(parseElementId(elementId(ref))).toEqual(ref);
  });
  it('are no element ids: edges, unknown prefixes, missing parts', () => {
    for (const id of ['wl:shop/a->wl:shop/b', 'svc:shop/web', 'wl:shop/Deployment', 'pod:web', 'ns:', 'externals2']) expect(parseElementId(id), id).toBeUndefined();
  });
  it('give the namespace of namespace, workload and pod nodes only', () => {
    expect(refs.map((r) => namespaceOfId(elementId(r)))).toEqual(['shop', 'shop', 'shop', undefined, undefined, undefined]);
    expect(namespaceOfId(EXTERNALS_ID)).toBeUndefined();
  });
  it('map connlist names both ways', () => {
    for (const name of ['shop/web[Deployment]', 'kube-system/coredns-xyz[Pod]', '0.0.0.0-255.255.255.255[External]']) expect(connlistNameOfId(idOfConnlistName(name))).toBe(name);
    expect(idOfConnlistName('shop/web[Deployment]')).toBe('wl:shop/Deployment/web');
  });
});
