import { formatLocation, type Snapshot, type Warning } from '../lib/model';
import { FILE_LIMITS, loadDemoSnapshot, loadManifestFiles, snapshotFromTexts } from '../lib/sources';
import { UsageError, type CliIO } from './command';

// The one input policy of every command (exit codes in cli/command.ts): PATHs are files and folders, `-` is stdin,
// `demo` the built-in demo cluster wherever the command runs; a PATH that does not exist is a usage error, and an
// input error (a document that does not parse, an object the API server would reject, a duplicate) is printed and
// stops the command with exit 2, because an answer over half-read input could be wrong by omission.

/** A warning's message without the location the loader writes in front of it (`file#doc item i (line n): `). */
export function bareMessage(w: Warning): string {
  if (!w.origin) return w.message;
  const file = w.origin.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return w.message.replace(new RegExp(`^${file}(#\\d+)?( item \\d+)?( \\(line \\d+\\))?: `), '');
}

/** One warning per line on stderr, `severity: file:line: message`, located as in every other view. */
export function printWarnings(io: CliIO, warnings: readonly Warning[]): void {
  for (const w of warnings) io.err(`${w.severity}: ${w.origin ? `${formatLocation(w.origin)}: ` : ''}${bareMessage(w)}\n`);
}

/** `12,345 pods`, for progress lines. */
export const podCount = (s: Snapshot) => `${s.pods.length.toLocaleString('en-US')} pod${s.pods.length === 1 ? '' : 's'}`;

/** Where the input comes from besides PATHs. */
export interface InputOptions {
  /** Read a live cluster through the kubeconfig instead of PATHs. */
  readonly cluster?: boolean;
  readonly context?: string;
}

/** The keyword for the built-in demo cluster (`./demo` reads a folder of that name). */
export const DEMO_KEYWORD = 'demo';

/**
 * Reads the input as given, with its warnings (input errors included); throws a UsageError when there is no input,
 * a PATH does not exist, or the cluster cannot be used. `null` when the cluster could not be read (printed).
 */
export async function readInput(paths: readonly string[], io: CliIO, opts: InputOptions = {}): Promise<Snapshot | null> {
  if (opts.cluster) {
    if (paths.length > 0) throw new UsageError('give PATHs or --cluster, not both');
    return readCluster(opts.context, io);
  }
  if (opts.context) throw new UsageError('--context needs --cluster');
  if (paths.length === 0) throw new UsageError('needs at least one PATH (a manifest file or folder)');
  for (const [keyword, what] of [['-', 'stdin'], [DEMO_KEYWORD, 'the built-in demo cluster']] as const) {
    if (paths.includes(keyword) && paths.length > 1) throw new UsageError(`"${keyword}" (${what}) cannot be combined with other PATHs`);
  }
  // `helm template ./chart | perimeter check -`: the manifests come on stdin.
  if (paths[0] === '-') return snapshotFromTexts([{ name: '<stdin>', text: await readStdin() }], { kind: 'files', paths: ['-'] }, FILE_LIMITS);
  if (paths[0] === DEMO_KEYWORD) return loadDemoSnapshot();
  io.progress?.(`reading ${paths.join(', ')}`);
  const snapshot = await loadManifestFiles(paths);
  io.progress?.('');
  const missing = snapshot.warnings.find((w) => w.code === 'path-not-found');
  if (missing) throw new UsageError(missing.message);
  return snapshot;
}

/** The input errors of a snapshot: what makes an answer over it incomplete. */
export function inputErrors(snapshot: Snapshot): Warning[] {
  return snapshot.warnings.filter((w) => w.severity === 'error');
}

/** Prints the input errors, if any, with the line that says why the command stops; true when there were some. */
export function reportInputErrors(snapshot: Snapshot, io: CliIO): boolean {
  const errors = inputErrors(snapshot);
  if (errors.length === 0) return false;
  printWarnings(io, errors);
  io.err(`error: ${errors.length} input error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} so the answer covers every object (perimeter load PATH lists every warning)\n`);
  return true;
}

/** `readInput`, then the policy: `null` (exit 2) when the input has errors or the cluster could not be read. */
export async function loadInput(paths: readonly string[], io: CliIO, opts: InputOptions = {}): Promise<Snapshot | null> {
  const snapshot = await readInput(paths, io, opts);
  return snapshot && !reportInputErrors(snapshot, io) ? snapshot : null;
}

async function readCluster(context: string | undefined, io: CliIO): Promise<Snapshot | null> {
  // Loaded on demand: @kubernetes/client-node takes seconds to import, and manifest commands never need it.
  const { createClusterSource, ClusterUnavailableError } = await import('../lib/sources/cluster');
  let source;
  try {
    source = createClusterSource(context);
  } catch (e) {
    throw new UsageError(`cannot use the kubeconfig${context ? ` context ${context}` : ''}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return await source.start();
  } catch (e) {
    if (e instanceof ClusterUnavailableError) {
      io.err(`error: ${e.message}\n`);
      return null;
    }
    throw e;
  } finally {
    source.stop();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
