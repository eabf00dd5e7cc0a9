import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamIO } from './io';

const sink = (isTTY: boolean) => {
  const chunks: string[] = [];
  const w = new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) });
  return Object.assign(w, { isTTY, text: () => chunks.join('') });
};

describe('streamIO progress', () => {
  it('shows one status line on a terminal stderr, replaced by the next and cleared before any other output', async () => {
    const out = sink(false);
    const err = sink(true);
    const io = streamIO(out, err);
    io.progress!('reading 2 paths');
    io.progress!('analysing 10 pods');
    io.err('warning: x\n');
    io.progress!('writing');
    await io.out('result\n');
    expect(err.text()).toBe('reading 2 paths…\r\x1b[Kanalysing 10 pods…\r\x1b[Kwarning: x\nwriting…\r\x1b[K');
    expect(out.text()).toBe('result\n');
  });
  it('has no progress when stderr is a pipe or a file', () => {
    expect(streamIO(sink(false), sink(false)).progress).toBeUndefined();
  });
});
