// Server-only: started once per server process (instrumentation.ts). With a live cluster source, history records
// from the start rather than from the first page view; the audit TLS listener starts when configured.
import 'server-only';
import { loadClusterSnapshot } from '../clusterStore';
import { configuredSource } from '../sourceConfig';
import { auditTlsOptions, startAuditTlsListener } from './auditTlsListener';

export async function bootHistory(): Promise<void> {
  if (process.env.PERIMETER_HISTORY === 'off') return;
  try {
    const tls = auditTlsOptions();
    if (tls) {
      await startAuditTlsListener(tls);
      console.error(`history: audit webhook (TLS${tls.clientCa ? ', client certificates' : ''}) on https://${tls.host}:${tls.port}/api/audit`);
    }
  } catch (e) {
    console.error(`history: the audit TLS listener did not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (configuredSource().kind !== 'cluster') return;
  // Starts the cluster source, whose recorder attaches before its first list; the store (and with it alert delivery
  // and retention) opens once there is a first version to record, so an unreachable cluster opens nothing.
  void loadClusterSnapshot();
}
