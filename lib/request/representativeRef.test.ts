import { describe, expect, it } from 'vitest';
import { parseEndpointRef } from './endpoint';
import { parseRepresentativeRef } from './representativeRef';

describe('representative-peer references', () => {
  it('reads the forms the exposure list prints, braces or not', () => {
    expect(parseEndpointRef('[namespace with team=x]/[pod with role=monitoring]')).toEqual({
      ok: true,
      value: { kind: 'representative', text: '[namespace with team=x]/[pod with role=monitoring]', namespace: { kind: 'labelled', labels: { team: 'x' } }, podLabels: { role: 'monitoring' } },
    });
    expect(parseRepresentativeRef('[namespace with {foo.com/managed-state=managed,env=prod}]/[all pods]')).toMatchObject({ ok: true, value: { namespace: { kind: 'labelled', labels: { 'foo.com/managed-state': 'managed', env: 'prod' } }, podLabels: {} } });
    expect(parseRepresentativeRef('payments/[pod with {app=probe}]')).toMatchObject({ ok: true, value: { namespace: { kind: 'named', name: 'payments' }, podLabels: { app: 'probe' } } });
    expect(parseRepresentativeRef('[all namespaces]/[all pods]')).toMatchObject({ ok: true, value: { namespace: { kind: 'labelled', labels: {} }, podLabels: {} } });
  });

  it('refuses selectors with expressions (many label sets) and malformed labels, saying why', () => {
    expect(parseRepresentativeRef('[namespace with {{Key:env,Operator:Exists,Values:[],}}]/[all pods]')).toMatchObject({ ok: false, message: expect.stringContaining('expressions') });
    expect(parseRepresentativeRef('[namespace with team]/[all pods]')).toMatchObject({ ok: false, message: '"team" in the namespace labels is not k=v' });
    expect(parseRepresentativeRef('[namespace with team=x]')).toMatchObject({ ok: false, message: expect.stringContaining('/[pod with') });
    expect(parseRepresentativeRef('Bad_NS/[all pods]')).toMatchObject({ ok: false });
    expect(parseRepresentativeRef('[all namespaces]/[pod with a=1,a=2]')).toMatchObject({ ok: false, message: 'label a is given twice' });
  });

  it('leaves other references alone', () => {
    expect(parseEndpointRef('shop/web')).toMatchObject({ ok: true, value: { kind: 'name' } });
  });
});
