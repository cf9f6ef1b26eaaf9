import { CenterMetrics, type Report } from '../metrics';
import {
  ContactCenter,
  TeeObserver,
  metricsWindow,
  runCenter,
  runResolved,
  runResolvedSync,
  type CarriedRedial,
  type CarryOver,
  type CenterObserver,
  type CenterOptions,
  type SliceOptions,
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

/** A calendar's season, yielding to the host between slices as `run()` does. */
export async function runSeason(season: ResolvedScenario, tracker: CenterObserver | undefined, options: SliceOptions = {}): Promise<SeasonReport> {
  const steps = seasonSteps(season, tracker, undefined);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await runCenter(step.value, options);
  }
}

/** `runSeason()` without yielding. */
export function runSeasonSync(season: ResolvedScenario, tracker: CenterObserver | undefined, dayOptions?: DayOptions): SeasonReport {
  const steps = seasonSteps(season, tracker, dayOptions);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    step.value.simulation.run();
  }
}

/**
 * A resolved scenario's report: a day, or with a calendar its season (a `SeasonReport`, which
 * is a `Report` with day and week rows). What experiments run, so that each takes calendars.
 */
export function runScenario(scenario: ResolvedScenario, tracker: CenterObserver | undefined, options: SliceOptions = {}): Promise<Report> {
  return scenario.calendar ? runSeason(scenario, tracker, options) : runResolved(scenario, tracker, options);
}

/** `runScenario()` without yielding. */
export function runScenarioSync(scenario: ResolvedScenario, tracker: CenterObserver | undefined): Report {
  return scenario.calendar ? runSeasonSync(scenario, tracker) : runResolvedSync(scenario, tracker);
}
