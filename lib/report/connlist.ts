import type { Warning } from '../model';
import type { Connectivity } from '../netpol/connectivity';
import { enumerateConnections, type EnumerateOptions } from '../netpol/endpoints';
import { formatPorts, type PortSet } from '../netpol/portSet';
import type { ExposureJson } from './exposure';
import { mdCell } from './markdown';

/** Output formats of a connectivity list. */
export type ConnlistFormat = 'txt' | 'json' | 'csv' | 'md' | 'dot';
export const CONNLIST_FORMATS: readonly ConnlistFormat[] = ['txt', 'json', 'csv', 'md', 'dot'];

/** A connection from a source that is not an endpoint of the connectivity: the ingress controller (lib/exposure). */
export interface ExtraConnection {
  readonly src: string;
  readonly dst: string;
  readonly ports: PortSet;
}

/**
 * What to list: the endpoints' connections (`EnumerateOptions`), then `extra` connections in their order (np-guard
 * lists `{ingress-controller} => …` last; `{` sorts after every name). `extraNote` says in JSON how they were read.
 */
export type ConnlistOptions = EnumerateOptions & {
  readonly extra?: readonly ExtraConnection[];
  readonly extraNote?: unknown;
  /** False: only the extra connections (`--focus ingress-controller`). */
  readonly endpointConnections?: boolean;
};

function* endpointConnections(conn: Connectivity, opts: ConnlistOptions) {
  if (opts.endpointConnections !== false) yield* enumerateConnections(conn, opts);
}

/** Every connection to list: the endpoints' (streamed), then the extra ones. */
function* allConnections(conn: Connectivity, opts: ConnlistOptions): Generator<{ src: string; dst: string; conn: string; ports: PortSet; srcExternal?: boolean; dstExternal?: boolean }> {
  for (const c of endpointConnections(conn, opts)) {
    yield { src: c.src.name, dst: c.dst.name, conn: conn.ports.labels[c.ports], ports: conn.ports.sets[c.ports], srcExternal: c.src.kind === 'external', dstExternal: c.dst.kind === 'external' };
  }
  for (const x of opts.extra ?? []) yield { src: x.src, dst: x.dst, conn: formatPorts(x.ports), ports: x.ports };
}

/** `SRC => DST : CONN` lines in the connlist format (sorted, no self-connections), each ending in a newline. */
export function* connlistTxt(conn: Connectivity, opts: ConnlistOptions = {}): Generator<string> {
  const labels = conn.ports.labels;
  for (const c of endpointConnections(conn, opts)) yield `${c.src.name} => ${c.dst.name} : ${labels[c.ports]}\n`;
  for (const x of opts.extra ?? []) yield `${x.src} => ${x.dst} : ${formatPorts(x.ports)}\n`;
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a header `src,dst,conn`. */
export function* connlistCsv(conn: Connectivity, opts: ConnlistOptions = {}): Generator<string> {
  yield 'src,dst,conn\n';
  for (const c of allConnections(conn, opts)) yield `${csvField(c.src)},${csvField(c.dst)},${csvField(c.conn)}\n`;
}

/** A Markdown table. */
export function* connlistMd(conn: Connectivity, opts: ConnlistOptions = {}): Generator<string> {
  yield '| src | dst | conn |\n|-----|-----|------|\n';
  for (const c of allConnections(conn, opts)) yield `| ${mdCell(c.src)} | ${mdCell(c.dst)} | ${mdCell(c.conn)} |\n`;
}

function dotId(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A Graphviz digraph: one node per endpoint that takes part, one labelled edge per connection. */
export function* connlistDot(conn: Connectivity, opts: ConnlistOptions = {}): Generator<string> {
  yield 'digraph connectivity {\n';
  const seen = new Set<string>();
  const node = (name: string, shape: 'box' | 'ellipse') => {
    if (seen.has(name)) return '';
    seen.add(name);
    return `  ${dotId(name)} [shape=${shape}];\n`;
  };
  for (const c of allConnections(conn, opts)) {
    // External ranges and the ingress controller (not an endpoint) are boxes.
    const src = node(c.src, c.srcExternal !== false ? 'box' : 'ellipse');
    yield `${src}${node(c.dst, c.dstExternal ? 'box' : 'ellipse')}  ${dotId(c.src)} -> ${dotId(c.dst)} [label=${dotId(c.conn)}];\n`;
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
export function* connlistJson(conn: Connectivity, opts: ConnlistOptions = {}, warnings: readonly Warning[] = conn.warnings, exposure?: ExposureJson): Generator<string> {
  yield '{"connections":[';
  let first = true;
  for (const c of allConnections(conn, opts)) {
    const item: ConnectionJson = { src: c.src, dst: c.dst, conn: c.conn, ports: c.ports };
    yield `${first ? '\n' : ',\n'}${JSON.stringify(item)}`;
    first = false;
  }
  const note = opts.extraNote === undefined ? '' : `"ingressController":${JSON.stringify(opts.extraNote)},`;
  yield `\n],${note}${exposure === undefined ? '' : `"exposure":${JSON.stringify(exposure)},`}"warnings":${JSON.stringify(warnings)}}\n`;
}

/** The renderer of a format. */
export function connlistRenderer(format: ConnlistFormat): (conn: Connectivity, opts?: ConnlistOptions) => Generator<string> {
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
