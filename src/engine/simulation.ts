import { EventCalendar } from './calendar';

/** What the engine calls for each event; the model implements it. */
export interface EventHandler {
  handleEvent(kind: number, subject: number, tag: number): void;
}

/**
 * A discrete-event simulation: a clock, a calendar and a loop, nothing else.
 *
 * The model schedules events with `at()`, the loop hands them back in time order through
 * `handleEvent`, and the clock only moves forward. `run()` takes a budget so that a caller can
 * run a long simulation in slices and let the host breathe in between.
 *
 * @example
 * const simulation = new Simulation({ handleEvent: (kind) => console.log(kind, simulation.now) });
 * simulation.at(5, 1);
 * simulation.at(2, 0);
 * simulation.run(); // logs "0 2", then "1 5"
 */
export class Simulation {
  /** Simulated time, in seconds. */
  now: number;
  /** Events handed to the model so far. */
  eventsHandled = 0;
  private readonly calendar: EventCalendar;
  /**
   * Arrivals apart: each source of arrivals has exactly one pending at any time, and they are a
   * third of all events, so on a calendar of their own (as small as the sources are few) they
   * skip the main calendar's sifts, and the main calendar holds one event less per source. Both
   * share one scheduling sequence, so events come out in the same order as from one calendar.
   */
  private readonly arrivals: EventCalendar;
  private stopped = false;

  constructor(private readonly handler: EventHandler) {
    // Created holding a double, as it will hold one (docs/design-decisions.md, "Fields
    // that hold seconds start as doubles").
    this.now = 0.5;
    this.now = 0;
    // Written twice, so that V8 takes it for a field that changes: stop() writing a field it
    // took for a constant threw out every compiled loop that read it, at the end of the first
    // run of a process (docs/design-decisions.md, "Flags a run sets at its end start changed").
    this.stopped = true;
    this.stopped = false;
    const sequence = { scheduled: 0 };
    this.calendar = new EventCalendar(1024, sequence);
    this.arrivals = new EventCalendar(4, sequence);
  }

  /** Schedules an event at an absolute time, never earlier than now (kind below 16, subject below 2^27). */
  at(time: number, kind: number, subject = 0, tag = 0): void {
    // `!(>=)` also catches NaN, which would otherwise corrupt the heap order silently.
    if (!(time >= this.now)) throw pastError(time, this.now);
    this.calendar.schedule(time, kind, subject, tag);
  }

  /**
   * Schedules a source's next arrival, as `at()` does: for events of which each source has one
   * pending at a time, the next scheduled as the last comes out (see `arrivals`).
   */
  atArrival(time: number, kind: number, subject = 0, tag = 0): void {
    if (!(time >= this.now)) throw pastError(time, this.now);
    this.arrivals.schedule(time, kind, subject, tag);
  }

  /** Empties the calendar and sets the clock back to 0: the same model run again (a forecast's next future). */
  reset(): void {
    this.calendar.clear();
    this.arrivals.clear();
    this.now = 0;
    this.eventsHandled = 0;
    this.stopped = false;
  }

  /** Ends the run: `run()` returns and hands out nothing more. */
  stop(): void {
    this.stopped = true;
  }

  /** True once stopped or when no event is left. */
  get finished(): boolean {
    return this.stopped || (this.calendar.size === 0 && this.arrivals.size === 0);
  }

  /** The time of the next pending event, or `Infinity`. */
  nextEventTime(): number {
    return Math.min(this.calendar.peekTime(), this.arrivals.peekTime());
  }

  // The calendar holding the next event (the main one when both are empty: its pop() says so).
  private next(): EventCalendar {
    const arrivals = this.arrivals;
    const calendar = this.calendar;
    return arrivals.size > 0 && (calendar.size === 0 || arrivals.precedes(calendar)) ? arrivals : calendar;
  }

  /** Hands out the events due at or before `time`, in order (for runs paced to a clock). */
  runUntil(time: number): void {
    this.eventsHandled += this.handleUntil(time);
  }

  /** Hands out events in time order until `maxEvents` were handled or the run is finished. */
  run(maxEvents = Infinity): void {
    this.eventsHandled += this.handleEvents(maxEvents);
  }

  // The loops end in a bare return, their counts kept by the caller. V8 compiles a hot loop in
  // the middle of its first call (on-stack replacement), before any code after the loop has run;
  // code there that needs what running it teaches (a property's place) threw the compiled loop
  // out at every exit, and a run sliced for the host exits once a slice: 587 times in the first
  // run() of a process (benchmarks/README.md, "Code kept from one run to the next").
  private handleEvents(maxEvents: number): number {
    const handler = this.handler;
    let handled = 0;
    while (handled < maxEvents && !this.stopped) {
      const calendar = this.next();
      if (!calendar.pop()) break;
      this.now = calendar.time;
      handler.handleEvent(calendar.kind, calendar.subject, calendar.tag);
      handled++;
    }
    return handled;
  }

  private handleUntil(time: number): number {
    const handler = this.handler;
    let handled = 0;
    while (!this.stopped) {
      const calendar = this.next();
      if (calendar.size === 0 || calendar.peekTime() > time) break;
      calendar.pop();
      this.now = calendar.time;
      handler.handleEvent(calendar.kind, calendar.subject, calendar.tag);
      handled++;
    }
    return handled;
  }
}

function pastError(time: number, now: number): RangeError {
  return new RangeError(`cannot schedule an event at ${time} s: the clock is already at ${now} s`);
}
