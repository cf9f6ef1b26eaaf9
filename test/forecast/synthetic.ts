// Interval counts drawn from a known generating process, for the forecast to recover: a level
// per weekday, a weekly trend, a lognormal day factor, a profile per weekday, Poisson counts.
import seedrandom from 'seedrandom';
import type { IntervalCount } from '../../src';
import { standardGamma } from '../../src/random';

export interface Generator {
  /** Expected calls of an ordinary day, by weekday (0 Sunday ... 6 Saturday; absent: closed). */
  levels: Partial<Record<number, number>>;
  /** Growth per week (0.03: 3%). */
  trendPerWeek: number;
  /** Standard deviation of the day factor's log. */
  daySigma: number;
  /** Shares of the day's calls per interval from `opensAtSeconds`, by weekday. */
  profiles: Partial<Record<number, number[]>>;
  intervalSeconds: number;
  opensAtSeconds: number;
  /** Variance of an interval's count beyond Poisson: mean + dispersion * mean^2 (a gamma factor per interval); default 0. */
  dispersion?: number;
  /** First day generated and the reference day of the trend (weeks counted from it). */
  firstDate: string;
}

const DAY = 86_400_000;

/** Expected calls per interval of a day, before its day factor (E[F] = 1), or undefined on a closed day. */
export function truth(g: Generator, date: string): number[] | undefined {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay();
  const level = g.levels[weekday];
  const profile = g.profiles[weekday];
  if (level === undefined || profile === undefined) return undefined;
  const weeks = (day.getTime() - Date.parse(`${g.firstDate}T00:00:00Z`)) / DAY / 7;
  const volume = level * (1 + g.trendPerWeek) ** weeks;
  return profile.map((share) => volume * share);
}

/** Counts of `days` days from `firstDate + offsetDays`, seeded. */
export function generate(g: Generator, offsetDays: number, days: number, seed: number): IntervalCount[] {
  const random = seedrandom(String(seed));
  const rows: IntervalCount[] = [];
  for (let d = offsetDays; d < offsetDays + days; d++) {
    const start = Date.parse(`${g.firstDate}T00:00:00Z`) + d * DAY;
    const expected = truth(g, new Date(start).toISOString().slice(0, 10));
    if (!expected) continue;
    const factor = Math.exp(g.daySigma * gaussian(random) - (g.daySigma * g.daySigma) / 2);
    expected.forEach((mean, k) => {
      const at = new Date(start + (g.opensAtSeconds + k * g.intervalSeconds) * 1000).toISOString();
      const d = g.dispersion ?? 0;
      const burst = d > 0 ? standardGamma(1 / d, { next: random }) * d : 1;
      rows.push({ start: `${at.slice(0, 10)} ${at.slice(11, 16)}`, count: poisson(mean * factor * burst, random) });
    });
  }
  return rows;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Poisson by inversion, in pieces of mean 30 so that e^-mean never underflows. */
function poisson(mean: number, random: () => number): number {
  let n = 0;
  for (let rest = mean; rest > 0; rest -= 30) {
    const m = Math.min(rest, 30);
    let p = Math.exp(-m);
    let cdf = p;
    const u = random();
    let k = 0;
    while (u > cdf && k < 1000) {
      k++;
      p *= m / k;
      cdf += p;
    }
    n += k;
  }
  return n;
}
