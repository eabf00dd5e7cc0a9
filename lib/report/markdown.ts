/** Text safe inside a Markdown table cell: pipes escaped, line breaks folded, HTML angle brackets neutralised. */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
