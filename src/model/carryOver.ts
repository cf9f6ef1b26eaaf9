import type { Simulation } from '../engine';
import { REDIAL_WAIT, type CallerSlots } from './callerSlots';
import { REDIAL } from './eventKinds';

/**
 * A person whose redial fell after closing, carried to the next day of a calendar
 * (docs/design-decisions.md, "The calendar"): who they are (id, key for their draws, the call
 * they last made, whether they are counted) and their kept draws, so that they are the same
 * person on the next day as on this one.
 */
export interface CarriedRedial {
  callerId: number;
  /** The line's index (every day of a calendar has the same lines). */
  line: number;
  /** The call they last made: their redial is call `attempt + 1`. */
  attempt: number;
  personKey: number;
  /** The slot's handle and patience draws, as the model keeps them (read only where `redial.keep` says). */
  handle: number;
  patience: number;
  counted: boolean;
  /** How far past closing the redial would have come: on the next day it comes this long after opening. */
  afterCloseSeconds: number;
}

/** People carried into a day (seated as pending redials) and out of it (their redial fell after closing). */
export interface CarryOver {
  readonly incoming: readonly CarriedRedial[];
  readonly outgoing: CarriedRedial[];
}

/** Seats the people carried into the day: each redials at `afterCloseSeconds` from opening. */
export function seatCarried(people: readonly CarriedRedial[], callers: CallerSlots, simulation: Simulation): void {
  for (const person of people) {
    const slot = callers.take();
    callers.callerId[slot] = person.callerId;
    callers.line[slot] = person.line;
    callers.attempt[slot] = person.attempt;
    callers.counted[slot] = person.counted ? 1 : 0;
    callers.personKey[slot] = person.personKey;
    callers.handle[slot] = person.handle;
    callers.patience[slot] = person.patience;
    callers.state[slot] = REDIAL_WAIT;
    callers.generation[slot]!++;
    simulation.at(person.afterCloseSeconds, REDIAL, slot);
  }
}

/** The person in `slot`, whose redial would come at `time`, past closing at `closesAt`. */
export function carriedOf(slot: number, callers: CallerSlots, time: number, closesAt: number): CarriedRedial {
  return {
    callerId: callers.callerId[slot]!,
    line: callers.line[slot]!,
    attempt: callers.attempt[slot]!,
    personKey: callers.personKey[slot]!,
    handle: callers.handle[slot]!,
    patience: callers.patience[slot]!,
    counted: callers.counted[slot] === 1,
    afterCloseSeconds: time - closesAt,
  };
}
