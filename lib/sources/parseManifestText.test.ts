import { describe, expect, it } from 'vitest';
import { parseManifestText } from './parseManifestText';

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

describe('parseManifestText', () => {
  it('reads every document of a multi-document YAML file with its index and line', () => {
    const r = parseManifestText('m.yaml', `${ns('a')}---\n${ns('b')}---\n${ns('c')}`);
    expect(r.warnings).toEqual([]);
    expect(r.objects.map((o) => o.origin)).toEqual([
      { file: 'm.yaml', documentIndex: 0, line: 1 },
      { file: 'm.yaml', documentIndex: 1, line: 6 },
      { file: 'm.yaml', documentIndex: 2, line: 11 },
    ]);
  });

  it('reads a JSON object', () => {
    const r = parseManifestText('p.json', JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } }));
    expect(r.objects).toHaveLength(1);
    expect(r.objects[0].object.kind).toBe('Pod');
  });

  it('flattens kind: List items with their item index', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- ${ns('a').replace(/\n/g, '\n  ').trimEnd()}\n- ${ns('b').replace(/\n/g, '\n  ').trimEnd()}\n`;
    const r = parseManifestText('l.yaml', text);
    expect(r.objects.map((o) => [o.object.kind, o.origin.itemIndex, o.origin.line])).toEqual([
      ['Namespace', 0, 4],
      ['Namespace', 1, 8],
    ]);
  });

  it('gives PodList items without kind the kind Pod (kubectl JSON output)', () => {
    const text = JSON.stringify({ kind: 'PodList', apiVersion: 'v1', items: [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }] });
    const r = parseManifestText('pods.json', text);
    expect(r.objects.map((o) => o.object.kind)).toEqual(['Pod', 'Pod']);
    expect(r.objects[1].origin).toStrictEqual({ file: 'pods.json', documentIndex: 0, itemIndex: 1 });
  });

  it('reads Helm output: # Source comments, --- separators, empty documents, no warnings', () => {
    const text = `---\n# Source: chart/templates/a.yaml\n${ns('a')}---\n# Source: chart/templates/empty.yaml\n---\n---\n# Source: chart/templates/b.yaml\n${ns('b')}---\n`;
    const r = parseManifestText('helm.yaml', text);
    expect(r.warnings).toEqual([]);
    expect(r.objects.map((o) => (o.object.metadata as { name: string }).name)).toEqual(['a', 'b']);
  });

  it('warns about a document that does not parse, naming file and index, and keeps the rest', () => {
    const r = parseManifestText('bad.yaml', `${ns('a')}---\nkind: [unclosed\n---\n${ns('c')}`);
    expect(r.objects).toHaveLength(2);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'yaml-parse-error', severity: 'error', origin: { file: 'bad.yaml', documentIndex: 1 } });
    expect(r.warnings[0].message).toMatch(/^bad\.yaml#1: YAML does not parse \(.+\); document skipped$/);
  });

  it('warns about a JSON file that does not parse', () => {
    const r = parseManifestText('x.json', '{"kind": "Pod", ');
    expect(r.objects).toEqual([]);
    expect(r.warnings[0].code).toBe('yaml-parse-error');
    expect(r.warnings[0].message).toContain('x.json#0: YAML does not parse');
  });

  it('skips an array or a plain map that is not a Kubernetes object, naming the file', () => {
    const arr = parseManifestText('connlist_output.json', '[{"src": "a", "dst": "b"}]');
    expect(arr.objects).toEqual([]);
    expect(arr.warnings).toEqual([
      expect.objectContaining({ code: 'not-a-kubernetes-object', severity: 'warning', message: 'connlist_output.json#0 (line 1): skipped a JSON/YAML array that is not a Kubernetes object' }),
    ]);
    const map = parseManifestText('values.yaml', 'replicas: 3\nimage: nginx\n');
    expect(map.warnings[0].message).toBe('values.yaml#0 (line 1): skipped a map without apiVersion/kind: not a Kubernetes object');
  });

  it('reports an object with apiVersion but no kind as an error', () => {
    const r = parseManifestText('nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: x\n');
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'missing-kind', severity: 'error', message: 'nokind.yaml#0 (line 1): object has no kind; skipped' })]);
  });

  it('refuses a file over the size limit with a message naming the file and the limit', () => {
    // 60 × 'é' is 120 UTF-8 bytes (60 UTF-16 units): the limit is in bytes.
    const r = parseManifestText('big.yaml', `# ${'é'.repeat(60)}`, { maxFileBytes: 100 });
    expect(r.objects).toEqual([]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'file-too-large', severity: 'error', message: 'big.yaml: 122 bytes is over the limit of 100 bytes per file; file skipped' })]);
    expect(parseManifestText('ok.yaml', ns('a'), { maxFileBytes: 100 }).objects).toHaveLength(1);
  });

  it('stops at the document limit with one warning', () => {
    const text = Array.from({ length: 5 }, (_, i) => ns(`n${i}`)).join('---\n');
    const r = parseManifestText('many.yaml', text, { maxDocuments: 3 });
    expect(r.objects).toHaveLength(3);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].message).toBe('many.yaml#3 (line 16): more than 3 documents and list items in this load; the rest of many.yaml was not read');
  });

  it('stops parsing a file of millions of empty documents at the limit, quickly', () => {
    const hostile = '---\n'.repeat(2_000_000); // 8 MB of empty documents
    const started = Date.now();
    const r = parseManifestText('empty.yaml', hostile, { maxDocuments: 1000 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.documentCount).toBe(1000);
    expect(r.warnings.map((w) => w.code)).toEqual(['too-many-documents']);
  });

  it('counts List items against the document limit', () => {
    const text = JSON.stringify({ kind: 'NamespaceList', items: Array.from({ length: 10 }, (_, i) => ({ metadata: { name: `n${i}` } })) });
    const r = parseManifestText('l.json', text, { maxDocuments: 4 });
    expect(r.objects).toHaveLength(3); // the List document itself counts as one
    expect(r.warnings[0].code).toBe('too-many-documents');
  });

  it('refuses a "billion laughs" alias bomb', () => {
    const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [p, c] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g']]) lol.push(`${c}: &${c} [${Array(9).fill(`*${p}`).join(',')}]`);
    const r = parseManifestText('bomb.yaml', `${lol.join('\n')}\nkind: ConfigMap\n`);
    expect(r.objects).toEqual([]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'yaml-alias-limit', severity: 'error' })]);
    expect(r.warnings[0].message).toContain('bomb.yaml#0: YAML aliases expand beyond the limit of 100');
  });

  it('never executes an unknown tag such as !!js/function: it warns and keeps a plain string', () => {
    const g = globalThis as { pwned?: boolean };
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  f: !!js/function "function () { globalThis.pwned = true; return 1 }"\n';
    const r = parseManifestText('tag.yaml', text);
    expect(g.pwned).toBeUndefined();
    expect((r.objects[0].object.data as { f: unknown }).f).toBe('function () { globalThis.pwned = true; return 1 }');
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'yaml-unknown-tag', message: 'tag.yaml#0: unknown YAML tag !!js/function ignored; the value is read as plain data' })]);
  });

  it('honours << merge keys as kubectl does', () => {
    const r = parseManifestText('merge.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    <<: &common {app: web}\n    tier: front\n');
    expect((r.objects[0].object.metadata as { labels: unknown }).labels).toEqual({ app: 'web', tier: 'front' });
  });

  it('reports duplicate keys as a parse error rather than keeping the last value', () => {
    const r = parseManifestText('dup.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n');
    expect(r.objects).toEqual([]);
    expect(r.warnings[0].code).toBe('yaml-parse-error');
  });

  it('survives deeply nested input without throwing', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => parseManifestText('deep.json', deep)).not.toThrow();
    expect(() => parseManifestText('deep.yaml', `a: ${deep}`)).not.toThrow();
    const r = parseManifestText('deep.json', deep);
    expect(r.objects).toEqual([]);
    expect(r.warnings.length).toBeGreaterThan(0);
  });
});
