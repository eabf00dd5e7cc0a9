import { describe, expect, it } from 'vitest';
import { analyze } from '@/lib/analyses/analyses';
import { applyWhatIf } from '@/lib/diff/whatIf';
import { proposeFixes } from '@/lib/fix';
import { explain } from '@/lib/netpol/explain';
import { parseExplainRequest } from '@/lib/request';
import { loadDemoSnapshot } from '@/lib/sources/loadDemoSnapshot';
import { fixView } from '@/viewmodels/explain/fixView';
import { whatIfPrefill } from './whatIfPrefill';

describe('Try in What-if', () => {
  it('opens What-if with the proposal the Explain page showed, which flips the verdict when applied', async () => {
    const base = analyze(await loadDemoSnapshot());
    const { request } = parseExplainRequest({ from: 'shop-backend/checkout', to: 'payments/payments-api', port: '8443' });
    const view = fixView(request, proposeFixes(base, request));
    const href = new URL(view.best!.whatIfHref, 'http://x');
    expect(href.pathname).toBe('/what-if');
    const prefill = whatIfPrefill(base, Object.fromEntries(href.searchParams));
    expect(prefill?.note).toBe('Pre-filled with the change Explain proposed for shop-backend/checkout → payments/payments-api on 8443: Add TCP 8443 to ingress rule #1 of NetworkPolicy payments/payments-api-from-checkout, which already names checkout.');
    expect(prefill?.explainHref).toBe('/explain?from=shop-backend%2Fcheckout&to=payments%2Fpayments-api&port=8443');
    const { head } = applyWhatIf(base.snapshot, { files: [{ name: 'fix.yaml', text: prefill!.yaml }], deletions: prefill!.deletions });
    const after = explain(analyze(head).compiled, request);
    expect(after.ok && after.explanation.verdict).toBe('allowed');
  });
  it('says so when the snapshot no longer proposes that change, and is absent without a fix', async () => {
    const base = analyze(await loadDemoSnapshot());
    expect(whatIfPrefill(base, { from: 'a/b', to: 'c/d', port: '80', fix: 'add-port:ingress:gone/x#0' })?.note).toContain('is no longer proposed on this snapshot');
    expect(whatIfPrefill(base, {})).toBeUndefined();
  });
});
