import type { ConnectionChange } from '../diff/connectivityDiff';
import { patchHunks, patchText, type FixProposal, type FixResult } from '../fix';

const changeLine = (c: ConnectionChange) => `${c.change} ${c.src} => ${c.dst} : ${c.before} -> ${c.after}`;

/** What a checked change does besides the asked connection, in one line. */
export function sideEffectSummary(p: FixProposal): string {
  if (p.sideEffects.length === 0) return 'nothing else changes';
  const n = (k: number) => `${k} other connection${k === 1 ? '' : 's'}`;
  return `it also ${[p.opened ? `opens ${n(p.opened)}` : '', p.closed ? `closes ${n(p.closed)}` : ''].filter(Boolean).join(' and ')}`;
}

function proposalText(p: FixProposal, indent: string, full: boolean): string {
  let text = p.summary.map((s) => `${indent}${s}\n`).join('');
  text += `${indent}checked: the connection becomes ${p.verdictAfter}; ${sideEffectSummary(p)}\n`;
  if (!full) return text;
  for (const c of p.sideEffects.slice(0, 10)) text += `${indent}  ${changeLine(c)}\n`;
  if (p.sideEffects.length > 10) text += `${indent}  and ${p.sideEffects.length - 10} more\n`;
  for (const patch of p.patches) {
    text += `${indent}${patch.created ? 'new' : 'patch of'} ${patch.ref} (as Perimeter reads it):\n`;
    text += `${patchText(patchHunks(patch.lines, 2)).replace(/^/gm, `${indent}  `)}\n`;
  }
  return text;
}

/** The proposed change for a verdict, the alternatives in one line each, as the CLI prints them. */
export function fixText(r: FixResult): string {
  const head = r.goal === 'allow' ? 'To allow it' : 'To block it';
  if (r.proposals.length === 0) return `${head}: ${r.notes.join(' ')}\n`;
  const [best, ...others] = r.proposals;
  let text = `${head}${best.admin ? ' (an admin change)' : ''}:\n${proposalText(best, '  ', true)}`;
  if (others.length > 0) text += `Other changes that would also do it:\n${others.map((p) => proposalText(p, '  - ', false).replace(/\n {2}- /g, '\n    ')).join('')}`;
  for (const n of r.notes) text += `  note: ${n}\n`;
  return text;
}
