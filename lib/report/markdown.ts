// Names in Markdown output come from manifests anyone can write: a `|` would split a table cell, a backtick end a code
// span, `<img onerror>` become HTML, `[x](javascript:…)` a link. Every name goes through one of these.

// Inline markup anywhere in a line (CommonMark 0.31 §2.4: any ASCII punctuation may be backslash-escaped; GFM adds
// `~` strikethrough and `|` cells). `&` starts entity references, `!` images.
const INLINE = /[\\`*_[\]<>|#~!&]/g;
// What starts a block at the start of a line (after `- ` too): bullet markers and thematic breaks (`-`, `+`), quotes,
// ordered list markers (up to 9 digits, then `.` or `)` and a space or the end: CommonMark 0.31 §5.2).
const BLOCK_START = /^(\s*)([-+>]|\d{1,9}[.)](?=\s|$))/;

/** Folds CommonMark line endings (LF, CR, CRLF) into spaces: a name never starts a new line of Markdown. */
const oneLine = (s: string) => s.replace(/\r\n|\r|\n/g, ' ');

/** Text shown as itself anywhere in Markdown (a paragraph, list item, heading or table cell). */
export function mdText(s: string): string {
  return oneLine(s)
    .replace(INLINE, '\\$&')
    .replace(BLOCK_START, (_, space: string, marker: string) => `${space}${marker.length === 1 ? `\\${marker}` : `${marker.slice(0, -1)}\\${marker.slice(-1)}`}`);
}

/** The same, inside a GFM table cell (where mdText already escapes `|`). */
export const mdCell = mdText;

/**
 * `s` as a code span, verbatim: fenced by one backtick more than its longest backtick run and padded with spaces
 * when it starts or ends with a backtick or space (CommonMark 0.31 §6.1 strips one space each side).
 * `inTable`: a `|` is written `\|`, which GFM reads as part of the cell, even inside code (GFM spec, tables).
 */
export function mdCode(s: string, inTable = false): string {
  const text = oneLine(s);
  if (text === '') return '';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${inTable ? text.replace(/\|/g, '\\|') : text}${pad}${fence}`;
}

/** A code span inside a GFM table cell. */
export const mdCellCode = (s: string) => mdCode(s, true);
