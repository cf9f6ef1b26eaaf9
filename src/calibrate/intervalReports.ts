// A scenario from interval reports, for a center that keeps no call records: a row per line and
// interval with the calls offered, answered and abandoned, the average handle time and the
// agents. Less can be said than from records: the handle time's shape and the patience's are not
// in the data, so both are exponential, the patience's mean the one under which Erlang A gives
// the abandonment the center saw.
import { erlangA } from '../analytic';
import { opensAtOf } from './opensAt';
import { validateScenario, type Line, type Scenario } from '../scenario';
import { CalibrationError } from './errors';
import { openIntervals, round } from './fitScenario';
import type { FitDiagnostics, FitOptions, FittedScenario, LineDiagnostics } from './fitTypes';

const DAY = 86_400;

/** One row of an interval report. `intervalStart` is local clock seconds, as `CallRecord` times. */
export interface IntervalReportRow {
  intervalStart: number;
  line: string;
  offered: number;
  answered: number;
  abandoned: number;
  /** Average handle time of the answered calls. */
  ahtSeconds?: number;
  /** Average speed of answer (not used by the fit; kept for the backtest's eye). */
  asaSeconds?: number;
  /** Agents on the line in the interval. */
  agents?: number;
}

/** Per line: per day, sums per interval of the day: offered, answered, abandoned, AHT × answered, agents, reports. */
const FIELDS = 6;

/**
 * Fits a scenario to interval reports: arrivals as the mean offered per interval over the days
 * (with the day factor's cv from the daily totals), handle time exponential with the answered
 * calls' mean AHT, each line served by its own group of the agents reported, patience
 * exponential with the mean under which Erlang A, interval by interval at the fitted rates and
 * roster, abandons as many calls as the reports show.
 *
 * @example
 * const { scenario } = fitIntervalReports(rows, { intervalSeconds: 1800 });
 */
export function fitIntervalReports(rows: Iterable<IntervalReportRow>, options: FitOptions = {}): FittedScenario {
  const intervalSeconds = options.intervalSeconds ?? 1800;
  const perDay = Math.ceil(DAY / intervalSeconds);
  const lines = new Map<string, Map<number, Float64Array>>();
  let count = 0;
  for (const row of rows) {
    count++;
    const day = Math.floor(row.intervalStart / DAY);
    let days = lines.get(row.line);
    if (!days) lines.set(row.line, (days = new Map()));
    let sums = days.get(day);
    if (!sums) days.set(day, (sums = new Float64Array(perDay * FIELDS)));
    const at = Math.floor((row.intervalStart - day * DAY) / intervalSeconds) * FIELDS;
    sums[at]! += row.offered;
    sums[at + 1]! += row.answered;
    sums[at + 2]! += row.abandoned;
    sums[at + 3]! += (row.ahtSeconds ?? 0) * row.answered;
    // Reports shorter than the fit's interval: their agents average (the sum over the number of reports).
    sums[at + 4]! += row.agents ?? 0;
    sums[at + 5]!++;
  }
  if (count === 0) throw new CalibrationError(['no interval rows: the file has a header at most']);
  const allDays = new Set<number>();
  for (const days of lines.values()) for (const day of days.keys()) allDays.add(day);
  const dayCount = allDays.size;
  const totals = new Float64Array(perDay);
  const dailyTotals = new Map<number, number>();
  let answered = 0;
  let ahtTotal = 0;
  for (const days of lines.values()) {
    for (const [day, sums] of days) {
      for (let k = 0; k < perDay; k++) {
        totals[k]! += sums[k * FIELDS]!;
        dailyTotals.set(day, (dailyTotals.get(day) ?? 0) + sums[k * FIELDS]!);
        answered += sums[k * FIELDS + 1]!;
        ahtTotal += sums[k * FIELDS + 3]!;
      }
    }
  }
  if (answered === 0 || ahtTotal === 0) throw new CalibrationError(['no answered call with an average handle time in the reports: the handle time cannot be fitted']);
  const warnings: string[] = ['interval reports: handle time and patience are taken as exponential (their shapes are not in the reports); patience from Erlang A'];
  const { first, last } = openIntervals(totals, dayCount, warnings);
  const slots = last - first;
  const mean = (line: string, field: number) =>
    Array.from({ length: slots }, (_, k) => {
      let s = 0;
      for (const sums of lines.get(line)!.values()) s += sums[(first + k) * FIELDS + field]!;
      return s / dayCount;
    });

  const fittedLines: Line[] = [];
  const groups: Array<{ name: string; agents: { intervalSeconds: number; perInterval: number[] } }> = [];
  const diagnostics: Record<string, LineDiagnostics> = {};
  for (const name of lines.keys()) {
    const offered = mean(name, 0);
    const lineAnswered = mean(name, 1).reduce((s, x) => s + x, 0);
    const abandoned = mean(name, 2);
    const aht = mean(name, 3).reduce((s, x) => s + x, 0) / Math.max(lineAnswered, 1e-9);
    const agents = Array.from({ length: slots }, (_, k) => {
      let s = 0;
      for (const sums of lines.get(name)!.values()) s += sums[(first + k) * FIELDS + 5]! > 0 ? sums[(first + k) * FIELDS + 4]! / sums[(first + k) * FIELDS + 5]! : 0;
      return Math.round(s / dayCount);
    });
    agents[agents.length - 1] = Math.max(1, agents.at(-1)!);
    const meanHandle = aht > 0 ? aht : ahtTotal / answered;
    const patienceMean = patienceFromAbandonment(offered, abandoned, agents, meanHandle, intervalSeconds);
    const group = lines.size === 1 ? 'agents' : name;
    fittedLines.push({
      name,
      arrivals: { intervalSeconds, perInterval: offered.map((x) => round(x, 2)) },
      handleTime: { type: 'exponential', meanSeconds: round(meanHandle, 1) },
      ...(patienceMean === undefined ? {} : { patience: { type: 'exponential', meanSeconds: round(patienceMean, 1) } }),
      routing: [{ group }],
    });
    groups.push({ name: group, agents: { intervalSeconds, perInterval: agents } });
    const total = (values: number[]) => Math.round(values.reduce((s, x) => s + x, 0) * dayCount);
    diagnostics[name] = {
      calls: total(offered),
      firstCalls: total(offered),
      outcomes: { answered: Math.round(lineAnswered * dayCount), abandoned: total(abandoned), balked: 0, busy: 0, disconnected: 0, callback: 0 },
      handleTimeByGroup: {},
      breaks: 0,
      balking: { balked: 0, hadToWait: 0, probability: 0 },
      answeredByGroup: { [group]: Math.round(lineAnswered * dayCount) },
    };
    if (patienceMean === undefined) warnings.push(`line ${name}: no abandoned calls reported; fitted without patience`);
  }
  const daily = [...dailyTotals.values()];
  const m = daily.reduce((s, x) => s + x, 0) / daily.length;
  const variance = daily.length < 2 ? 0 : daily.reduce((s, x) => s + (x - m) ** 2, 0) / (daily.length - 1);
  const cv = daily.length < 2 ? undefined : round(m > 0 ? Math.sqrt(Math.max(0, variance - m)) / m : 0, 4);
  if (cv === undefined) warnings.push('one day of reports: the day-to-day spread (rateUncertainty) cannot be estimated and is left out');
  const common = {
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.serviceLevelSeconds === undefined ? {} : { serviceLevelSeconds: options.serviceLevelSeconds }),
    // When the day opens, as the scenario says it (a whole minute, as HH:MM writes it).
    ...opensAtOf(first * intervalSeconds),
  };
  let scenario: Scenario;
  if (fittedLines.length === 1) {
    const { name: _n, routing: _r, arrivals, ...line } = fittedLines[0]!;
    scenario = { ...common, arrivals: cv === undefined ? arrivals : { ...arrivals, rateUncertainty: { cv } }, agents: groups[0]!.agents, ...line };
  } else {
    scenario = { ...common, ...(cv === undefined ? {} : { rateUncertainty: { cv } }), lines: fittedLines, groups };
  }
  const dayNames = [...allDays].sort((a, b) => a - b).map((d) => new Date(d * DAY * 1000).toISOString().slice(0, 10));
  const fitDiagnostics: FitDiagnostics = {
    records: { used: count, skipped: options.skippedRows ?? 0, withAgent: 0, withPerson: 0 },
    days: { count: dayCount, first: dayNames[0]!, last: dayNames.at(-1)! },
    intervalSeconds,
    openAtSeconds: first * intervalSeconds,
    dailyCalls: { mean: m, sd: Math.sqrt(variance), dayFactorCv: cv },
    lines: diagnostics,
    groups: Object.fromEntries(groups.map((g) => [g.name, { agentsPerInterval: g.agents.perInterval, source: 'roster' as const }])),
    warnings,
  };
  return { scenario: validateScenario(scenario), diagnostics: fitDiagnostics };
}

/**
 * The exponential patience mean under which Erlang A, interval by interval (each taken as in
 * steady state), abandons as many calls as observed; bisection on the log of the mean, since the
 * abandoned count falls as patience grows. Undefined when nobody abandoned.
 */
function patienceFromAbandonment(offered: number[], abandoned: number[], agents: number[], meanHandleSeconds: number, intervalSeconds: number): number | undefined {
  const observed = abandoned.reduce((s, x) => s + x, 0);
  if (observed === 0) return undefined;
  const expected = (meanPatienceSeconds: number) =>
    offered.reduce((s, calls, k) => {
      if (calls === 0) return s;
      if (agents[k]! < 1) return s + calls; // nobody to answer: everyone who calls waits it out
      const arrivalsPerHour = (calls * 3600) / intervalSeconds;
      return s + calls * erlangA({ arrivalsPerHour, meanHandleSeconds, meanPatienceSeconds, agents: agents[k]! }).probAbandon;
    }, 0);
  let low = Math.log(1);
  let high = Math.log(1e6);
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (expected(Math.exp(mid)) > observed) low = mid;
    else high = mid;
  }
  return Math.exp((low + high) / 2);
}
