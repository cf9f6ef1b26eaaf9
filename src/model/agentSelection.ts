import type { Uniform } from '../random';
import type { AgentSelection } from '../scenario';
import type { GroupRuntime, LineRuntime } from './lineRuntime';

/**
 * Which idle agent takes a caller who arrives when several groups routed to their line at once
 * have one (docs/design-decisions.md, "agentSelection"). Under `'route-order'` the center does
 * not ask: the first such group in the line's routing takes the call, as it always has.
 */
export class AgentSelector {
  constructor(
    private readonly mode: Exclude<AgentSelection, 'route-order'>,
    private readonly groups: readonly GroupRuntime[],
    /** The uniforms of `'random'` (a stream of the center's own). */
    private readonly uniform: Uniform,
  ) {}

  /** The group whose idle agent takes the caller of `line` arriving now, or undefined when none is idle. */
  pick(line: LineRuntime): GroupRuntime | undefined {
    const immediate = line.immediateGroups;
    const groups = this.groups;
    if (this.mode === 'longest-idle') {
      let best: GroupRuntime | undefined;
      for (let i = 0; i < immediate.length; i++) {
        const group = groups[immediate[i]!]!;
        // Ties (agents idle since the same instant) go by route order.
        if (group.busy < group.onDuty && (best === undefined || group.idleSince!.first < best.idleSince!.first)) best = group;
      }
      return best;
    }
    // Uniform over the idle agents: a group is picked in proportion to its idle agents.
    let idle = 0;
    for (let i = 0; i < immediate.length; i++) {
      const group = groups[immediate[i]!]!;
      idle += group.onDuty - group.busy;
    }
    if (idle <= 0) return undefined;
    let pick = Math.floor(this.uniform.next() * idle);
    for (let i = 0; i < immediate.length; i++) {
      const group = groups[immediate[i]!]!;
      const own = group.onDuty - group.busy;
      if (pick < own) return group;
      pick -= own;
    }
    return undefined;
  }
}
