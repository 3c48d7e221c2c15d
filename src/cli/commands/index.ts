/** Every `orgraph` sub-command, in the order `orgraph --help` lists them. */
import type { RegisterCommand } from '../shared.js';

export const commands: RegisterCommand[] = [];
