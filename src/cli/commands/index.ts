/** Every `orgraph` sub-command, in the order `orgraph --help` lists them. */
import type { RegisterCommand } from '../shared.js';
import { validate } from './validate.js';
import { metrics } from './metrics.js';
import { groups } from './groups.js';

export const commands: RegisterCommand[] = [validate, metrics, groups];
