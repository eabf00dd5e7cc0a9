import { Composer, LineCounter, Parser } from 'yaml';
import type { SourceLocation, Warning } from '../model';
import { loadPlainYaml } from './plainYaml';
import { isRawMap, where } from './raw';
import { DEFAULT_LIMITS, type ManifestLimits, type ParsedManifest, type RawMap, type RawObject } from './types';

/** UTF-8 byte length without allocating a copy of the text. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else n += 3;
  }
  return n;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

interface Collector {
  readonly objects: RawObject[];
  readonly warnings: Warning[];
  count: number;
  limitHit: boolean;
}

/** Counts one document or item against the limit; warns once when it is passed. */
function take(c: Collector, limits: ManifestLimits, origin: SourceLocation): boolean {
  if (c.limitHit) return false;
  if (c.count >= limits.maxDocuments) {
    c.limitHit = true;
    c.warnings.push({
      code: 'too-many-documents',
      severity: 'error',
      message: `${where(origin)}: more than ${limits.maxDocuments} documents and list items in this load; the rest of ${origin.file} was not read`,
      origin,
    });
    return false;
  }
  c.count++;
  return true;
}

/**
 * Adds one top-level value: a Kubernetes object, or a `kind: List` / `*List` whose items are flattened
 * (kubectl's typed lists, e.g. NamespaceList, may omit `kind` on items: the list's kind names it).
 */
function addValue(c: Collector, value: unknown, origin: SourceLocation, limits: ManifestLimits, itemLine?: (i: number) => number | undefined): void {
  if (value === null || value === undefined) return; // an empty document (Helm leaves many)
  if (!isRawMap(value)) {
    c.warnings.push({
      code: 'not-a-kubernetes-object',
      severity: 'warning',
      message: `${where(origin)}: skipped ${Array.isArray(value) ? 'a JSON/YAML array' : `a ${typeof value} value`} that is not a Kubernetes object`,
      origin,
    });
    return;
  }
  const kind = value.kind;
  if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(value.items)) {
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    value.items.forEach((item: unknown, i: number) => {
      const line = itemLine?.(i);
      const itemOrigin: SourceLocation = { file: origin.file, documentIndex: origin.documentIndex, itemIndex: i, ...(line !== undefined ? { line } : {}) };
      if (!take(c, limits, itemOrigin)) return;
      if (!isRawMap(item)) {
        c.warnings.push({ code: 'not-a-kubernetes-object', severity: 'warning', message: `${where(itemOrigin)}: skipped a list item that is not an object`, origin: itemOrigin });
        return;
      }
      const withKind = item.kind === undefined && itemKind !== undefined ? { ...item, kind: itemKind } : item;
      addObject(c, withKind, itemOrigin);
    });
    return;
  }
  addObject(c, value, origin);
}

function addObject(c: Collector, obj: RawMap, origin: SourceLocation): void {
  if (typeof obj.kind === 'string' && obj.kind !== '') {
    c.objects.push({ object: obj, origin });
    return;
  }
  // Something with apiVersion or metadata was meant as an object and is broken; anything else is other data.
  const looksLikeObject = 'apiVersion' in obj || 'metadata' in obj;
  c.warnings.push(
    looksLikeObject
      ? { code: 'missing-kind', severity: 'error', message: `${where(origin)}: object has no kind; skipped`, origin }
      : { code: 'not-a-kubernetes-object', severity: 'warning', message: `${where(origin)}: skipped a map without apiVersion/kind: not a Kubernetes object`, origin },
  );
}

function parseJson(c: Collector, fileName: string, text: string, limits: ManifestLimits): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false; // YAML is a superset of JSON: let the YAML parser report the error with a position
  }
  const origin: SourceLocation = { file: fileName, documentIndex: 0, line: 1 };
  if (take(c, limits, origin)) addValue(c, value, origin, limits);
  return true;
}

/** YAML through the fast path when it gives the same answer (plainYaml.ts), else through the full parser. */
function parseYaml(c: Collector, fileName: string, text: string, limits: ManifestLimits, fullParser: boolean): void {
  const plain = fullParser ? undefined : loadPlainYaml(text, limits.maxDocuments - c.count);
  if (!plain) return parseYamlFully(c, fileName, text, limits);
  for (let documentIndex = 0; documentIndex < plain.length; documentIndex++) {
    const d = plain[documentIndex];
    const origin: SourceLocation = { file: fileName, documentIndex, line: d.line };
    if (!take(c, limits, origin)) return;
    if (d.value === null || d.value === undefined) continue; // an empty document: Helm output has many
    addValue(c, d.value, origin, limits, (i) => d.itemLines?.[i]);
  }
}

/**
 * The full parser (the `yaml` package): streams the documents (Parser → Composer) so that parsing stops at the
 * document limit: a hostile file of millions of tiny documents never becomes millions of Document objects. Empty
 * documents count too.
 */
function parseYamlFully(c: Collector, fileName: string, text: string, limits: ManifestLimits): void {
  const lineCounter = new LineCounter();
  // Core schema, no custom tags: a tag such as !!js/function stays an unresolved string and is never executed.
  // Duplicate keys stay an error (as kubectl's YAML decoder rejects them) rather than a silent last-wins;
  // `<<` merge keys are honoured, as kubectl's YAML 1.1 decoder does.
  const composer = new Composer({ schema: 'core', merge: true, prettyErrors: false });
  let documentIndex = -1;
  for (const doc of composer.compose(new Parser(lineCounter.addNewLine).parse(text))) {
    documentIndex++;
    const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
    const origin: SourceLocation = { file: fileName, documentIndex, line: lineCounter.linePos(start).line };
    if (!take(c, limits, origin)) return;
    if (doc.errors.length > 0) {
      c.warnings.push({
        code: 'yaml-parse-error',
        severity: 'error',
        message: `${fileName}#${documentIndex}: YAML does not parse (${firstLine(doc.errors[0].message)}); document skipped`,
        origin,
      });
      continue;
    }
    for (const w of doc.warnings) {
      const tag = /Unresolved tag: (\S+)/.exec(w.message);
      c.warnings.push({
        code: tag ? 'yaml-unknown-tag' : 'yaml-warning',
        severity: 'warning',
        message: tag
          ? `${fileName}#${documentIndex}: unknown YAML tag ${tag[1].replace(/^tag:yaml\.org,2002:/, '!!')} ignored; the value is read as plain data`
          : `${fileName}#${documentIndex}: ${firstLine(w.message)}`,
        origin,
      });
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (e) {
      const alias = e instanceof ReferenceError && /alias/i.test(e.message);
      c.warnings.push({
        code: alias ? 'yaml-alias-limit' : 'yaml-parse-error',
        severity: 'error',
        message: alias
          ? `${fileName}#${documentIndex}: YAML aliases expand beyond the limit of ${limits.maxAliasCount} (a "billion laughs" document?); document skipped`
          : `${fileName}#${documentIndex}: YAML could not be read (${e instanceof Error ? firstLine(e.message) : String(e)}); document skipped`,
        origin,
      });
      continue;
    }
    if (value === null || value === undefined) continue; // an empty document: Helm output has many
    const itemLine = (i: number): number | undefined => {
      const node = doc.getIn(['items', i], true) as { range?: [number, number, number] } | undefined;
      return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    };
    addValue(c, value, origin, limits, itemLine);
  }
}

/**
 * Pure: one file's text → the Kubernetes objects in it (List items flattened, each with file/document/item origin)
 * plus warnings for what could not be used. Never throws on bad input.
 */
export function parseManifestText(fileName: string, text: string, limits?: Partial<ManifestLimits>): ParsedManifest {
  return parseCounted(fileName, text, { ...DEFAULT_LIMITS, ...limits }, 0);
}

/**
 * parseManifestText within a multi-file load: `counted` documents were already read against `maxDocuments`.
 * `fullYamlParser` skips the fast path (the differential tests compare the two).
 */
export function parseCounted(fileName: string, text: string, l: ManifestLimits, counted: number, fullYamlParser = false): ParsedManifest {
  const c: Collector = { objects: [], warnings: [], count: counted, limitHit: false };
  const bytes = utf8Length(text);
  if (bytes > l.maxFileBytes) {
    c.warnings.push({
      code: 'file-too-large',
      severity: 'error',
      message: `${fileName}: ${bytes} bytes is over the limit of ${l.maxFileBytes} bytes per file; file skipped`,
      origin: { file: fileName },
    });
    return { objects: [], warnings: c.warnings, documentCount: 0 };
  }
  try {
    const trimmed = text.trimStart();
    const jsonLike = trimmed.startsWith('{') || trimmed.startsWith('[');
    if (!(jsonLike && parseJson(c, fileName, text, l))) parseYaml(c, fileName, text, l, fullYamlParser);
  } catch (e) {
    // Deeply nested input can exhaust the parser's stack; report it instead of crashing the load.
    c.warnings.push({
      code: 'yaml-parse-error',
      severity: 'error',
      message: `${fileName}: could not be parsed (${e instanceof Error ? firstLine(e.message) : String(e)}); file skipped`,
      origin: { file: fileName },
    });
  }
  return { objects: c.objects, warnings: c.warnings, documentCount: c.count - counted };
}
