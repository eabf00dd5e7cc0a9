// The analysis worker's entry (a worker_threads Worker; bundled by scripts/build-worker.mjs, 'server-only' resolved
// to nothing): computes one job at a time with lib/analyses and hands the result back in pieces, one per request.
import 'server-only';
import { parentPort } from 'node:worker_threads';
import { analyze } from '@/lib/analyses';
import type { ReportedFinding } from '@/lib/findings';
import type { Snapshot } from '@/lib/model';
import { piecesOf, type FromWorker, type SnapshotList, type ToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('analysisWorker runs as a worker thread');

interface Incoming {
  head: Extract<ToWorker, { type: 'start' }>['head'];
  config: Extract<ToWorker, { type: 'start' }>['config'];
  lists: Partial<Record<SnapshotList, unknown[]>>;
}
const incoming = new Map<number, Incoming>();
const outgoing = new Map<number, { pieces: ReportedFinding[][]; total: number; computeMs: number }>();
const send = (m: FromWorker) => port.postMessage(m);

function sendPiece(id: number) {
  const out = outgoing.get(id);
  if (!out) return;
  const items = out.pieces.shift() ?? [];
  const last = out.pieces.length === 0;
  if (last) outgoing.delete(id);
  send({ type: 'piece', id, items, last, total: out.total, computeMs: out.computeMs });
}

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'start':
      incoming.set(m.id, { head: m.head, config: m.config, lists: {} });
      return;
    case 'part': {
      const job = incoming.get(m.id);
      if (job) (job.lists[m.list] ??= []).push(...m.items);
      return;
    }
    case 'go': {
      const job = incoming.get(m.id);
      incoming.delete(m.id);
      if (!job) return;
      try {
        const snapshot = { ...job.head, ...job.lists } as Snapshot;
        const started = performance.now();
        const findings = analyze(snapshot, job.config).findings;
        outgoing.set(m.id, { pieces: piecesOf(findings), total: findings.length, computeMs: Math.round(performance.now() - started) });
        sendPiece(m.id);
      } catch (e) {
        send({ type: 'error', id: m.id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
      return;
    }
    case 'more':
      sendPiece(m.id);
      return;
  }
});
