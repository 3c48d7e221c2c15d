/**
 * `orgraph scorecard --objectives FILE`: group-to-group flows and each objective's actual value,
 * target and status (met / at risk / missed). Ties are read as every command reads them: undirected
 * unless `--directed`; directed flows follow the way influence runs when relations.csv declares it
 * (`influence` column: an advice tie seeker -> adviser carries influence target -> source).
 * Groups: `--group <col>` (or the objectives file's `attribute`), or `--communities [relations]` for
 * data without a group attribute (Louvain communities, seeded, of the scored view or of the listed
 * relations read undirected).
 * Exit 0 clean, 1 data errors (bad objectives file, unknown group), 2 usage errors.
 */
import { project } from '../../model/projection.js';
import { communityGroups, type CommunityGroups } from '../../recommend/community-groups.js';
import { loadObjectives } from '../../recommend/objectives.js';
import { scorecard } from '../../recommend/scorecard.js';
import { parseList, UsageError, type RegisterCommand } from '../command-kit.js';
import { smallGroupsSentence } from '../../report/privacy.js';
import { loadAndNote } from '../input.js';
import { groupCommand, parseMinGroupSize, parseSeed } from '../recommend-kit.js';
import { communitiesLine, emit, fmt, scorecardText, textTable } from '../recommend-kit.js';
import type { RecommendCliOptions } from '../recommend-kit.js';

export const scorecardCommand: RegisterCommand = (program, io) => {
  groupCommand(program, 'scorecard [dir]', 'influence scorecard: group-to-group flows against objectives (JSON or YAML file)')
    .option('--objectives <file>', 'objectives file (JSON or YAML)')
    .option(
      '--communities [relations]',
      'groups = Louvain communities (no group attribute needed) of the scored view, or of these relations read undirected',
    )
    .option('--seed <n>', 'seed of Louvain for --communities', '1')
    .action(
      async (
        dir: string | undefined,
        opts: RecommendCliOptions & { objectives?: string; communities?: string | boolean; seed?: string; minGroupSize?: string },
      ) => {
        const minGroupSize = parseMinGroupSize(opts.minGroupSize);

        if (!opts.objectives) throw new UsageError('--objectives <file> is required');
        if (opts.communities !== undefined && opts.group) throw new UsageError('give either --group or --communities, not both');
        const seed = parseSeed(opts.seed);
        const objectives = await loadObjectives(opts.objectives);
        const { graph } = await loadAndNote(dir, opts, io);
        const relations = opts.relation ? parseList(opts.relation) : null;
        // Directed views orient ties the way influence runs, where relations.csv declares it.
        const view = project(graph, { relations, directed: opts.directed ?? false, weighted: !opts.unweighted, influence: true });
        const used = relations ?? graph.relations.map((x) => x.name);
        const declared = graph.relations.filter((x) => used.includes(x.name) && x.influence !== undefined);
        let groups: CommunityGroups | null = null;
        let on = '';
        if (typeof opts.communities === 'string') {
          groups = communityGroups(project(graph, { relations: parseList(opts.communities), weighted: !opts.unweighted }), {
            seed,
            weighted: !opts.unweighted,
          });
          on = `relations ${opts.communities}`;
        } else if (opts.communities) {
          groups = communityGroups(view, { seed, weighted: !opts.unweighted });
          on = 'the scored ties';
        }
        const r = scorecard(view, objectives, { attribute: opts.group, groups, minGroupSize });
        const withheld = r.privacy.objectivesWithheld;
        const privacy = [
          smallGroupsSentence(r.privacy),
          withheld > 0
            ? `${withheld} objective${withheld === 1 ? '' : 's'} withheld: an end restricted to staff or stakeholders has, or leaves in its group, fewer than ${r.privacy.minGroupSize} people`
            : '',
        ]
          .filter(Boolean)
          .join('; ');
        if (privacy && opts.format !== 'text') io.err(`orgraph: ${privacy}\n`);
        const rows = r.objectives.map((o) => ({
          objective: o.label,
          kind: o.kind,
          subject: o.subject,
          metric: o.metric,
          actual: o.actual,
          min: o.min,
          max: o.max,
          status: o.status,
          owner: o.owner,
          initiative: o.initiative,
        }));
        const document = groups
          ? {
              ...r,
              communities: {
                count: groups.count,
                modularity: groups.modularity,
                seed: groups.seed,
                resolution: groups.resolution,
                on,
                members: Object.fromEntries(groups.groupOf),
              },
            }
          : r;
        await emit(opts, io, document, rows, () => {
          let out = groups ? communitiesLine(groups, on) + '\n' : '';
          if (privacy) out += `${privacy[0].toUpperCase()}${privacy.slice(1)}\n`;
          out += r.directed
            ? `Ties read directed${declared.length ? `; influence as declared: ${declared.map((x) => `${x.name} ${x.influence}`).join(', ')}` : ' as written'}\n`
            : 'Ties read undirected (a pair counts once, both ways; --directed for flows with a direction)\n';
          out += scorecardText(r, `Scorecard on "${r.attribute}"`);
          out += `\nFlows (from -> to):\n`;
          out += textTable(
            ['flow', 'ties', 'weight', 'reciprocity', 'reach'],
            r.flows
              .filter((f) => f.ties > 0)
              .map((f) => [`${f.from} -> ${f.to}`, fmt(f.ties), fmt(f.weight), fmt(f.reciprocity, 2), fmt(f.reach, 2)]),
          );
          return out;
        });
      },
    );
};
