/** Every `orgraph` sub-command, in the order `orgraph --help` lists them. */
import type { RegisterCommand } from '../command-kit.js';
import { validate } from './validate.js';
import { metrics } from './metrics.js';
import { groups } from './groups.js';
import { gaps } from './gaps.js';
import { introduce } from './introduce.js';
import { path } from './path.js';
import { scorecardCommand } from './scorecard.js';
import { compareCommand } from './compare.js';
import { analyze } from './analyze.js';
import { aggregateCommand } from './aggregate.js';
import { timelineCommand } from './timeline.js';

export const commands: RegisterCommand[] = [
  analyze,
  validate,
  metrics,
  groups,
  gaps,
  introduce,
  path,
  scorecardCommand,
  compareCommand,
  aggregateCommand,
  timelineCommand,
];
