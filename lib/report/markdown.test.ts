import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { findingsMarkdown } from '../../viewmodels/findings/findingsExport';
import { analyze } from '../analyses';
import { runChecks } from './checkReport';
import { auditMd } from './auditFormats';
import { buildAuditReport } from './auditReport';
import { checkMd } from './checkFormats';
import { connlistMd } from './connlist';
import { diffMd } from './diffFormats';
import { mdCellCode, mdCode, mdText } from './markdown';
import { snapshotDiff } from '../diff/snapshotDiff';
import { snapshotFromTexts } from '../sources/snapshotFromTexts';
import { historyMd } from '../history/historyFormats';

// Rendered as GitHub would (micromark is CommonMark + GFM compliant), with raw HTML let through, so any HTML a
// name smuggled in would show up as a tag in the output.
const render = (md: string) => micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
const asHtmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** What a safe rendering must hold: no element, link or image the names made, and each name shown whole, as text. */
function expectSafe(html: string, names: readonly string[]) {
  expect(html).not.toMatch(/<(img|script|a|iframe)[\s>]|<[^>]*\son[a-z]+=/i);
  for (const n of names) expect(html).toContain(asHtmlText(n.replace(/\r?\n/g, ' ')));
}

const HOSTILE = ['a|b|c', 'x`<img src=x onerror=alert(1)>`', '[click](javascript:alert(1))', '*bold* _it_ ~~s~~', '<script>alert(1)</script>', '&lt;not-an-entity', '1. looks like a list', '- dash', '# heading', 'line\nbreak', '``two`` ` one'];

describe('Markdown escaping: every name is shown as itself', () => {
  it('as text, in a paragraph, a list item and a table cell', () => {
    for (const n of HOSTILE) {
      expectSafe(render(`Name: ${mdText(n)}`), [n]);
      expectSafe(render(`- ${mdText(n)}`), [n]);
      expectSafe(render(`${mdText(n)}`), [n]);
      const table = render(`| a | b |\n|---|---|\n| ${mdText(n)} | ${mdCellCode(n)} |`);
      expectSafe(table, [n]);
      expect(table.match(/<td>/g)).toHaveLength(2);
    }
  });

  it('as a code span that holds any backticks', () => {
    for (const n of HOSTILE) {
      const html = render(`See ${mdCode(n)} here`);
      expect(html).toContain(`<code>${asHtmlText(n.replace(/\r?\n/g, ' '))}</code>`);
    }
  });
});

const EVIL_NS = 'team|x`<img src=x onerror=alert(1)>`';
const EVIL_USER = 'mallory`<img src=x onerror=alert(2)>`|[x](javascript:alert(3))';
const EVIL_POLICY = 'allow|`<script>alert(4)</script>`';
const manifests = [
  {
    name: 'evil.yaml',
    text: `apiVersion: v1
kind: Namespace
metadata: { name: "${EVIL_NS}" }
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: "${EVIL_NS}", labels: { app: web } }
spec: { containers: [{ name: c, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: "${EVIL_POLICY}", namespace: "${EVIL_NS}" }
spec: { podSelector: {}, policyTypes: [Ingress], ingress: [{ from: [{ podSelector: {} }] }] }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: netpol-admin }
rules: [{ apiGroups: [networking.k8s.io], resources: [networkpolicies], verbs: ["*"] }, { apiGroups: [""], resources: [secrets], verbs: [get] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: evil-binding, namespace: "${EVIL_NS}" }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: netpol-admin }
subjects: [{ kind: User, name: "${EVIL_USER}", apiGroup: rbac.authorization.k8s.io }]
`,
  },
];

describe('every Markdown output of lib/report and the findings export, on names a manifest may hold', () => {
  const snapshot = snapshotFromTexts(manifests, { kind: 'upload', fileNames: ['evil.yaml'] });
  const names = [EVIL_NS, EVIL_USER, EVIL_POLICY];

  it('the fixture holds the names (the tests below would pass vacuously otherwise)', () => {
    expect(snapshot.namespaces.map((n) => n.name)).toContain(EVIL_NS);
    expect(snapshot.networkPolicies.map((p) => p.name)).toEqual([EVIL_POLICY]);
    expect(snapshot.roleBindings[0].subjects[0].name).toBe(EVIL_USER);
  });

  it('the audit report (perimeter report --format md, /api/report?format=md)', () => {
    const md = auditMd(buildAuditReport(analyze(snapshot), { generatedAt: '2026-01-01T00:00:00Z', tool: { name: 'Perimeter', version: 'test' } }));
    expect(md).toContain('mallory');
    expectSafe(render(md), names);
  });

  it('the check report (perimeter check --format md)', () => {
    const md = checkMd(runChecks(analyze(snapshot), 'high'));
    expect(md).toContain('mallory');
    expectSafe(render(md), [EVIL_USER]);
  });

  it('the diff (perimeter diff --format md, what-if)', () => {
    const empty = snapshotFromTexts([], { kind: 'upload', fileNames: [] });
    const md = diffMd(snapshotDiff(analyze(empty), analyze(snapshot), { findings: true }));
    expect(md).toContain('mallory');
    expectSafe(render(md), [EVIL_USER]);
  });

  it('the connectivity list (perimeter connectivity --format md)', () => {
    const md = [...connlistMd(analyze(snapshot).connectivity, { level: 'pod' })].join('');
    expect(md).toContain('onerror');
    expectSafe(render(md), [`${EVIL_NS}/web[Pod]`]);
  });

  it('the findings export (/api/findings?format=md)', () => {
    const findings = runChecks(analyze(snapshot), 'high').findings;
    const md = findingsMarkdown(findings, { source: `upload ${EVIL_NS}`, readAt: '2026-01-01T00:00:00Z', filter: 'q=`x`|y', config: EVIL_POLICY });
    expect(md).toContain('mallory');
    expectSafe(render(md), [EVIL_USER, EVIL_POLICY]);
  });

  it('the history export (perimeter history --format md): a kubeconfig context name is escaped too', () => {
    const context = 'prod|`<img src=x onerror=alert(5)>`';
    const md = historyMd({ cluster: { context, server: 'https://[x](javascript:alert(6))' }, generatedAt: '2026-01-01T00:00:00Z', tool: { name: 'Perimeter', version: 'test' } }, []);
    expectSafe(render(md), [context]);
  });
});
