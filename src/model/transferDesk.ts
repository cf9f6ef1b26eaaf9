import type { Simulation } from '../engine';
import type { CallDraws } from './callDraws';
import { WRAP_UP, type CallerSlots } from './callerSlots';
import { WRAP_UP_END } from './eventKinds';
import type { GroupRuntime, LineRuntime } from './lineRuntime';
import type { CenterObserver } from './observer';

/** What the transfer desk uses of its center. */
export interface TransferDeskHost {
  readonly simulation: Simulation;
  readonly lines: readonly LineRuntime[];
  /** Agents wrapping up a call. */
  wrappingUp: number;
  /** An agent's call or dial is over. */
  releaseAgent(group: GroupRuntime): void;
  /** A transferred caller reaches `line`, keeping their trunk. */
  putThrough(slot: number, line: LineRuntime): void;
}

/**
 * Transfers of a center (docs/design-decisions.md, "Transfers"): a call a route's group
 * answered goes on to another line with the route's probability, as a new call of the same
 * person, who keeps their trunk. A transferred call is not transferred again; one that ends
 * without an agent is the person's last. Centers whose routes transfer nothing have no desk.
 */
export class TransferDesk {
  constructor(
    private readonly center: TransferDeskHost,
    private readonly callers: CallerSlots,
    private readonly draws: CallDraws,
    private readonly observer: CenterObserver,
    /** The lines' closing time: a line closed with its callers disconnected takes no transfers. */
    private readonly closingSeconds: number,
  ) {}

  /** The call with `group` is over: the caller is put through to another line (true), or not. */
  transfer(slot: number, group: GroupRuntime): boolean {
    const callers = this.callers;
    if (callers.transferredFrom[slot] !== 0) {
      callers.transferredFrom[slot] = 0;
      return false;
    }
    const from = this.center.lines[callers.line[slot]!]!;
    const probability = from.transferProbability[group.index]!;
    if (probability === 0 || !(this.draws.transferUniform(slot) < probability)) return false;
    const to = this.center.lines[from.transferToLine[group.index]!]!;
    if (this.center.simulation.now >= this.closingSeconds && to.spec.atClose === 'disconnect') return false;
    this.sendOn(slot, group, from, to);
    return true;
  }

  // The caller goes on from `from` to `to`; the agent who answered them is done with the call.
  private sendOn(slot: number, group: GroupRuntime, from: LineRuntime, to: LineRuntime): void {
    const callers = this.callers;
    const center = this.center;
    const now = center.simulation.now;
    const callerId = callers.callerId[slot]!;
    this.observer.transferred(now, callerId, to.index, from.index, group.index, callers.counted[slot] === 1);
    // The agent wraps the call up on a slot of its own, for who and where it was: the caller's
    // slot goes on with them.
    const wrapUp = from.wrapUpByGroup[group.index];
    if (wrapUp) {
      const seconds = wrapUp.quantile(callers.wrapUp[slot]!);
      const agent = callers.take();
      callers.callerId[agent] = callerId;
      callers.line[agent] = from.index;
      callers.group[agent] = group.index;
      callers.agentBusySince[agent] = now;
      callers.state[agent] = WRAP_UP;
      center.wrappingUp++;
      center.simulation.at(now + seconds, WRAP_UP_END, agent);
    }
    callers.transferredFrom[slot] = from.index + 1;
    callers.line[slot] = to.index;
    callers.attempt[slot]!++;
    callers.arrivalTime[slot] = now;
    this.draws.transferredCall(slot, to);
    center.putThrough(slot, to);
    if (!wrapUp) center.releaseAgent(group);
  }

  /** The call ended on `line` without an agent: when it was a transferred call, the person gave up (true). */
  lost(slot: number, line: LineRuntime): boolean {
    const callers = this.callers;
    const from = callers.transferredFrom[slot]! - 1;
    if (from < 0) return false;
    callers.transferredFrom[slot] = 0;
    this.observer.transferLost(this.center.simulation.now, callers.callerId[slot]!, line.index, from, callers.counted[slot] === 1);
    return true;
  }
}
