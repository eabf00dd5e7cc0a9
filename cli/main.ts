import { EXIT, UsageError, type CliIO, type Command } from './command';
import { COMMANDS } from './commands';
import { streamIO } from './io';

function topHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'perimeter: Kubernetes NetworkPolicy connectivity and RBAC analysis',
    '',
    'Usage: perimeter COMMAND [options]   (perimeter COMMAND --help for details)',
    '',
    'Commands:',
    ...lines,
    '',
    'PATH is a manifest file or folder, - for stdin, or demo for the built-in demo cluster.',
    'Exit codes: 0 ok, 1 check failed / denied, 2 usage or input error (the input errors are printed), 3 internal error.',
    '',
  ].join('\n');
}

/** Runs the CLI and returns its exit code. Never calls process.exit, so piped output is never cut short. */
export async function main(argv: readonly string[], io: CliIO = streamIO(), commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    await io.out(topHelp(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`perimeter: unknown command "${name}" (see perimeter --help)\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    await io.out(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`perimeter ${name}: ${e.message} (see perimeter ${name} --help)\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
