import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify, type ToStringOptions } from 'yaml';
import { seededRandom } from '../synthetic/generateCluster';
import { parseCounted } from './parseManifestText';
import { loadPlainYaml } from './plainYaml';
import { DEFAULT_LIMITS } from './types';

// The fast path must give exactly what the full parser gives: objects, origins (document, item, line) and warnings.
const both = (text: string, name = 't.yaml') => ({ fast: parseCounted(name, text, DEFAULT_LIMITS, 0), full: parseCounted(name, text, DEFAULT_LIMITS, 0, true) });
const expectSame = (text: string, name?: string) => {
  const { fast, full } = both(text, name);
  expect(fast, JSON.stringify(text).slice(0, 400)).toEqual(full);
};

const repo = path.resolve(__dirname, '..', '..');
const yamlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });

/** Scalars where YAML parsers disagree most: numbers in every base and spelling, nulls, booleans, YAML 1.1 forms. */
const TRICKY = ['0123', '0o17', '0x1F', '0X1F', '0b101', '-0x1F', '+0o7', '+12', '-0', '00', '09', '1_000', '.5', '-.5', '+.5', '1.', '-1.', '1e3', '1E-3', '1.5e+3', '.5e3', '1e', 'e3', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', 'NaN', 'Infinity', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'No', 'on', 'OFF', 'y', 'n', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '12:30:00', '1:20', '190:20:30', '0.', '0.0', '-0.0', '12345678901234567890', '0x', '0o', '.', '..', '+', '-', 'é', 'x y', '__proto__', 'constructor'];

describe('plain YAML fast path (js-yaml) = full parser (yaml)', { timeout: 60_000 }, () => {
  it('is taken for the demo and fixture manifests, and gives the same objects, origins and warnings there', () => {
    const files = [...yamlFiles(path.join(repo, 'demo')), ...yamlFiles(path.join(repo, 'cli')), ...yamlFiles(path.join(repo, 'e2e'))];
    expect(files.length).toBeGreaterThan(10);
    let fast = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      if (loadPlainYaml(text, DEFAULT_LIMITS.maxDocuments)) fast++;
      expectSame(text, path.relative(repo, f));
    }
    expect(fast / files.length).toBeGreaterThan(0.6);
  });

  it('resolves every tricky plain scalar as the YAML 1.2 core schema of the `yaml` package does, as a value and as a key', () => {
    for (const s of TRICKY) {
      const asKey = /^(?:~|null|Null|NULL)$/.test(s) ? '' : `map:\n  ${s}: v\n`; // null keys: the full parser's
      const text = `kind: ConfigMap\nvalue: ${s}\nlist: [${s}, x]\nblock:\n- ${s}\n${asKey}`;
      if (s !== '-') expect(loadPlainYaml(text, 10), s).toBeDefined(); // `[-, x]` is an error (js-yaml's, then yaml's)
      expectSame(text);
    }
  });

  it('leaves anchors, aliases, tags, merge keys, complex and null keys, directives and CR line breaks to the full parser', () => {
    const full = ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: !custom x\n', '<<: {a: 1}\nb: 2\n', '? [a, b]\n: c\n', '[a]: b\n', '{a: 1}: b\n', '~: a\n', 'null: a\n', ': a\n', '%YAML 1.1\n---\na: yes\n', 'a: 1\rb: 2\r', 'a: 1\u2028b: 2\n'];
    for (const text of full) {
      expect(loadPlainYaml(text, 10), JSON.stringify(text)).toBeUndefined();
      expectSame(text);
    }
  });

  it('keeps document indexes, lines of documents and List items, empty documents and the document limit', () => {
    const ns = (n: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${n}\n`;
    const list = `# a comment\napiVersion: v1\nkind: List\nitems:\n- ${ns('a').trimEnd().replace(/\n/g, '\n  ')}\n-\n  # the item starts below\n  ${ns('b').trimEnd().replace(/\n/g, '\n  ')}\n- {apiVersion: v1, kind: Namespace, metadata: {name: c}}\n`;
    for (const text of [`${ns('a')}---\n${ns('b')}`, `---\n# c\n${ns('a')}---\n---\n\n${ns('b')}---\n`, list, `${list}---\n${list}`, 'items: [a, b]\n', '---\n...\n---\n', '# only a comment\n', '', `\ufeff${ns('bom')}a: 'multi\n  line'\n`]) expectSame(text);
    const many = Array.from({ length: 30 }, (_, i) => ns(`n${i}`)).join('---\n');
    const limits = { ...DEFAULT_LIMITS, maxDocuments: 12 };
    expect(parseCounted('m.yaml', many, limits, 5)).toEqual(parseCounted('m.yaml', many, limits, 5, true));
    expect(parseCounted('m.yaml', many, limits, 5).warnings.map((w) => w.code)).toEqual(['too-many-documents']);
  });

  it('gives the same result on 600 generated manifests in every style the yaml package writes (block, flow, quoted, folded)', () => {
    const random = seededRandom(11);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.45) return pick<unknown>([...TRICKY, 'a long sentence that wraps when the line width is small, with: colons, # hashes and - dashes', 'line one\nline two\n\nline four\n', '  indented\ttab ', 42, -1.5, true, null]);
      if (r < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => [pick(['name', 'labels', 'app.kubernetes.io/name', 'x y', `k${i}`, 'ports', '0123', 'true']), value(depth + 1)]));
    };
    const styles: ToStringOptions[] = [{}, { lineWidth: 20, minContentWidth: 5 }, { defaultStringType: 'QUOTE_DOUBLE' }, { defaultStringType: 'QUOTE_SINGLE' }, { defaultStringType: 'BLOCK_LITERAL' }, { defaultStringType: 'BLOCK_FOLDED', lineWidth: 30 }, { collectionStyle: 'flow' }, { indentSeq: false, indent: 4 }];
    let fast = 0;
    for (let i = 0; i < 600; i++) {
      const objects = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ apiVersion: 'v1', kind: pick(['ConfigMap', 'List']), metadata: { name: `x${i}`, labels: value(2) }, items: random() < 0.5 ? [value(1), value(1)] : undefined, data: value(1) }));
      const text = objects.map((o) => stringify(o, pick(styles))).join(pick(['---\n', '---\n# sep\n', '\n---\n\n']));
      if (loadPlainYaml(text, 100)) fast++;
      expectSame(text);
    }
    expect(fast).toBeGreaterThan(200); // most take the fast path, so this compares the two parsers
  });

  it('scans a long run of comment lines once, not once per line (1 MiB of comments took 33 s, past the test timeout)', () => {
    const text = `a:\n${'# a comment line of the run\n'.repeat(40_000)}  x\nb: 1\n`;
    expect(loadPlainYaml(text, 10)).toBeUndefined(); // a comment between a key and its plain value: the full parser's
    expectSame(`a: 1\n${'# c\n'.repeat(2_000)}b: 2\n`);
  });

  it('gives the same result on 3,000 random YAML-ish texts (errors included)', () => {
    const random = seededRandom(5);
    const alphabets = ['-:[]{}|>\'"#.,\n\n   \tabckind0129\\', '-:[]{}&*!|>\'"#%@`?,.\n\n   \tabckind0129\\<~'];
    for (let i = 0; i < 3000; i++) {
      const alphabet = alphabets[i % 2];
      expectSame(Array.from({ length: 1 + Math.floor(random() * 120) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    }
  });
});
