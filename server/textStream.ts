// Server-only: large responses as streams of text pieces, with a turn of the event loop before each chunk.
import 'server-only';

/**
 * Characters gathered into one chunk of the response: about 1 MB, a few ms to make, so a 50 MB export waits for about
 * 50 turns of a busy event loop rather than 200.
 */
export const CHUNK_CHARS = 1024 * 1024;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A response body made of `pieces` (a generator that computes each piece when asked), UTF-8 encoded. Each chunk is
 * made only when the client reads and after a `setImmediate` turn, so other requests (/api/snapshot, health, SSE)
 * run between chunks instead of waiting for the whole body; a client that goes away stops the generator.
 */
export function textStream(pieces: Iterable<string>, chunkChars = CHUNK_CHARS): ReadableStream<Uint8Array> {
  const it = pieces[Symbol.iterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await turn();
      let text = '';
      while (text.length < chunkChars) {
        const next = it.next();
        if (next.done) {
          if (text !== '') controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += next.value;
      }
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      it.return?.();
    },
  });
}
