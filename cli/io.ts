import type { Writable } from 'node:stream';
import type { CliIO } from './command';

/** An IO that writes to real streams, honouring backpressure so streaming millions of lines stays flat in memory. */
export function streamIO(stdout: Writable = process.stdout, stderr: Writable = process.stderr): CliIO {
  let status = false; // a progress line is on the terminal
  const clear = () => {
    if (status) stderr.write('\r\x1b[K');
    status = false;
  };
  return {
    out(text) {
      clear();
      if (stdout.write(text)) return Promise.resolve();
      return new Promise((resolve) => stdout.once('drain', resolve));
    },
    err(text) {
      clear();
      stderr.write(text);
    },
    ...((stderr as { isTTY?: boolean }).isTTY
      ? {
          progress(text: string) {
            clear();
            if (text === '') return;
            stderr.write(`${text}…`);
            status = true;
          },
        }
      : {}),
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
