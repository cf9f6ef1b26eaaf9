// Helpers of the chart tests: small known inputs, and Vega-Lite's compiler with its warnings caught.
import { compile, type TopLevelSpec } from 'vega-lite';
import { estimate, type Estimate, type HoldBin, type IntervalRow, type Summary } from '../../src';
import type { VegaLiteSpec } from '../../src/charts';

/** Two quarter-hours of a small center; the second one busier. */
export function intervalRows(): IntervalRow[] {
  return [
    {
      intervalStart: 0,
      intervalEnd: 900,
      warmup: false,
      arrivals: 70,
      answered: 66,
      abandoned: 4,
      balked: 0,
      busy: 0,
      disconnected: 0,
      callbacksAccepted: 0,
      meanHoldSeconds: 30,
      serviceLevel: 0.8,
      agentsScheduled: 20,
      agentsOnDuty: 20,
      busyAgents: 18,
      occupancy: 0.9,
      meanQueueLength: 2.5,
    },
    {
      intervalStart: 900,
      intervalEnd: 1800,
      warmup: false,
      arrivals: 90,
      answered: 80,
      abandoned: 10,
      balked: 0,
      busy: 0,
      disconnected: 0,
      callbacksAccepted: 0,
      meanHoldSeconds: 120,
      serviceLevel: 0.5,
      agentsScheduled: 20,
      agentsOnDuty: 20,
      busyAgents: 19.5,
      occupancy: 0.975,
      meanQueueLength: 12,
    },
  ];
}

/** An estimate from values, as replications would give it. */
export const est = (...values: number[]): Estimate => estimate(values);

/** The same two quarter-hours summarized over replications, with callbacks taken. */
export function summaryRows(): Array<Summary<IntervalRow>> {
  return intervalRows().map((row) => ({
    intervalStart: row.intervalStart,
    intervalEnd: row.intervalEnd,
    warmup: row.warmup,
    arrivals: est(row.arrivals - 2, row.arrivals + 2),
    answered: est(row.answered - 2, row.answered),
    abandoned: est(row.abandoned, row.abandoned),
    balked: est(0, 0),
    busy: est(0, 0),
    disconnected: est(0, 0),
    callbacksAccepted: est(1, 3),
    meanHoldSeconds: est(row.meanHoldSeconds - 6, row.meanHoldSeconds + 6),
    serviceLevel: est(row.serviceLevel, row.serviceLevel),
    agentsScheduled: est(20, 20),
    agentsOnDuty: est(20, 20),
    busyAgents: est(row.busyAgents - 0.5, row.busyAgents + 0.5),
    occupancy: est(row.occupancy, row.occupancy),
    meanQueueLength: est(row.meanQueueLength - 1, row.meanQueueLength + 1),
  }));
}

/** 100 callers who held: 60 answered at once, 30 within 10 s, 10 within 10–20 s, none longer. */
export function holdBins(): HoldBin[] {
  const edges = [0, 10, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200];
  const counts = [60, 30, 10];
  return [...edges, null].map((to, i) => ({
    fromSeconds: i === 0 ? 0 : edges[i - 1]!,
    toSeconds: to,
    callers: counts[i] ?? 0,
  }));
}

/** Vega-Lite's compile() of a spec, with every warning and error it logs. */
export function compileStrict(spec: VegaLiteSpec): { vega: unknown; messages: string[] } {
  const messages: string[] = [];
  const logger = {
    level(_?: number) {
      return logger;
    },
    error: (...args: unknown[]) => (messages.push(`error: ${args.join(' ')}`), logger),
    warn: (...args: unknown[]) => (messages.push(`warn: ${args.join(' ')}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  const { spec: vega } = compile(spec as unknown as TopLevelSpec, { logger });
  return { vega, messages };
}

/** The spec survives a JSON round trip unchanged: no undefined, NaN, functions or classes. */
export function jsonRoundTrip(spec: VegaLiteSpec): unknown {
  return JSON.parse(JSON.stringify(spec));
}
