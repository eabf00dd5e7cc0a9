import { describe, expect, it } from 'vitest';
import { EXIT, UsageError, type Command } from './command';
import { memoryIO } from './io';
import { main } from './main';

const echo: Command = {
  name: 'echo',
  summary: 'prints its arguments',
  help: 'Usage: perimeter echo WORD...',
  async run(argv, io) {
    if (argv.length === 0) throw new UsageError('needs at least one WORD');
    await io.out(`${argv.join(' ')}\n`);
    return EXIT.ok;
  },
};

describe('cli main', () => {
  it('lists commands with --help and exits 0', async () => {
    const io = memoryIO();
    expect(await main(['--help'], io, [echo])).toBe(EXIT.ok);
    expect(io.stdout()).toContain('echo  prints its arguments');
  });
  it('exits 2 with a one-line reason on an unknown command', async () => {
    const io = memoryIO();
    expect(await main(['nope'], io, [echo])).toBe(EXIT.usage);
    expect(io.stderr()).toBe('perimeter: unknown command "nope" (see perimeter --help)\n');
  });
  it('prints a command\'s help for COMMAND --help', async () => {
    const io = memoryIO();
    expect(await main(['echo', '--help'], io, [echo])).toBe(EXIT.ok);
    expect(io.stdout()).toBe('Usage: perimeter echo WORD...\n');
  });
  it('turns a UsageError into exit 2 with the command name', async () => {
    const io = memoryIO();
    expect(await main(['echo'], io, [echo])).toBe(EXIT.usage);
    expect(io.stderr()).toBe('perimeter echo: needs at least one WORD (see perimeter echo --help)\n');
  });
});
