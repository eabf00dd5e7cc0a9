import type { Warning } from '../model';
import type { Connectivity } from '../netpol/connectivity';
import { enumerateConnections, type Endpoint, type EnumerateOptions } from '../netpol/endpoints';
import type { PortSet } from '../netpol/portSet';
import type { ExposureJson } from './exposure';

/** Output formats of a connectivity list. */
export type ConnlistFormat = 'txt' | 'json' | 'csv' | 'md' | 'dot';
export const CONNLIST_FORMATS: readonly ConnlistFormat[] = ['txt', 'json', 'csv', 'md', 'dot'];

/** `SRC => DST : CONN` lines in the connlist format (sorted, no self-connections), each ending in a newline. */
export function* connlistTxt(conn: Connectivity, opts: EnumerateOptions = {}): Generator<string> {
  const labels = conn.ports.labels;
  for (const c of enumerateConnections(conn, opts)) yield `${c.src.name} => ${c.dst.name} : ${labels[c.ports]}\n`;
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a header `src,dst,conn`. */
export function* connlistCsv(conn: Connectivity, opts: EnumerateOptions = {}): Generator<string> {
  yield 'src,dst,conn\n';
  const labels = conn.ports.labels;
  for (const c of enumerateConnections(conn, opts)) yield `${csvField(c.src.name)},${csvField(c.dst.name)},${csvField(labels[c.ports])}\n`;
}

/** A Markdown table. */
export function* connlistMd(conn: Connectivity, opts: EnumerateOptions = {}): Generator<string> {
  yield '| src | dst | conn |\n|-----|-----|------|\n';
  const labels = conn.ports.labels;
  const md = (s: string) => s.replace(/\|/g, '\\|');
  for (const c of enumerateConnections(conn, opts)) yield `| ${md(c.src.name)} | ${md(c.dst.name)} | ${md(labels[c.ports])} |\n`;
}

function dotId(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A Graphviz digraph: one node per endpoint that takes part, one labelled edge per connection. */
export function* connlistDot(conn: Connectivity, opts: EnumerateOptions = {}): Generator<string> {
  yield 'digraph connectivity {\n';
  const labels = conn.ports.labels;
  const seen = new Set<string>();
  const node = (e: Endpoint) => {
    if (seen.has(e.name)) return '';
    seen.add(e.name);
    const shape = e.kind === 'external' ? 'box' : 'ellipse';
    return `  ${dotId(e.name)} [shape=${shape}];\n`;
  };
  for (const c of enumerateConnections(conn, opts)) {
    yield `${node(c.src)}${node(c.dst)}  ${dotId(c.src.name)} -> ${dotId(c.dst.name)} [label=${dotId(labels[c.ports])}];\n`;
  }
  yield '}\n';
}

/** The structured form of one connection. */
export interface ConnectionJson {
  readonly src: string;
  readonly dst: string;
  readonly conn: string;
  readonly ports: PortSet;
}

/**
 * JSON `{"connections": [...], "warnings": [...]}`, streamed one connection per line; `exposure` (the structured
 * exposure analysis, see lib/report/exposure.ts) goes between them when given.
 */
export function* connlistJson(conn: Connectivity, opts: EnumerateOptions = {}, warnings: readonly Warning[] = conn.warnings, exposure?: ExposureJson): Generator<string> {
  yield '{"connections":[';
  let first = true;
  for (const c of enumerateConnections(conn, opts)) {
    const item: ConnectionJson = { src: c.src.name, dst: c.dst.name, conn: conn.ports.labels[c.ports], ports: conn.ports.sets[c.ports] };
    yield `${first ? '\n' : ',\n'}${JSON.stringify(item)}`;
    first = false;
  }
  yield `\n],${exposure === undefined ? '' : `"exposure":${JSON.stringify(exposure)},`}"warnings":${JSON.stringify(warnings)}}\n`;
}

/** The renderer of a format. */
export function connlistRenderer(format: ConnlistFormat): (conn: Connectivity, opts?: EnumerateOptions) => Generator<string> {
  switch (format) {
    case 'txt':
      return connlistTxt;
    case 'csv':
      return connlistCsv;
    case 'md':
      return connlistMd;
    case 'dot':
      return connlistDot;
    case 'json':
      return connlistJson;
  }
}
