import type { Simulation } from '../engine';
import type { Uniform } from '../random';
import type { AgentSelection } from '../scenario';
import type { GroupRuntime, LineRuntime } from './lineRuntime';

/**
 * When a group's agents became idle, oldest first, on a ring buffer that doubles when full: the
 * longest-idle agent of the group is at the head. Kept only under `'longest-idle'`.
 */
export class IdleSince {
  private times = new Float64Array(16);
  private head = 0;
  length = 0;

  /** When the group's longest-idle agent became idle (meaningful when `length` > 0). */
  get first(): number {
    return this.times[this.head]!;
  }

  /**
   * Makes the ring hold `idle` agents: those who became idle now join at the tail; those who
   * stopped being idle (took a caller, or left with the roster) are the longest idle, from the head.
   * Passed the clock, not the time: a double passed to a call V8 does not inline is allocated.
   */
  sync(idle: number, clock: Simulation): void {
    while (this.length > idle) {
      this.head = (this.head + 1) & (this.times.length - 1);
      this.length--;
    }
    while (this.length < idle) {
      if (this.length === this.times.length) this.grow();
      this.times[(this.head + this.length) & (this.times.length - 1)] = clock.now;
      this.length++;
    }
  }

  clear(): void {
    this.head = 0;
    this.length = 0;
  }

  private grow(): void {
    const size = this.times.length;
    const times = new Float64Array(size * 2);
    for (let i = 0; i < this.length; i++) times[i] = this.times[(this.head + i) & (size - 1)]!;
    this.times = times;
    this.head = 0;
  }
}

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
