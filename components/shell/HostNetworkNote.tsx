import Link from 'next/link';
import type { Pod } from '@/lib/model';
import type { HostNetworkMode } from '@/lib/netpol/compile';

/**
 * Which reading of hostNetwork pods a connectivity page uses, with a link to the other one. Kubernetes leaves
 * NetworkPolicy on them to the network plugin: plugins that tell host-network pods apart enforce policies on them
 * like on any pod; most cannot, and their traffic is the node's (no policy selects them, only ipBlocks match them).
 * Nothing is shown when the snapshot has no hostNetwork pod, where the two readings agree.
 */
export function HostNetworkNote({ pods, mode, switchHref }: { pods: readonly Pod[]; mode: HostNetworkMode; switchHref: string }) {
  const host = pods.filter((p) => p.hostNetwork);
  if (host.length === 0) return null;
  const example = host
    .slice(0, 2)
    .map((p) => `${p.namespace}/${p.name}`)
    .join(', ');
  const count = `${host.length} pod${host.length === 1 ? '' : 's'} in the host network (${example}${host.length > 2 ? ', …' : ''})`;
  return (
    <p role="note" data-testid="host-network-note" data-mode={mode} className="mb-4 rounded-lg border border-zinc-800 bg-zinc-900/60 px-4 py-2.5 text-sm text-zinc-300">
      {mode === 'as-pod' ? (
        <>
          {count}: analysed <strong className="text-zinc-100">like pods</strong>, as network plugins that tell host-network traffic apart enforce
          policies. Kubernetes leaves this to the plugin, and most treat that traffic as the node&apos;s.{' '}
        </>
      ) : (
        <>
          {count}: analysed <strong className="text-zinc-100">as their node</strong>, as most network plugins do: no policy selects them and only
          ipBlocks match them.{' '}
        </>
      )}
      <Link href={switchHref} className="text-sky-300 hover:underline" data-testid="host-network-switch">
        {mode === 'as-pod' ? 'Analyse them as their node' : 'Analyse them like pods'}
      </Link>
    </p>
  );
}
