import { FAILSAFE_SCHEMA, Type, loadAll, type State } from 'js-yaml';

// The fast path for plain YAML: js-yaml reads the documents of a manifest file about ten times faster than the `yaml`
// package (which stays the reference, parseManifestText's full path). It is taken only where both give the same
// values and positions; anything else — anchors, aliases, tags, merge keys, complex or null keys, directives, unusual
// line breaks, or a document js-yaml refuses — goes to the full parser, which keeps today's warnings, the alias limit
// and the streamed document limit. The differential tests (plainYaml.test.ts) hold the two paths equal.

/** One document read by the fast path, with the positions the full parser gives. */
export interface PlainDocument {
  readonly value: unknown;
  /** 1-based line where the document's content starts. */
  readonly line: number;
  /** For a map with an `items` sequence (a `kind: List`): the 1-based line of each item. */
  readonly itemLines?: readonly number[];
}

/** Characters the scan below looks at; everything else is skipped at the cost of one comparison. */
const LF = 0x0a, CR = 0x0d, SPACE = 0x20, TAB = 0x09, COLON = 0x3a, HASH = 0x23;

/** ASCII characters the scan stops at (1), so the others cost one table look-up. */
const STOP = new Uint8Array(128);
for (const ch of '\t\r&*!?]}#|><%:') STOP[ch.charCodeAt(0)] = 1;

/** After this character a node may start: a line start, white space, a flow indicator or `:`. */
const startsNode = (c: number) => c === LF || c === CR || c === SPACE || c === TAB || c === 0x2c /* , */ || c === 0x5b /* [ */ || c === 0x7b /* { */ || c === COLON || Number.isNaN(c);
const isBlankOrEnd = (c: number) => c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);

/** The line holding `i`: its start and end offsets. */
function lineAround(text: string, i: number): [number, number] {
  const start = i > 0 ? text.lastIndexOf('\n', i - 1) + 1 : 0; // lastIndexOf(…, -1) would look at index 0
  const end = text.indexOf('\n', i);
  return [start, end < 0 ? text.length : end];
}

/**
 * For a comment line at `i`: whether the content line above ends with a `:` and the content line below is a plain
 * scalar (its value). The `yaml` package refuses that document and js-yaml reads it.
 */
function commentBetweenKeyAndValue(text: string, i: number): boolean {
  const content = (line: string) => line.trim() !== '' && !line.trimStart().startsWith('#');
  let [start] = lineAround(text, i);
  let above = '';
  while (start > 0 && !content((above = text.slice(...lineAround(text, start - 1))))) [start] = lineAround(text, start - 1);
  if (!above.trimEnd().endsWith(':')) return false;
  let [, end] = lineAround(text, i);
  let below = '';
  while (end < text.length && !content((below = text.slice(...lineAround(text, end + 1))))) [, end] = lineAround(text, end + 1);
  const v = below.trim();
  return v !== '' && !/^[-[{'"|>#]/.test(v) && !v.includes(': ') && !v.endsWith(':');
}

/** For a `:` at `i` that ends a key: whether the key is empty or a null (`~`, `null`), which the parsers name apart. */
function nullOrEmptyKey(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j--;
  if (j < 0 || startsNode(text.charCodeAt(j))) return true;
  const last = text.charCodeAt(j);
  if (last !== 0x7e && last !== 0x6c && last !== 0x4c) return false; // ~, l, L: most keys end otherwise
  for (const word of ['~', 'null', 'Null', 'NULL']) {
    if (text.startsWith(word, j - word.length + 1) && (j - word.length < 0 || startsNode(text.charCodeAt(j - word.length)))) return true;
  }
  return false;
}

/**
 * Whether `text` holds something the fast path leaves to the full parser, in one pass over the characters:
 * - node properties (`&anchor`, `!tag`), aliases (`*a`) and explicit keys (`? `): by the YAML grammar they only start
 *   a node, so they follow a line start, white space, a flow indicator or `:` (inside a quoted string they only cost
 *   speed);
 * - collections as keys (`[a]: x`), `<<` merge keys, and null or empty keys: the two parsers name those keys apart;
 * - directives (`%YAML 1.1` changes the schema) and line breaks other than LF and CRLF (lines counted apart);
 * - block scalars with an indentation indicator (`|2`), tabs in indentation, a `#` right after a quote, comma or
 *   bracket, and a comment line between a key and its plain value: what one of the parsers refuses and the other reads.
 * Quoted scalars over several lines are checked as they close (in loadPlainYaml).
 */
export function needsFullParser(text: string): boolean {
  let indentation = true; // still in the leading spaces of a line
  // Inside a run of comment (and blank) lines whose first comment was already checked: every line of the run has the
  // same content lines above and below, so commentBetweenKeyAndValue would answer the same (and scanning the run again
  // for each of its lines made a file of comments quadratic: 1 MiB of them took 33 s).
  let checkedCommentRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      indentation = true;
      continue;
    }
    if (c === SPACE) continue;
    const inIndentation = indentation;
    indentation = false;
    if (inIndentation && c !== HASH && c !== CR && c !== TAB) checkedCommentRun = false;
    if (c < 128 ? STOP[c] === 0 : c !== 0x85 && c !== 0x2028 && c !== 0x2029) continue;
    const prev = i === 0 ? LF : text.charCodeAt(i - 1);
    const next = text.charCodeAt(i + 1);
    switch (c) {
      case TAB:
        if (inIndentation) return true;
        break;
      case CR:
        if (next !== LF) return true;
        break;
      case 0x26: // &
      case 0x2a: // *
      case 0x21: // !
        if (startsNode(prev)) return true;
        break;
      case 0x3f: // ?
        if (startsNode(prev) && isBlankOrEnd(next)) return true;
        break;
      case 0x5d: // ]
      case 0x7d: {
        // }
        let j = i + 1;
        while (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB) j++;
        if (text.charCodeAt(j) === COLON) return true;
        break;
      }
      case HASH:
        if (prev === 0x27 || prev === 0x22 || prev === 0x2c || prev === 0x5b || prev === 0x5d || prev === 0x7b || prev === 0x7d) return true;
        if (inIndentation && !checkedCommentRun) {
          if (commentBetweenKeyAndValue(text, i)) return true;
          checkedCommentRun = true;
        }
        break;
      case 0x7c: // |
      case 0x3e: {
        // >
        const d = next === 0x2b || next === 0x2d ? text.charCodeAt(i + 2) : next;
        if (d >= 0x31 && d <= 0x39) return true;
        break;
      }
      case 0x3c: // <
        if (next === 0x3c) return true;
        break;
      case 0x25: // %
        if (prev === LF) return true;
        break;
      case COLON:
        if (isBlankOrEnd(next) && nullOrEmptyKey(text, i)) return true;
        break;
      case 0x85:
      case 0x2028:
      case 0x2029:
        return true;
    }
  }
  return false;
}

/**
 * The YAML 1.2 core schema's tag resolution exactly as the `yaml` package implements it (yaml/dist/schema/core): same
 * patterns, same order, same conversions. js-yaml's own CORE_SCHEMA differs at the edges (it reads `0b101` and `-0x1F`
 * as integers and `-.5` as a string, where `yaml` does the opposite).
 */
const scalar = (tag: string, test: RegExp, construct: (s: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (s: string | null) => s !== null && test.test(s), construct: (s: string) => construct(s) });
const YAML_CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
    scalar('int', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (s) => (s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10))),
    scalar(
      'float',
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/,
      (s) => (/nan$/i.test(s) ? NaN : /inf$/i.test(s) ? (s[0] === '-' ? -Infinity : Infinity) : parseFloat(s)),
    ),
  ],
});

class LeaveToFullParser extends Error {}

/**
 * The documents of `text` with their positions, or undefined when the text needs the full parser (see above) or has
 * more than `maxDocuments` documents (the full parser streams and stops at the limit).
 */
export function loadPlainYaml(source: string, maxDocuments: number): PlainDocument[] | undefined {
  // js-yaml drops a byte order mark before it counts offsets; so does this, so that offsets agree (lines do anyway).
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (needsFullParser(text)) return undefined;
  const docs: PlainDocument[] = [];
  // js-yaml calls the listener when each node opens (at its first character: its line is state.line, 0-based) and when
  // it closes (with its value). Nesting is not one level per YAML level (js-yaml wraps some nodes in another while it
  // looks for a mapping key), so a sequence's entries are found as the nodes opened directly under the node whose
  // value is the sequence; that is only tracked near the root, where a List's items are.
  let depth = 0;
  let rootLine = 0;
  let gapStart = 0; // where the text before the current document starts: its `---`, if any, is in there
  let explicitStart = false;
  const childLines: number[][] = [];
  const openLine: number[] = [];
  let linesOf = new Map<unknown, number[]>();
  const listener = (event: 'open' | 'close', state: State) => {
    if (event === 'open') {
      depth++;
      openLine[depth] = state.line;
      if (depth === 1) {
        if (docs.length >= maxDocuments) throw new LeaveToFullParser();
        // An indented root (` - a` then `- b`) is where js-yaml forgives a change of indentation and YAML does not.
        if (state.position !== state.lineStart && state.position < text.length) throw new LeaveToFullParser();
        rootLine = state.line + 1;
        explicitStart = /^---(?:\s|$)/m.test(text.slice(gapStart, state.position));
        linesOf = new Map();
      }
      if (depth >= 2 && depth <= 4) childLines[depth - 2].push(state.line + 1);
      if (depth <= 3) childLines[depth - 1] = [];
      return;
    }
    // A quoted scalar over several lines: YAML wants its continuation lines indented under their key, js-yaml does not
    // check that. Rare in manifests; the full parser judges them.
    const last = text.charCodeAt(state.position - 1);
    if (state.kind === 'scalar' && (last === 0x22 || last === 0x27) && state.line !== openLine[depth]) throw new LeaveToFullParser();
    if (depth <= 3 && Array.isArray(state.result) && !linesOf.has(state.result)) linesOf.set(state.result, childLines[depth - 1]);
    if (depth === 1) {
      gapStart = state.position;
      const value: unknown = state.result;
      // The `yaml` package has no document for trailing comments or a last `...` (js-yaml reads an empty one there).
      if (state.kind === null && !explicitStart) {
        if (state.position < text.length - 1) throw new LeaveToFullParser();
        depth--;
        return;
      }
      const items = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).items : undefined;
      const lines = Array.isArray(items) ? linesOf.get(items) : undefined;
      // An entry js-yaml reads without opening a node (an empty `-`) would shift the lines: leave it to the full parser.
      if (Array.isArray(items) && lines?.length !== items.length) throw new LeaveToFullParser();
      docs.push({ value, line: rootLine, ...(lines ? { itemLines: lines } : {}) });
    }
    depth--;
  };
  try {
    loadAll(text, null, { schema: YAML_CORE, listener });
    return docs;
  } catch {
    return undefined; // a syntax error, a duplicate key, an unknown tag…: the full parser says what and where
  }
}
