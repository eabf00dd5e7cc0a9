import { readFile } from 'node:fs/promises';
import { EMPTY_CONFIG, parseConfig, type PerimeterConfig } from '../lib/config';
import { buildRbacIndex, type RbacIndex } from '../lib/rbac/buildRbacIndex';
import type { Snapshot, Warning } from '../lib/model';
import { UsageError, type CliIO } from './command';
import { loadInput, printWarnings } from './input';
import { grantedVerbs, verbWarning } from '../lib/request';

/** Reads and parses `--config FILE` (perimeter.config.yaml); no flag means no groups and no duties. */
export async function readConfigFile(path: string | undefined): Promise<{ config: PerimeterConfig; warnings: readonly Warning[] }> {
  if (path === undefined) return { config: EMPTY_CONFIG, warnings: [] };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read --config ${path}${code ? ` (${code})` : ''}`);
  }
  return parseConfig(text, path);
}

/**
 * Loads PATHs and the config, prints their warnings that matter (errors, and RBAC ones) and a warning for each asked
 * verb that is neither a Kubernetes verb nor named by a role of the input, and builds the RBAC index.
 */
export async function loadRbacForCommand(paths: readonly string[], configPath: string | undefined, io: CliIO, verbs: readonly string[] = []): Promise<{ snapshot: Snapshot; index: RbacIndex } | null> {
  const { config, warnings } = await readConfigFile(configPath);
  const snapshot = await loadInput(paths, io);
  if (!snapshot) return null;
  const index = buildRbacIndex(snapshot, config);
  printWarnings(io, [...warnings, ...index.warnings.filter((w) => w.severity !== 'info')]);
  const granted = grantedVerbs(snapshot);
  for (const v of verbs) {
    const w = verbWarning(v, granted);
    if (w) io.err(`warning: ${w}\n`);
  }
  return { snapshot, index };
}
