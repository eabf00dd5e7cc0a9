#!/usr/bin/env node
// `npm run test:all`: every check a change must pass, in order, stopping at the first failure. `.ci/run` calls it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hasShared = existsSync(path.resolve(root, '..', 'shared'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The steps, each an npm script; conformance needs ../shared beside the checkout. */
const STEPS = [
  { script: 'typecheck', what: 'TypeScript, strict' },
  { script: 'lint', what: 'ESLint' },
  { script: 'test', what: 'unit tests (vitest)' },
  { script: 'test:conformance', what: 'conformance tests against ../shared', skip: hasShared ? undefined : '../shared not found beside the checkout' },
  { script: 'test:postgres', what: 'the history store on a real PostgreSQL 15 (Debian postgresql, started in a temp dir)' },
  { script: 'test:cluster', what: 'against a real kube-apiserver + etcd (scripts/local-cluster; built from Go modules once, then cached)' },
  { script: 'build', what: 'production build (next build)' },
  { script: 'test:e2e', what: 'end-to-end tests (Playwright, Debian chromium)' },
];

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const summary = [];
for (const step of STEPS) {
  console.log(`\n=== ${step.script}: ${step.what} ===`);
  if (step.skip) {
    console.log(`skipped: ${step.skip}`);
    summary.push(`  skipped  ${step.script} (${step.skip})`);
    continue;
  }
  const t0 = Date.now();
  const r = spawnSync(npm, ['run', '--silent', step.script], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  const took = seconds(Date.now() - t0);
  if (r.status !== 0) {
    summary.push(`  FAILED   ${step.script} (${took})`);
    console.error(`\n${summary.join('\n')}\n\ntest:all FAILED at ${step.script} after ${seconds(Date.now() - started)}`);
    process.exit(r.status ?? 1);
  }
  summary.push(`  ok       ${step.script} (${took})`);
}
console.log(`\n${summary.join('\n')}\n\ntest:all passed in ${seconds(Date.now() - started)}`);
