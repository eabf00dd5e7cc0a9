// The AdminNetworkPolicy / BaselineAdminNetworkPolicy CRDs (kubernetes-sigs/network-policy-api), taken from the
// project's Go module so the local cluster serves them as a cluster with a supporting CNI would.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import type { KubeHttp } from './kubeHttp';

const run = promisify(execFile);

/** The release whose CRDs serve policy.networking.k8s.io/v1alpha1 (the experimental channel: a superset). */
export const NETWORK_POLICY_API_VERSION = 'v0.1.5';
const CRD_FILES = ['policy.networking.k8s.io_adminnetworkpolicies.yaml', 'policy.networking.k8s.io_baselineadminnetworkpolicies.yaml'];

/** Installs both CRDs and waits until the API server serves them. */
export async function installNetworkPolicyApiCrds(admin: KubeHttp): Promise<void> {
  const { stdout } = await run('go', ['mod', 'download', '-json', `sigs.k8s.io/network-policy-api@${NETWORK_POLICY_API_VERSION}`], { maxBuffer: 16 * 1024 * 1024 });
  const dir = (JSON.parse(stdout) as { Dir?: string }).Dir;
  if (!dir) throw new Error(`go mod download gave no directory for sigs.k8s.io/network-policy-api@${NETWORK_POLICY_API_VERSION}`);
  for (const f of CRD_FILES) await admin.apply(parse(await readFile(path.join(dir, 'config', 'crd', 'experimental', f), 'utf8')) as Record<string, unknown>);
  const deadline = Date.now() + 30_000;
  for (const plural of ['adminnetworkpolicies', 'baselineadminnetworkpolicies']) {
    while ((await admin.request('GET', `/apis/policy.networking.k8s.io/v1alpha1/${plural}`)).status !== 200) {
      if (Date.now() > deadline) throw new Error(`${plural}.policy.networking.k8s.io not served 30 s after installing its CRD`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
