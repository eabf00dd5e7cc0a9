import type { Command } from '../command';
import { connectivityCommand } from './connectivity';
import { explainCommand } from './explain';
import { loadCommand } from './load';
import { whoCanCommand } from './whoCan';
import { canCommand } from './can';
import { accessMatrixCommand } from './accessMatrix';
import { checkCommand } from './check';
import { diffCommand } from './diff';
import { reportCommand } from './report';
import { historyCommand } from './history';

/** Every subcommand, in the order `perimeter --help` lists them. Each lives in its own module beside this one. */
export const COMMANDS: readonly Command[] = [loadCommand, connectivityCommand, explainCommand, whoCanCommand, canCommand, accessMatrixCommand, checkCommand, diffCommand, reportCommand, historyCommand];
