import type { Simulation } from '../engine';
import { HOLDING, type CallerSlots } from './callerSlots';
import type { HoldLine } from './holdLine';
import type { GroupRuntime, LineRuntime } from './lineRuntime';

/**
 * Which waiting caller an idle agent takes (DESIGN.md, "Routing"): among the heads of the lines
 * routed to the agent's group that are eligible by now (waited the route's `afterSeconds`), the
 * first of the group's own `lineOrder` that has one, else the highest line priority, ties by the longest wait counting the line's credit (a caller of a line
 * with `creditSeconds: c` who joined at t ranks as if they had joined at t - c; the credit does
 * not make a delayed route eligible sooner); after-hold callback requests only from lines
 * where nobody waits in the hold queue. A line's later callers cannot be more eligible than its
 * head, so only heads are looked at.
 */
export class CallerChoice {
  /**
   * The queue the last choice came from, whose head it was; undefined when it was a caller
   * behind a request that could not be dialed (their entry goes stale, dropped at the head).
   */
  queue: HoldLine | undefined;

  constructor(private readonly callers: CallerSlots) {}

  /**
   * The slot the agent takes, or -1. `canDial`: a trunk is free to dial a callback request.
   * Passed the clock, not the time: V8 may not inline this call, and a double passed to a call
   * is allocated on the heap, once a choice (docs/design-decisions.md).
   */
  choose(group: GroupRuntime, clock: Simulation, canDial: boolean): number {
    const callers = this.callers;
    const lines = group.lines;
    let best = -1;
    let bestPriority = 0;
    let bestSince = 0;
    let afterHold = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      let slot = line.hold.peek(callers);
      if (slot < 0) {
        if (line.requestsWaiting > 0) afterHold = true;
        continue;
      }
      // No trunk to dial the request at the head: the first caller on hold behind it, who holds a trunk already.
      const atHead = canDial || callers.state[slot] === HOLDING;
      if (!atHead) slot = line.hold.firstHolding(callers);
      if (slot < 0) continue;
      const queuedAt = callers.queuedAt[slot]!;
      const delay = group.delays[i]!;
      if (delay > 0 && clock.now < queuedAt + delay) continue;
      // The group's own order of lines comes first (its lines lead the list, in that order).
      if (i < group.preferred) {
        this.queue = atHead ? line.hold : undefined;
        return slot;
      }
      const since = queuedAt - line.creditSeconds;
      if (best < 0 || line.priority > bestPriority || (line.priority === bestPriority && since < bestSince)) {
        best = slot;
        bestPriority = line.priority;
        bestSince = since;
        this.queue = atHead ? line.hold : undefined;
      }
    }
    return best >= 0 || !afterHold || !canDial ? best : this.chooseRequest(group, clock);
  }

  // Nobody eligible holds, and some line's after-hold requests wait: the best request at a head.
  private chooseRequest(group: GroupRuntime, clock: Simulation): number {
    const callers = this.callers;
    const lines = group.lines;
    let best = -1;
    let bestPriority = 0;
    let bestSince = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.requestsWaiting === 0 || line.hold.peek(callers) >= 0) continue;
      const slot = line.requests.peek(callers);
      if (slot < 0) continue;
      const queuedAt = callers.queuedAt[slot]!;
      const delay = group.delays[i]!;
      if (delay > 0 && clock.now < queuedAt + delay) continue;
      const since = queuedAt - line.creditSeconds;
      if (best < 0 || line.priority > bestPriority || (line.priority === bestPriority && since < bestSince)) {
        best = slot;
        bestPriority = line.priority;
        bestSince = since;
        this.queue = line.requests;
      }
    }
    return best;
  }
}

/**
 * The wait the center announces on a line (callback offers, balking): (entries + 1) x mean
 * handle / agents scheduled in the groups that take the line's calls at once.
 */
export function announcedWait(line: LineRuntime, groups: readonly GroupRuntime[]): number {
  let scheduled = 0;
  const immediate = line.immediateGroups;
  for (let i = 0; i < immediate.length; i++) scheduled += groups[immediate[i]!]!.scheduled;
  const entries = line.holding + line.requestsWaiting;
  return scheduled > 0 ? ((entries + 1) * line.meanHandleSeconds) / scheduled : Infinity;
}
