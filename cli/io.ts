import type { Writable } from 'node:stream';
import type { CliIO } from './command';

/** An IO that writes to real streams, honouring backpressure so streaming millions of lines stays flat in memory. */
export function streamIO(stdout: Writable = process.stdout, stderr: Writable = process.stderr): CliIO {
  return {
    out(text) {
      if (stdout.write(text)) return Promise.resolve();
      return new Promise((resolve) => stdout.once('drain', resolve));
    },
    err(text) {
      stderr.write(text);
    },
  };
}

/** An IO that collects output in memory, for tests. */
export function memoryIO(): CliIO & { stdout(): string; stderr(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: async (t) => {
      out.push(t);
    },
    err: (t) => {
      err.push(t);
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
