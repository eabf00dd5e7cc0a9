#!/usr/bin/env node
// `npm start`: build when the build is missing or older than the sources, then serve it on loopback in the foreground.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import newestMtimeModule from './newestMtime.cjs';

export const { newestMtime } = newestMtimeModule;

/** Folders and files whose changes make a new build necessary. */
export const BUILD_INPUTS = ['app', 'components', 'viewmodels', 'lib', 'server', 'demo', 'public', 'next.config.js', 'postcss.config.mjs', 'package.json', 'tsconfig.json'];

/** Why a build is needed in `root`, or undefined when `.next/BUILD_ID` is newer than every build input. */
export function buildReason(root) {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no build yet';
  if (!existsSync(path.join(root, '.next', 'perimeter', 'analysis-worker.mjs'))) return 'no analysis worker yet';
  const built = statSync(buildId).mtimeMs;
  const stale = BUILD_INPUTS.filter((input) => newestMtime(path.join(root, input)) > built);
  return stale.length > 0 ? `sources changed since the last build (${stale.join(', ')})` : undefined;
}

/** The signal that asked this script to stop, if any. */
let stopSignal;

/** Runs `node next <args>` in the foreground; SIGINT/SIGTERM sent to this script are passed on to it. */
function runNext(root, args, env) {
  return runNode(root, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), ...args], env);
}

/** Runs `node <args>` in the foreground, passing SIGINT/SIGTERM on. */
function runNode(root, args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    const forward = (signal) => {
      stopSignal = signal;
      child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code, signal });
    });
  });
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const host = process.env.HOST || '127.0.0.1';
  const port = process.env.PORT || '3000';

  const reason = buildReason(root);
  if (reason !== undefined) {
    console.log(`perimeter: building the dashboard (${reason})…`);
    const build = await runNext(root, ['build'], env);
    // The analysis worker is bundled beside the Next build (scripts/build-worker.mjs), as `npm run build` does.
    if (build.code === 0) build.code = (await runNode(root, [path.join(root, 'scripts', 'build-worker.mjs')], env)).code;
    if (build.code !== 0) {
      console.error(stopSignal ? `perimeter: build stopped by ${stopSignal}.` : 'perimeter: the build failed; see the output above.');
      process.exitCode = build.code ?? 1;
      return;
    }
  }

  // The server names the source it reads when it starts (instrumentation.ts): with PERIMETER_SOURCE unset that is a
  // cluster when a kubeconfig is found, which this script cannot know.
  console.log(`perimeter: serving http://${host.includes(':') ? `[${host}]` : host}:${port}`);
  const server = await runNext(root, ['start', '--hostname', host, '--port', port], env);
  process.exitCode = stopSignal ? 0 : (server.code ?? 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
