import { describe, expect, it } from 'vitest';
import { textStream } from './textStream';

const decoder = new TextDecoder();

describe('textStream', () => {
  it('sends the pieces as UTF-8, gathered into chunks of about chunkChars', async () => {
    const pieces = Array.from({ length: 10 }, (_, i) => `${i}é`.repeat(3));
    const chunks: string[] = [];
    for await (const c of textStream(pieces, 12)) chunks.push(decoder.decode(c));
    expect(chunks.join('')).toBe(pieces.join(''));
    // 6 characters per piece, a chunk closes once it holds 12 or more: two pieces each.
    expect(chunks.map((c) => c.length)).toEqual([12, 12, 12, 12, 12]);
  });

  it('computes a piece only when the client reads, lets timers run between chunks, and stops when the client goes', async () => {
    const made: number[] = [];
    let ended = false;
    function* pieces() {
      try {
        for (let i = 0; i < 100; i++) {
          made.push(i);
          yield `piece ${i};`;
        }
      } finally {
        ended = true;
      }
    }
    const reader = textStream(pieces(), 1).getReader();
    expect(made).toEqual([]);
    let ticked = false;
    setImmediate(() => (ticked = true));
    await reader.read();
    // The first chunk waited for a turn of the event loop: the immediate queued before it ran first.
    expect(ticked).toBe(true);
    await reader.read();
    expect(made).toEqual([0, 1]);
    await reader.cancel();
    expect(ended).toBe(true);
    expect(made).toEqual([0, 1]);
  });
});
