// Daily volume: the log of a day's calls as a level per weekday plus a linear trend in weeks,
// fitted by least squares; what is left is the day factor, whose variance the forecast carries.
import { weekdayOfDay } from './history';

/** A fitted daily volume: `predict` gives a day's log volume and its variance (day factor and estimate). */
export interface DailyVolume {
  /** Weekdays with history (0 Sunday ... 6 Saturday). */
  weekdays: number[];
  trendPerWeek: number;
  /** Variance of the day factor's log. */
  dayVariance: number;
  /** The log volume's residual of each day fitted, beyond weekday and trend. */
  residual(day: number, calls: number): number;
  predict(day: number): { logVolume: number; variance: number } | undefined;
}

/** Below this many weeks of history a trend is not told from noise: the fit keeps it at 0. */
const TREND_WEEKS = 3;

/**
 * Least squares of log(calls of the day) on one level per weekday and a trend in weeks from the
 * last day of history. The prediction's variance adds the estimate's own (x' (X'X)^-1 x s^2) to
 * the day factor's (s^2).
 *
 * @example
 * fitDailyVolume([[19000, 1200], [19001, 1250], ...]).predict(19100); // { logVolume: 7.1, variance: 0.004 }
 */
export function fitDailyVolume(totals: ReadonlyArray<readonly [day: number, calls: number]>): DailyVolume {
  const weekdays = [...new Set(totals.map(([day]) => weekdayOfDay(day)))].sort((a, b) => a - b);
  const column = new Map(weekdays.map((w, i) => [w, i]));
  const lastDay = Math.max(...totals.map(([day]) => day));
  const firstDay = Math.min(...totals.map(([day]) => day));
  // A trend needs a weekday seen on two days at least, or it cannot be told from the levels.
  const seen = new Map<number, number>();
  for (const [day] of totals) seen.set(weekdayOfDay(day), (seen.get(weekdayOfDay(day)) ?? 0) + 1);
  const withTrend = (lastDay - firstDay) / 7 >= TREND_WEEKS && [...seen.values()].some((n) => n >= 2);
  const p = weekdays.length + (withTrend ? 1 : 0);
  const row = (day: number) => {
    const x = new Float64Array(p);
    x[column.get(weekdayOfDay(day))!] = 1;
    if (withTrend) x[p - 1] = (day - lastDay) / 7;
    return x;
  };
  const xtx = Array.from({ length: p }, () => new Float64Array(p));
  const xty = new Float64Array(p);
  for (const [day, calls] of totals) {
    const x = row(day);
    const y = Math.log(calls);
    for (let i = 0; i < p; i++) {
      xty[i]! += x[i]! * y;
      for (let j = 0; j < p; j++) xtx[i]![j]! += x[i]! * x[j]!;
    }
  }
  const inverse = invert(xtx);
  const beta = inverse.map((r) => r.reduce((s, v, j) => s + v * xty[j]!, 0));
  let squares = 0;
  for (const [day, calls] of totals) squares += (Math.log(calls) - row(day).reduce((s, v, i) => s + v * beta[i]!, 0)) ** 2;
  const freedom = totals.length - p;
  const dayVariance = freedom > 0 ? squares / freedom : 0;
  const fitted = (day: number) => row(day).reduce((s, v, i) => s + v * beta[i]!, 0);
  return {
    weekdays,
    residual: (day, calls) => Math.log(calls) - fitted(day),
    trendPerWeek: withTrend ? Math.expm1(beta[p - 1]!) : 0,
    dayVariance,
    predict(day) {
      if (!column.has(weekdayOfDay(day))) return undefined;
      const x = row(day);
      let logVolume = 0;
      let leverage = 0;
      for (let i = 0; i < p; i++) {
        logVolume += x[i]! * beta[i]!;
        for (let j = 0; j < p; j++) leverage += x[i]! * inverse[i]![j]! * x[j]!;
      }
      return { logVolume, variance: dayVariance * (1 + leverage) };
    },
  };
}

/** Inverse of a small symmetric positive definite matrix, by Gauss-Jordan elimination with pivoting. */
function invert(matrix: Float64Array[]): number[][] {
  const n = matrix.length;
  const a = matrix.map((r, i) => [...r, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const lead = a[col]![col]!;
    for (let j = 0; j < 2 * n; j++) a[col]![j]! /= lead;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]!;
      if (f !== 0) for (let j = 0; j < 2 * n; j++) a[r]![j]! -= f * a[col]![j]!;
    }
  }
  return a.map((r) => r.slice(n));
}

/**
 * Days whose volume is far from what their weekday and the trend say: a modified z-score (the
 * residual over 1.4826 times the median absolute residual) beyond 3.5, the usual cut of Iglewicz
 * and Hoaglin. Holidays nobody marked, to be left out of the fit as special days are. The worst
 * day goes first and the fit is made again before the next is judged: a holiday pulls its
 * weekday's level down, and would otherwise make every other day of that weekday look unusual.
 * At most a tenth of the days are set aside.
 */
export function unusualDays(totals: ReadonlyArray<readonly [day: number, calls: number]>): { volume: DailyVolume; unusual: number[] } {
  let kept = [...totals];
  let volume = fitDailyVolume(kept);
  const unusual: number[] = [];
  while (unusual.length < totals.length / 10) {
    const residuals = kept.map(([day, calls]) => Math.abs(volume.residual(day, calls)));
    const sorted = [...residuals].sort((a, b) => a - b);
    const half = sorted.length / 2;
    const median = sorted.length % 2 === 1 ? sorted[Math.floor(half)]! : (sorted[half - 1]! + sorted[half]!) / 2;
    const worst = residuals.indexOf(sorted[sorted.length - 1]!);
    if (!(median > 0) || residuals[worst]! / (1.4826 * median) <= UNUSUAL) break;
    unusual.push(kept[worst]![0]);
    kept = kept.filter((_, i) => i !== worst);
    volume = fitDailyVolume(kept);
  }
  return { volume, unusual };
}

const UNUSUAL = 3.5;
