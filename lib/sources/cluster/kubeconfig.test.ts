import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeContexts, loadKubeConfig } from './kubeconfig';

const config = (context: string, server: string, current = context) =>
  `apiVersion: v1\nkind: Config\nclusters:\n- name: ${context}\n  cluster:\n    server: ${server}\nusers:\n- name: ${context}-user\n  user:\n    token: secret-${context}\ncontexts:\n- name: ${context}\n  context:\n    cluster: ${context}\n    user: ${context}-user\n    namespace: team\ncurrent-context: ${current}\n`;

let dir: string;
const saved = { KUBECONFIG: process.env.KUBECONFIG, HOME: process.env.HOME };
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'perimeter-kubeconfig-'));
  await writeFile(path.join(dir, 'a'), config('dev', 'https://dev:6443'));
  await writeFile(path.join(dir, 'b'), config('prod', 'https://prod:6443'));
});
afterAll(async () => {
  process.env.KUBECONFIG = saved.KUBECONFIG;
  process.env.HOME = saved.HOME;
  await rm(dir, { recursive: true, force: true });
});

describe('loadKubeConfig', () => {
  it('merges every KUBECONFIG path as kubectl does; the first file sets the current context', () => {
    process.env.KUBECONFIG = [path.join(dir, 'a'), path.join(dir, 'b')].join(path.delimiter);
    const kc = loadKubeConfig();
    expect(describeContexts(kc)).toEqual({
      current: 'dev',
      contexts: [
        { name: 'dev', cluster: 'dev', server: 'https://dev:6443', user: 'dev-user', namespace: 'team' },
        { name: 'prod', cluster: 'prod', server: 'https://prod:6443', user: 'prod-user', namespace: 'team' },
      ],
    });
    // Context descriptions carry no credentials.
    expect(JSON.stringify(describeContexts(kc))).not.toContain('secret-');
  });

  it('a name defined in two files is taken from the first (kubectl), and a missing file is skipped', async () => {
    await writeFile(path.join(dir, 'c'), config('dev', 'https://other-dev:6443'));
    process.env.KUBECONFIG = [path.join(dir, 'missing'), path.join(dir, 'c'), path.join(dir, 'a')].join(path.delimiter);
    const kc = loadKubeConfig();
    expect(kc.getCurrentCluster()?.server).toBe('https://other-dev:6443');
    expect(describeContexts(kc).contexts.map((c) => c.name)).toEqual(['dev']);
  });

  it('switches to a named context, and names the contexts that exist when asked for another', () => {
    process.env.KUBECONFIG = [path.join(dir, 'a'), path.join(dir, 'b')].join(path.delimiter);
    expect(loadKubeConfig('prod').getCurrentCluster()?.server).toBe('https://prod:6443');
    expect(() => loadKubeConfig('staging')).toThrow('kubeconfig has no context "staging" (contexts: dev, prod)');
  });

  it('without any kubeconfig says so instead of trying http://localhost:8080', () => {
    process.env.KUBECONFIG = '';
    process.env.HOME = path.join(dir, 'no-home');
    expect(() => loadKubeConfig()).toThrow(/^no kubeconfig found: set KUBECONFIG or create ~\/\.kube\/config/);
  });
});
