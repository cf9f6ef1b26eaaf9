import { CenterMetrics, type Report } from '../metrics';
import {
  ContactCenter,
  TeeObserver,
  centerSlices,
  driveSlices,
  finishSlices,
  metricsWindow,
  runSlices,
  type CarriedRedial,
  type CarryOver,
  type CenterObserver,
  type CenterOptions,
  type SliceOptions,
  type Slices,
} from '../model';
import { replicationSeed } from '../random';
import { dayNumber, type ResolvedScenario } from '../scenario';
import { SeasonTally } from './seasonTally';
import { seasonReport, type DayRun, type SeasonReport } from './seasonReport';

/**
 * A day's seed: derived from the season's and the day's date, so that a day is the same day in
 * every arm of a comparison and every variant of the calendar (common random numbers across
 * days), whichever days come before it.
 */
export function daySeed(seasonSeed: number, date: string): number {
  return replicationSeed(seasonSeed, dayNumber(date));
}

/**
 * Runs a calendar's days in date order, each an ordinary one-day run of its scenario, carrying
 * the people whose redial falls after closing to the next day (docs/design-decisions.md, "The
 * calendar"). It hands each day's center to its caller to run to the end (with or without
 * yielding), then reads its report.
 */
function* seasonSteps(season: ResolvedScenario, tracker: CenterObserver | undefined, dayOptions: DayOptions | undefined): Generator<ContactCenter, SeasonReport, void> {
  const days = season.calendar!;
  const tally = new SeasonTally(season.lines.length);
  const runs: DayRun[] = [];
  let carried: CarriedRedial[] = [];
  let lost = 0;
  let firstCallerId = 0;
  for (const day of days) {
    const scenario = { ...day.scenario, seed: daySeed(season.seed, day.date) };
    // The part of the redial delay past closing runs from the opening; past this day's closing too, the person is lost.
    const incoming = carried.filter((person) => person.afterCloseSeconds < scenario.durationSeconds);
    lost += countedOf(carried) - countedOf(incoming);
    const carryOver: CarryOver = { incoming, outgoing: [] };
    const metrics = new CenterMetrics(metricsWindow(scenario));
    const observer = new TeeObserver(metrics, tracker ? new TeeObserver(tally, tracker) : tally);
    const center = new ContactCenter(scenario, observer, { ...dayOptions?.(runs.length), carryOver, firstCallerId });
    tally.firstCalls = 0;
    center.start();
    yield center;
    runs.push({ day, report: metrics.report(center.simulation.now), carriedIn: incoming.length });
    firstCallerId += tally.firstCalls;
    carried = carryOver.outgoing;
  }
  lost += countedOf(carried);
  return seasonReport(runs, tally.sketches, lost);
}

/** Center options of day i beyond the calendar's (scripted arrivals and decisions, for worked examples). */
export type DayOptions = (index: number) => Omit<CenterOptions, 'carryOver' | 'firstCallerId'>;

function countedOf(people: readonly CarriedRedial[]): number {
  let counted = 0;
  for (const person of people) if (person.counted) counted++;
  return counted;
}

/** A calendar's season as slices: each day's run in slices, in date order. */
function* seasonSlices(season: ResolvedScenario, tracker: CenterObserver | undefined, sliceMilliseconds?: number, dayOptions?: DayOptions): Slices<SeasonReport> {
  const steps = seasonSteps(season, tracker, dayOptions);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    yield* centerSlices(step.value, sliceMilliseconds);
  }
}

/** A calendar's season, yielding to the host between slices as `run()` does. */
export function runSeason(season: ResolvedScenario, tracker: CenterObserver | undefined, options: SliceOptions = {}): Promise<SeasonReport> {
  return driveSlices(seasonSlices(season, tracker, options.sliceMilliseconds), options);
}

/** `runSeason()` without yielding. */
export function runSeasonSync(season: ResolvedScenario, tracker: CenterObserver | undefined, dayOptions?: DayOptions): SeasonReport {
  return finishSlices(seasonSlices(season, tracker, Infinity, dayOptions));
}

/**
 * A resolved scenario's run as slices, ending in its report: a day, or with a calendar its
 * season (a `SeasonReport`, which is a `Report` with day and week rows). What experiments run,
 * so that each takes calendars.
 */
export function scenarioSlices(scenario: ResolvedScenario, tracker: CenterObserver | undefined, sliceMilliseconds?: number): Slices<Report> {
  return scenario.calendar ? seasonSlices(scenario, tracker, sliceMilliseconds) : runSlices(scenario, tracker, sliceMilliseconds);
}

/** A resolved scenario's report (a day's, or a calendar's season), yielding to the host between slices. */
export function runScenario(scenario: ResolvedScenario, tracker: CenterObserver | undefined, options: SliceOptions = {}): Promise<Report> {
  return driveSlices(scenarioSlices(scenario, tracker, options.sliceMilliseconds), options);
}

/** `runScenario()` without yielding. */
export function runScenarioSync(scenario: ResolvedScenario, tracker: CenterObserver | undefined): Report {
  return finishSlices(scenarioSlices(scenario, tracker, Infinity));
}
