import { opensAtOf } from './opensAt';
import { validateScenario, type Agents, type Line, type Scenario } from '../scenario';
import type { Distribution } from '../random';
import { CallTally, type LineTally } from './callTally';
import { crossing } from './dayTypes';
import { CalibrationError } from './errors';
import { fitFamilies, type FittedDistribution } from './families';
import type { DistributionFit, FitDiagnostics, FitOptions, FittedScenario, LineDiagnostics, PatienceFit } from './fitTypes';
import { choosePatience } from './patience';
import type { CallRecord } from './records';
import { fitRoster } from './roster';

const DAY = 86_400;
/** Below this many exact observations a fitted distribution is flagged as resting on thin data. */
const THIN = 30;
/** A group's own handle time for a line is fitted once it answered this many of the line's calls. */
const GROUP_HANDLE_MIN = 100;
/** ...and used in the route when its mean differs from the line's by more than this share. */
const GROUP_HANDLE_DIFFERS = 0.1;

/**
 * Fits a scenario (a typical day) to a center's call-detail records (DESIGN.md, "Calibration"):
 * arrivals per interval and line as the mean over the days, with the day factor's cv from the
 * day-to-day spread beyond Poisson; handle time and patience by maximum likelihood over
 * lognormal, gamma and exponential (patience censored by the answered callers' waits), the
 * family chosen by AIC (patience: the Kaplan–Meier curve itself when no family matches it at 1,
 * 5 and 10 minutes); balking, redials and routing as the records show them; the roster from
 * the agents seen working, or `options.roster`. Several lines or groups give a multi-line
 * scenario. Records are read once and only their statistics are kept.
 *
 * Throws a `CalibrationError` when the records cannot make a scenario (none, or no answered call).
 *
 * @example
 * const { scenario, diagnostics } = fitScenario(records, { intervalSeconds: 1800 });
 * diagnostics.lines.main?.patience?.kaplanMeier; // P(patience > t), from the censored waits
 */
export function fitScenario(records: Iterable<CallRecord>, options?: FitOptions): FittedScenario;
export function fitScenario(records: AsyncIterable<CallRecord>, options?: FitOptions): Promise<FittedScenario>;
export function fitScenario(records: Iterable<CallRecord> | AsyncIterable<CallRecord>, options: FitOptions = {}): FittedScenario | Promise<FittedScenario> {
  const tally = newTally(options);
  if (Symbol.asyncIterator in records) {
    return (async () => {
      for await (const record of records) tally.add(record);
      return fitTally(tally, options);
    })();
  }
  for (const record of records) tally.add(record);
  return fitTally(tally, options);
}

/** An empty tally with the options' interval and redial window, to feed record by record. */
export function newTally(options: FitOptions = {}): CallTally {
  const intervalSeconds = options.intervalSeconds ?? 1800;
  if (!(intervalSeconds >= 60 && intervalSeconds <= DAY && Number.isInteger(intervalSeconds))) {
    throw new CalibrationError([`intervalSeconds: expected a whole number of seconds from 60 to 86400, got ${String(intervalSeconds)}`]);
  }
  return new CallTally(intervalSeconds, options.redialWindowSeconds ?? 4 * 3600, options.breakBelowSeconds ?? 0);
}

/** The scenario and diagnostics from a tally's statistics. */
export function fitTally(tally: CallTally, options: FitOptions = {}): FittedScenario {
  if (tally.records === 0) throw new CalibrationError(['no call records: the file has a header at most']);
  const answered = [...tally.lines.values()].reduce((n, line) => n + line.outcomes.answered, 0);
  if (answered === 0) throw new CalibrationError(['no answered call in the records: handle times and the roster cannot be fitted']);
  const warnings: string[] = [];
  const days = [...tally.firstCallsByDay.keys()].sort((a, b) => a - b);
  const { first, last } = openHours(tally, warnings);
  const slots = last - first;
  const intervalSeconds = tally.intervalSeconds;

  // Arrivals: the mean over the days of the first calls in each interval, days far off the
  // others (holidays) aside.
  const dailyTotals = days.map((day) => {
    let total = 0;
    for (const counts of tally.firstCallsByDay.get(day)!.values()) for (const c of counts) total += c;
    return total;
  });
  const outliers = outlyingDays(dailyTotals);
  if (outliers.size > 0) {
    const listed = [...outliers].map((d) => `${dayName(days[d]!)} (${dailyTotals[d]} calls)`).join(', ');
    warnings.push(`${plural(outliers.size, 'day')} far off the others' volume left out of the arrivals and the day factor: ${listed}`);
  }
  const early = [...shortDays(days.map((day) => tally.firstCallsByDay.get(day)!), tally.intervalsPerDay)].filter((d) => !outliers.has(d));
  if (early.length > 0) {
    const listed = early.map((d) => dayName(days[d]!)).join(', ');
    warnings.push(`${plural(early.length, 'day')} closing more than an interval before the others (short days, such as a holiday's eve) left out of the arrivals and the day factor: ${listed}`);
    for (const d of early) outliers.add(d);
  }
  const usual = days.filter((_, d) => !outliers.has(d));
  const perLine = new Map<string, number[]>();
  for (const line of tally.lines.keys()) {
    const sums = new Array<number>(slots).fill(0);
    for (const day of usual) {
      const counts = tally.firstCallsByDay.get(day)!.get(line);
      if (counts) for (let k = 0; k < slots; k++) sums[k]! += counts[first + k]!;
    }
    perLine.set(line, sums.map((s) => round(s / usual.length, 2)));
  }
  const dailyCalls = dayFactor(dailyTotals.filter((_, d) => !outliers.has(d)));
  if (days.length < 2) warnings.push('one day of records: the day-to-day spread (rateUncertainty) cannot be estimated and is left out');
  else if (days.length < 10) warnings.push(`${days.length} days of records: the day factor's cv rests on few days`);

  const lineDiagnostics: Record<string, LineDiagnostics> = {};
  const allHandle = fitFamilies(mergedHandle(tally));
  const lines: Line[] = [];
  for (const tallyLine of tally.lines.values()) {
    const { line, diagnostics } = fitLine(tallyLine, allHandle, [...tally.groups].sort(), warnings);
    lineDiagnostics[tallyLine.name] = diagnostics;
    const { name, ...rest } = line;
    lines.push({ name, arrivals: { intervalSeconds, perInterval: perLine.get(tallyLine.name)! }, ...rest });
  }

  const roster = fitRoster(tally, { first, slots, days: days.length, roster: options.roster, rosterRows: options.rosterRows }, warnings);
  const cv = dailyCalls.dayFactorCv;
  const common = {
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.serviceLevelSeconds === undefined ? {} : { serviceLevelSeconds: options.serviceLevelSeconds }),
    // When the day opens, as the scenario says it (a whole minute, as HH:MM writes it).
    ...opensAtOf(first * intervalSeconds),
  };
  let scenario: Scenario;
  if (lines.length === 1 && roster.size === 1) {
    const { name: _name, routing: _routing, arrivals, ...line } = lines[0]!;
    scenario = {
      ...common,
      arrivals: cv === undefined ? arrivals : { ...arrivals, rateUncertainty: { cv } },
      agents: [...roster.values()][0]!.agents,
      ...line,
    };
  } else {
    scenario = {
      ...common,
      ...(cv === undefined ? {} : { rateUncertainty: { cv } }),
      lines,
      groups: [...roster].map(([name, { agents }]) => ({ name, agents })),
    };
  }
  const diagnostics: FitDiagnostics = {
    records: { used: tally.records, skipped: options.skippedRows ?? options.reading?.bad ?? 0, withAgent: tally.withAgent, withPerson: tally.withPerson },
    ...(options.reading === undefined ? {} : { reading: { ...options.reading, missingDays: [...options.reading.missingDays] } }),
    days: { count: days.length, first: dayName(days[0]!), last: dayName(days.at(-1)!) },
    intervalSeconds,
    openAtSeconds: first * intervalSeconds,
    dailyCalls,
    lines: lineDiagnostics,
    groups: Object.fromEntries([...roster].map(([name, fit]) => [name, { agentsPerInterval: fit.perInterval, source: fit.source }])),
    warnings,
  };
  return { scenario: validateScenario(scenario), diagnostics };
}

/**
 * The first interval of the day with calls, and one past the last. Stray calls at the edges (an
 * interval with less than one call a day on average and under 1% of the busiest interval's) are
 * left out of the day, with a warning: a call logged a second after closing does not open the
 * center for another half hour.
 */
export function openHours(tally: CallTally, warnings: string[] = []): { first: number; last: number } {
  const totals = new Float64Array(tally.intervalsPerDay);
  for (const lines of tally.firstCallsByDay.values()) {
    for (const counts of lines.values()) for (let k = 0; k < counts.length; k++) totals[k]! += counts[k]!;
  }
  return openIntervals(totals, tally.firstCallsByDay.size, warnings);
}

/** `openHours` from the calls in each interval of the day, summed over `days` days. */
export function openIntervals(totals: ArrayLike<number>, days: number, warnings: string[] = []): { first: number; last: number } {
  let busiest = 0;
  for (let k = 0; k < totals.length; k++) busiest = Math.max(busiest, totals[k]!);
  const stray = (k: number) => totals[k]! < days && totals[k]! < 0.01 * busiest;
  let first = 0;
  while (first < totals.length && totals[first] === 0) first++;
  let last = totals.length;
  while (last > first && totals[last - 1] === 0) last--;
  let dropped = 0;
  while (first < last - 1 && stray(first)) dropped += totals[first++]!;
  while (last - 1 > first && stray(last - 1)) dropped += totals[--last]!;
  if (dropped > 0) warnings.push(`${dropped} stray calls in intervals at the edges of the day were left out of the arrivals`);
  return { first, last };
}

/**
 * Days whose calls are more than four robust standard deviations (the interquartile range over
 * 1.349) from the median: holidays and outages, not the spread of ordinary days that the day
 * factor stands for. Only with 10 days or more.
 */
function outlyingDays(totals: readonly number[]): Set<number> {
  const outliers = new Set<number>();
  if (totals.length < 10) return outliers;
  const sorted = [...totals].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.floor(q * (sorted.length - 1))]!;
  const spread = (at(0.75) - at(0.25)) / 1.349;
  totals.forEach((x, d) => {
    if (spread > 0 && Math.abs(x - at(0.5)) > 4 * spread) outliers.add(d);
  });
  return outliers;
}

/**
 * Days that close (98% of their calls in) more than an interval before the median day: another
 * kind of day (a holiday's eve closes at noon), as a short Friday is, not a quieter day of this
 * kind, which is what the day factor stands for. Opening later is not enough: the bank's
 * Saturdays open when the Sabbath ends, later as the days lengthen. Only with 10 days or more.
 */
function shortDays(days: ReadonlyArray<ReadonlyMap<string, Float64Array>>, intervalsPerDay: number): Set<number> {
  const short = new Set<number>();
  if (days.length < 10) return short;
  const hours = days.map((lines) => {
    const totals = new Float64Array(intervalsPerDay);
    for (const counts of lines.values()) for (let k = 0; k < intervalsPerDay; k++) totals[k]! += counts[k]!;
    const volume = totals.reduce((s, x) => s + x, 0);
    return { last: crossing(totals, 0.98 * volume) };
  });
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
  const last = median(hours.map((h) => h.last));
  hours.forEach((h, d) => {
    if (last - h.last > 1) short.add(d);
  });
  return short;
}

/**
 * The day factor's cv by the method of moments: a day's calls are Poisson given its factor F, so
 * Var(N) = m + cv²·m² with m the mean; cv² = (s² − m) / m², 0 when the spread is Poisson's or less.
 */
function dayFactor(totals: readonly number[]): FitDiagnostics['dailyCalls'] {
  const n = totals.length;
  const mean = totals.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { mean, sd: 0, dayFactorCv: undefined };
  const variance = totals.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const cv = mean > 0 ? Math.sqrt(Math.max(0, variance - mean)) / mean : 0;
  return { mean, sd: Math.sqrt(variance), dayFactorCv: round(cv, 4) };
}

function fitLine(tally: LineTally, allHandle: FittedDistribution[], groups: readonly string[], warnings: string[]): { line: Omit<Line, 'arrivals'>; diagnostics: LineDiagnostics } {
  const name = tally.name;
  let handleFit = fitFamilies(tally.handle);
  if (handleFit.length === 0) {
    warnings.push(`line ${name}: no answered call; its handle time is the center's`);
    handleFit = allHandle;
  } else if (tally.handle.exactCount < THIN) warnings.push(`line ${name}: handle time rests on ${plural(tally.handle.exactCount, 'call')}`);
  const handleTime = rounded(handleFit[0]!.distribution);

  const handleTimeByGroup: LineDiagnostics['handleTimeByGroup'] = {};
  const groupHandle = new Map<string, Distribution>();
  for (const [group, groupTally] of tally.handleByGroup) {
    if (groupTally.exactCount < GROUP_HANDLE_MIN || tally.handleByGroup.size < 2) continue;
    const fits = fitFamilies(groupTally);
    if (fits.length === 0) continue;
    handleTimeByGroup[group] = { ...summary(groupTally.exactCount, fits), meanSeconds: groupTally.mean };
    if (Math.abs(groupTally.mean / tally.handle.mean - 1) > GROUP_HANDLE_DIFFERS) groupHandle.set(group, rounded(fits[0]!.distribution));
  }

  const answeredByGroup = Object.fromEntries([...tally.handleByGroup].map(([group, t]) => [group, t.exactCount]).sort((a, b) => (b[1] as number) - (a[1] as number)));
  const routing = Object.keys(answeredByGroup).map((group) => {
    const handle = groupHandle.get(group);
    return handle ? { group, handleTime: handle } : { group };
  });
  // A line nobody answered (every caller hung up) is routed to every group: the records cannot say which would have.
  if (routing.length === 0) routing.push(...groups.map((group) => ({ group })));

  let patience: PatienceFit | undefined;
  let patienceSpec: Distribution | undefined;
  const patienceFits = fitFamilies(tally.patience);
  if (patienceFits.length > 0) {
    const p = tally.patience;
    const choice = choosePatience(p, patienceFits);
    patienceSpec = choice.chosen.family === 'kaplan-meier' ? choice.chosen.distribution : rounded(choice.chosen.distribution);
    patience = {
      ...summary(p.exactCount, patienceFits),
      chosen: choice.chosen.family,
      checks: choice.checks,
      beside: choice.candidates,
      censored: p.censoredCount,
      censoredShare: p.censoredCount / p.count,
      naiveMeanSeconds: p.mean,
      kaplanMeier: thin(p.kaplanMeier(), 120),
    };
    if (p.exactCount < THIN) warnings.push(`line ${name}: patience rests on ${plural(p.exactCount, 'caller')} who hung up`);
  } else if (tally.outcomes.abandoned === 0) {
    warnings.push(`line ${name}: nobody hung up on hold; the line is fitted without patience (nobody abandons)`);
  }

  const balked = tally.outcomes.balked;
  const balkingProbability = balked === 0 ? 0 : balked / (balked + tally.hadToWait);
  let redial: LineDiagnostics['redial'];
  let redialSpec: Line['redial'];
  if (tally.sentAway > 0) {
    const delayFits = fitFamilies(tally.redialDelay);
    const probability = tally.redials / tally.sentAway;
    redial = { sentAway: tally.sentAway, redials: tally.redials, probability, ...(delayFits.length > 0 ? { delay: summary(tally.redialDelay.exactCount, delayFits) } : {}) };
    if (tally.redials > 0 && delayFits.length > 0) redialSpec = { probability: round(probability, 4), delay: rounded(delayFits[0]!.distribution) };
    if (tally.redials > 0 && tally.redials < THIN) warnings.push(`line ${name}: redials rest on ${plural(tally.redials, 'call')}`);
  }
  for (const outcome of ['busy', 'disconnected', 'callback'] as const) {
    if (tally.outcomes[outcome] > 0) warnings.push(`line ${name}: ${tally.outcomes[outcome]} calls ended "${outcome}"; trunks, courtesy disconnects and callbacks are not fitted`);
  }

  const line: Omit<Line, 'arrivals'> = {
    name,
    handleTime,
    ...(patienceSpec ? { patience: patienceSpec } : {}),
    routing,
    ...(balked > 0 ? { balking: { probability: round(balkingProbability, 4) } } : {}),
    ...(redialSpec ? { redial: redialSpec } : {}),
  };
  return {
    line,
    diagnostics: {
      calls: tally.calls,
      firstCalls: tally.firstCalls,
      outcomes: { ...tally.outcomes },
      ...(handleFit.length > 0 ? { handleTime: summary(tally.handle.exactCount, handleFit) } : {}),
      handleTimeByGroup,
      ...(patience ? { patience } : {}),
      balking: { balked, hadToWait: tally.hadToWait, probability: balkingProbability },
      breaks: tally.breaks,
      ...(redial ? { redial } : {}),
      answeredByGroup,
    },
  };
}

function mergedHandle(tally: CallTally) {
  // The best line's tally stands in for a line without answered calls (rare; warned about).
  return [...tally.lines.values()].reduce((best, line) => (line.handle.exactCount > best.handle.exactCount ? line : best)).handle;
}

function summary(sampleSize: number, candidates: FittedDistribution[]): DistributionFit {
  return { sampleSize, chosen: candidates[0]!.family, candidates };
}

/** A fitted distribution rounded to what it can mean: tenths of a second, three decimals of cv. */
function rounded(distribution: Distribution): Distribution {
  switch (distribution.type) {
    case 'exponential':
      return { type: 'exponential', meanSeconds: round(distribution.meanSeconds, 1) };
    case 'lognormal':
    case 'gamma':
      return { type: distribution.type, meanSeconds: round(distribution.meanSeconds, 1), cv: Math.max(0.001, round(distribution.cv, 3)) };
    default:
      return distribution;
  }
}

function thin<T>(steps: readonly T[], most: number): T[] {
  if (steps.length <= most) return [...steps];
  const every = Math.ceil(steps.length / most);
  return steps.filter((_, i) => i % every === every - 1 || i === steps.length - 1);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function round(x: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(x * scale) / scale;
}

function dayName(day: number): string {
  return new Date(day * DAY * 1000).toISOString().slice(0, 10);
}

export type { Agents };
