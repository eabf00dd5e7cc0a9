// The CLI as built JavaScript: one esbuild bundle of cli/main.ts, so `perimeter` starts without compiling TypeScript.
// Built by `npm install` (the prepare script), by `npm run build:cli`, and by bin/perimeter itself when the bundle is
// missing or older than a source it is built from (so a checkout always runs its own code).
//   node scripts/cli-bundle.cjs     builds it
'use strict';
const { mkdirSync, renameSync, statSync } = require('node:fs');
const path = require('node:path');
const { newestMtime } = require('./newestMtime.cjs');

const root = path.resolve(__dirname, '..');
// Two folders deep, like cli/commands/, so that paths the CLI finds relative to its own file (package.json, demo/)
// are the same from the bundle as from the sources.
const BUNDLE = path.join(root, 'dist', 'cli', 'perimeter.cjs');
/** What the bundle is built from. Tests do not go into it. */
const INPUTS = ['cli', 'lib', 'package.json', 'scripts/cli-bundle.cjs', 'scripts/newestMtime.cjs'];

/** Why the bundle must be (re)built, or undefined when it is newer than every input. */
function staleReason() {
  let built;
  try {
    built = statSync(BUNDLE).mtimeMs;
  } catch {
    return 'no bundle yet';
  }
  const stale = INPUTS.filter((input) => newestMtime(path.join(root, input)) > built);
  return stale.length > 0 ? `${stale.join(', ')} changed` : undefined;
}

/** Builds the bundle (written to a temporary file, then renamed: concurrent runs never see half a file). */
function build() {
  const esbuild = require('esbuild');
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  mkdirSync(path.dirname(BUNDLE), { recursive: true });
  esbuild.buildSync({
    entryPoints: [path.join(root, 'cli', 'main.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Only `--cluster` needs it, loaded on demand; bundling it would make every start parse megabytes.
    external: ['@kubernetes/client-node'],
    logLevel: 'warning',
  });
  renameSync(tmp, BUNDLE);
  return BUNDLE;
}

/** The bundle's path, built first when missing or stale. */
function ensureBuilt() {
  return staleReason() === undefined ? BUNDLE : build();
}

module.exports = { BUNDLE, staleReason, build, ensureBuilt };

if (require.main === module) {
  build();
  process.stdout.write(`built ${path.relative(root, BUNDLE)}\n`);
}
