import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses argv strictly (unknown flags are usage errors) and always accepts `--help`/`-h`.
 * Node's own messages are shortened to one line.
 */
export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new UsageError(msg.replace(/\. To specify a positional argument.*$/, ''));
  }
}

/** Checks that a flag value is one of the allowed choices. */
export function oneOf<T extends string>(flag: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${choices.join('|')}, got "${value}"`);
}
