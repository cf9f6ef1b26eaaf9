import type { CarryOver } from './carryOver';
import type { ScriptedDecisions } from './scriptedDecisions';
import type { StartingPoint } from './startingPoint';

/** Options of a center beyond its scenario. */
export interface CenterOptions {
  /** Start from this state (its time of day, agents, calls, queues, redials) rather than an empty center at time 0. */
  start?: StartingPoint;
  /** Lines (by index) whose new callers are not simulated: a forecast's line when nobody arriving later can go first. */
  withoutArrivals?: readonly number[];
  /**
   * Callers arrive at these times (ascending) instead of by the scenario's Poisson process: a
   * list for the first line, or lists by line name.
   */
  arrivalTimes?: readonly number[] | Readonly<Record<string, readonly number[]>>;
  /** A day of a calendar: people carried in from the day before redial, and those whose redial falls after closing are carried out. */
  carryOver?: CarryOver;
  /** The first new person's id (a calendar's days number their people on from the days before); default 0. */
  firstCallerId?: number;
  /** Scripted decisions, for worked examples. */
  decisions?: ScriptedDecisions;
}
