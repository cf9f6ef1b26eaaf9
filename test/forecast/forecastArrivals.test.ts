import { describe, expect, it } from 'vitest';
import { forecastArrivals, ForecastInputError, parseLocalDateTime, seasonArrivals, type IntervalCount } from '../../src';
import { generate, truth, type Generator } from './synthetic';

// Mondays to Thursdays peak late morning; Fridays fall from the opening on. 24 half hours from 07:00.
const peaked = normalized(Array.from({ length: 24 }, (_, k) => 1 + 2 * Math.exp(-(((k - 7) / 4) ** 2))));
const falling = normalized(Array.from({ length: 24 }, (_, k) => 24 - k));
const center: Generator = {
  levels: { 1: 2400, 2: 2200, 3: 2200, 4: 2100, 5: 1800 },
  trendPerWeek: 0.03,
  daySigma: 0.05,
  profiles: { 1: peaked, 2: peaked, 3: peaked, 4: peaked, 5: falling },
  intervalSeconds: 1800,
  opensAtSeconds: 7 * 3600,
  firstDate: '2024-01-01', // a Monday
};
const WEEKS = 16;
const history = generate(center, 0, 7 * WEEKS, 1);
const from = '2024-04-22'; // the Monday after the history
const to = '2024-06-14'; // eight weeks of weekdays
const forecast = forecastArrivals(history, { from, to, intervalSeconds: 1800 });

describe('forecastArrivals recovers a known generating process (16 weeks of weekdays, half hours)', () => {
  it("each weekday's profile: every half hour's share within 10% of the generating share", () => {
    // A half hour holds about 100 calls a day, 1,600 over the 16 days of a weekday: a share is
    // known to 2.5% (Poisson), so 10% is 4 standard deviations; Monday's profile taken for
    // Friday's (or shifted by one interval) is off by far more.
    for (const [weekday, name] of [[1, 'mon'], [3, 'wed'], [5, 'fri']] as const) {
      const shares = forecast.dayTypes.find((t) => t.name === name)!.shares.slice(14, 38);
      const expected = center.profiles[weekday]!;
      for (let k = 0; k < 24; k++) expect(Math.abs(shares[k]! / expected[k]! - 1), `${name} ${k}`).toBeLessThan(0.1);
    }
    expect(forecast.dayTypes.map((t) => t.name)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
  });

  it('the trend within 0.006 of 3% a week, the day factor cv within 0.02 of the 0.054 generated', () => {
    // log daily volume has sd sqrt(0.05^2 + 1/2200) = 0.054 (day factor and Poisson); over 80
    // days spread on 16 weeks the slope's standard error is 0.054 / sqrt(80 * 16^2 / 12) = 0.0013.
    expect(Math.abs(forecast.fit.trendPerWeek - 0.03)).toBeLessThan(0.006);
    expect(Math.abs(forecast.fit.dayFactorCv - 0.054)).toBeLessThan(0.02);
    expect(forecast.fit.days).toBe(80);
    // Counts are Poisson given the day: no dispersion beyond it worth the name.
    expect(forecast.fit.dispersion).toBeLessThan(0.005);
  });

  it("every day's expected calls within 6% of the generating volume, weekends closed", () => {
    // Level known to sd 1.4% per weekday, the trend extrapolated up to 8 weeks ahead to about
    // 2.5%: 6% is over two standard deviations of both at the far end, where a missing trend
    // (24% by then) or a lost day factor correction would show.
    expect(forecast.days).toHaveLength(40);
    for (const day of forecast.days) {
      const generated = truth(center, day.date)!.reduce((s, x) => s + x, 0);
      expect(Math.abs(day.expected / generated - 1), day.date).toBeLessThan(0.06);
      expect(day.low).toBeLessThan(day.expected);
      expect(day.high).toBeGreaterThan(day.expected);
    }
    expect(forecast.intervals).toHaveLength(40 * 24);
    expect(forecast.intervals[0]!.start).toBe('2024-04-22T07:00');
    expect(forecast.intervals[23]!.start).toBe('2024-04-22T18:30');
  });

  it('90% prediction intervals cover 86-94% of counts drawn anew from the same process', () => {
    // 960 held-out counts: were they independent, the coverage's standard error would be 1%;
    // the day factor ties a day's counts together (its sd 5% against the counts' own 10%), so
    // 4% either side is about three standard errors. Poisson intervals without the day factor,
    // or the day factor's variance counted twice, fall outside.
    const heldOut = generate(center, 7 * WEEKS, 7 * 8, 2);
    const byStart = new Map(forecast.intervals.map((i) => [i.start, i]));
    let covered = 0;
    for (const row of heldOut) {
      const p = byStart.get((row.start as string).replace(' ', 'T'))!;
      if (row.count >= p.low && row.count <= p.high) covered++;
    }
    expect(heldOut).toHaveLength(960);
    const coverage = covered / heldOut.length;
    expect(coverage).toBeGreaterThan(0.86);
    expect(coverage).toBeLessThan(0.94);
  });
});

describe('forecastArrivals with day types', () => {
  it('Monday to Thursday share one profile and keep their own volumes; seasonArrivals scales the shared day per weekday', () => {
    const pooled = forecastArrivals(history, { from, to, intervalSeconds: 1800, dayTypes: [{ name: 'mon-thu', weekdays: [1, 2, 3, 4] }] });
    expect(pooled.dayTypes.map((t) => [t.name, t.weekdays, t.days])).toEqual([['mon-thu', [1, 2, 3, 4], 64], ['fri', [5], 16]]);
    // 64 days of about 100 calls a half hour: a share known to 1.3%; 5% is four of that.
    const shares = pooled.dayTypes[0]!.shares.slice(14, 38);
    shares.forEach((share, k) => expect(Math.abs(share / peaked[k]! - 1)).toBeLessThan(0.05));
    expect(pooled.days.slice(0, 5).map((d) => d.dayType)).toEqual(['mon-thu', 'mon-thu', 'mon-thu', 'mon-thu', 'fri']);
    // Volumes stay per weekday: Monday 2,400 against Tuesday's 2,200 (each level known to about 1.4%).
    const season = seasonArrivals(pooled);
    expect(Math.abs(season.days[0]!.factor / season.days[1]!.factor / (2400 / 2200) - 1)).toBeLessThan(0.04);
  });
});

describe('forecastArrivals with counts more variable than Poisson (a gamma factor per half hour, dispersion 0.04)', () => {
  const bursty: Generator = { ...center, dispersion: 0.04 };
  const fitted = forecastArrivals(generate(bursty, 0, 7 * WEEKS, 3), { from, to, intervalSeconds: 1800 });

  it('the dispersion within 0.01 of 0.04, and 90% intervals covering 86-94% of new counts', () => {
    // 1,920 half hours of about 100 calls: (n - m)^2 - m has sd about 2 m^2 d, so the moment
    // estimate's standard error is near 0.04 * 2 / sqrt(1920) = 0.002; 0.01 is five of them.
    expect(Math.abs(fitted.fit.dispersion - 0.04)).toBeLessThan(0.01);
    // The gamma factor widens a half hour of 100 calls from ±16 (Poisson) to ±36: intervals
    // without the dispersion cover about 55%.
    const heldOut = generate(bursty, 7 * WEEKS, 7 * 8, 4);
    const byStart = new Map(fitted.intervals.map((i) => [i.start, i]));
    const covered = heldOut.filter((row) => {
      const p = byStart.get((row.start as string).replace(' ', 'T'))!;
      return row.count >= p.low && row.count <= p.high;
    }).length;
    expect(covered / heldOut.length).toBeGreaterThan(0.86);
    expect(covered / heldOut.length).toBeLessThan(0.94);
  });
});

describe('forecastArrivals: inputs', () => {
  const short = generate(center, 0, 7 * 6, 3);

  it('call records give the forecast their interval counts give', () => {
    const records = short.flatMap((row) => {
      const start = parseLocalDateTime(row.start as string)!;
      return Array.from({ length: row.count }, (_, i) => ({ arrivedAt: start + (1800 * (i + 0.5)) / row.count }));
    });
    const options = { from: '2024-02-12', to: '2024-02-16', intervalSeconds: 1800 };
    expect(forecastArrivals(records, options)).toEqual(forecastArrivals(short, options));
  });

  it('five-minute history summed into half hours gives what half-hour history gives', () => {
    const fine = short.flatMap((row) => {
      const start = parseLocalDateTime(row.start as string)!;
      // The half hour's calls spread over its six five-minute intervals, the rest in the first.
      return Array.from({ length: 6 }, (_, i) => ({ start: new Date((start + 300 * i) * 1000), count: i === 0 ? row.count - 5 * Math.floor(row.count / 6) : Math.floor(row.count / 6) }));
    });
    const options = { from: '2024-02-12', to: '2024-02-16', intervalSeconds: 1800 };
    expect(forecastArrivals(fine, options)).toEqual(forecastArrivals(short, options));
  });

  it('a special day of the history is left out of the fit; one in the forecast is scaled by its factor', () => {
    const options = { from: '2024-02-12', to: '2024-02-16', intervalSeconds: 1800 };
    const plain = forecastArrivals(short, options);
    // A Monday at a tenth of its calls, marked: the forecast is the one of the history without it.
    const holiday = short.map((row) => ((row.start as string).startsWith('2024-01-15') ? { ...row, count: Math.round(row.count / 10) } : row));
    const without = short.filter((row) => !(row.start as string).startsWith('2024-01-15'));
    const marked = forecastArrivals(holiday, { ...options, specialDays: [{ date: '2024-01-15' }] });
    expect(marked.intervals).toEqual(forecastArrivals(without, options).intervals);
    expect(marked.fit.leftOut).toEqual(['2024-01-15']);
    // Unmarked, such a day is found unusual and left out all the same.
    expect(forecastArrivals(holiday, options).fit.unusual).toEqual(['2024-01-15']);

    const scaled = forecastArrivals(short, { ...options, specialDays: [{ date: '2024-02-13', factor: 0.5 }, { date: '2024-02-14', factor: 0 }] });
    expect(scaled.days[1]!.expected).toBeCloseTo(plain.days[1]!.expected / 2, 9);
    expect(scaled.days[1]!.specialFactor).toBe(0.5);
    expect(scaled.days[2]).toMatchObject({ expected: 0, low: 0, high: 0, specialFactor: 0 });
    expect(scaled.days[0]).toEqual(plain.days[0]);
  });

  it('every problem with the history and the options at once, each with its path, value and expectation', () => {
    const rows = [{ start: '2024-01-01 07:00', count: 3 }, { start: 'Monday', count: -1 }, { start: '2024-01-01 07:30' }] as unknown as IntervalCount[];
    let error: unknown;
    try {
      forecastArrivals(rows, {
        from: '2024-03-01',
        to: '2024-02-01',
        intervalSeconds: 7000,
        level: 90,
        dayTypes: [{ name: 'mon-thu', weekdays: [1, 2, 3, 4] }, { name: 'thu-fri', weekdays: [4, 7] }],
        specialDays: [{ date: '2024-02-30', factor: -1 }, { date: '2024-02-20' }],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ForecastInputError);
    const problems = (error as ForecastInputError).problems;
    expect(problems.map((p) => p.path)).toEqual(['intervalSeconds', 'to', 'level', 'dayTypes[1].weekdays[0]', 'dayTypes[1].weekdays[1]', 'specialDays[0].date', 'specialDays[0].factor', 'history[1].start', 'history[1].count', 'history[2].count']);
    expect(problems[0]).toMatchObject({ received: 7000, expected: expect.stringContaining('divides a day') });
    expect(problems[1]).toMatchObject({ received: '2024-02-01', expected: 'a date on or after from (2024-03-01)' });
    expect((error as Error).message).toContain('history[1].start: expected a local date-time (2003-03-03 07:00) or a Date, received "Monday"');

    // Inside the forecast, a special day needs its factor; a forecast finer than the history's intervals cannot be.
    const inside = () => forecastArrivals(short, { from: '2024-02-12', to: '2024-02-16', intervalSeconds: 900, specialDays: [{ date: '2024-02-13' }] });
    expect(inside).toThrow(/specialDays\[0\]\.factor: expected a factor for a special day inside the forecast/);
    expect(inside).toThrow(/intervalSeconds: expected a multiple of the history's own intervals \(1800 s\): a count cannot be split, received 900/);
    // A thousand bad rows: fifty listed, the rest counted.
    const many = Array.from({ length: 1000 }, () => ({ start: 'never', count: 1 }));
    expect(() => forecastArrivals(many, { from: '2024-02-12', to: '2024-02-16', intervalSeconds: 1800 })).toThrow(/invalid arrivals forecast input: 51 problems[\s\S]*history\[49\]\.start[\s\S]*history: expected rows such as the ones above, received "950 more bad rows"/);
    expect(() => forecastArrivals([], { from: '2024-02-12', to: '2024-02-16', intervalSeconds: 1800 })).toThrow(/history: expected interval counts/);
  });
});

describe('seasonArrivals', () => {
  it("a day type's perInterval times a day's factor is that day's forecast, from the type's opening", () => {
    const season = seasonArrivals(forecast);
    expect(Object.keys(season.dayTypes)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(season.dayTypes.mon).toMatchObject({ opensAt: '07:00', arrivals: { intervalSeconds: 1800, rateUncertainty: { cv: Math.round(forecast.fit.dayFactorCv * 1e4) / 1e4 } } });
    expect(season.dayTypes.mon!.arrivals.perInterval).toHaveLength(24);
    expect(season.days).toHaveLength(40);
    season.days.forEach((day, d) => {
      const perInterval = season.dayTypes[day.dayType]!.arrivals.perInterval;
      perInterval.forEach((calls, k) => {
        // Rounded to hundredths of a call and a factor to 4 digits: within 0.1%.
        expect(Math.abs((calls * day.factor) / forecast.intervals[d * 24 + k]!.expected - 1)).toBeLessThan(1e-3);
      });
    });
  });
});

function normalized(weights: number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}
