import type { Labels } from '@/lib/model/index';

/** An ISO time as `2026-11-22 16:40:05 UTC`: fixed zone, so server output and screenshots do not depend on the host. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `k=v` pairs, sorted by key, for compact label display. */
export function formatLabels(labels: Labels): string[] {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`);
}

export { formatLocation } from '@/lib/model/origin';

export { plural } from '@/lib/report/plural';
