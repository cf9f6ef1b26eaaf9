import type { Report } from '../metrics';
import { studentTCritical } from './studentT';

/** A figure estimated over replications, with its Student t confidence interval. */
export interface Estimate {
  mean: number;
  /** Sample standard deviation over the replications. */
  sd: number;
  /** Half the confidence interval's width: mean ± halfWidth. */
  halfWidth: number;
  low: number;
  high: number;
}

// Fields that say which interval or threshold a figure is about: the same in every
// replication, so a summary keeps them as they are.
type Label = 'intervalStart' | 'intervalEnd' | 'seconds' | 'warmup' | 'fromSeconds' | 'toSeconds';

/** A report's shape with every figure an `Estimate` (labels such as `intervalStart` kept). */
export type Summary<T> = {
  [K in keyof T]: K extends Label
    ? T[K]
    : NonNullable<T[K]> extends number
      ? Estimate
      : T[K] extends ReadonlyArray<infer Row>
        ? Array<Summary<Row>>
        : NonNullable<T[K]> extends object
          ? Summary<T[K]>
          : T[K];
};

export type ReportSummary = Summary<Report>;

const labels: ReadonlySet<string> = new Set<Label>(['intervalStart', 'intervalEnd', 'seconds', 'warmup', 'fromSeconds', 'toSeconds']);

function isLabel(key: string | undefined): boolean {
  return key !== undefined && labels.has(key);
}

/**
 * The estimate of a figure from its values in independent replications (at least 2).
 *
 * @example
 * estimate([10, 12, 11, 13]).halfWidth; // 2.05 (95%, t with 3 degrees of freedom)
 */
export function estimate(values: readonly number[], confidence = 0.95): Estimate {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : NaN;
  const halfWidth = sd === 0 ? 0 : studentTCritical(confidence, n - 1) * (sd / Math.sqrt(n));
  return { mean, sd, halfWidth, low: mean - halfWidth, high: mean + halfWidth };
}

/**
 * The difference of two independent estimates (b − a) by Welch's t, for the comparison a
 * planner would make without common random numbers.
 *
 * @example
 * const { baseline, variant, difference } = await compare(a, b, { replications: 20 });
 * unpairedDifference(baseline.hold.totalHoldHours, variant.hold.totalHoldHours, 20).halfWidth; // wider than
 * difference.hold.totalHoldHours.halfWidth;                                                  // the paired one
 */
export function unpairedDifference(a: Estimate, b: Estimate, replications: number, confidence = 0.95): Estimate {
  const varianceA = a.sd ** 2 / replications;
  const varianceB = b.sd ** 2 / replications;
  const standardError = Math.sqrt(varianceA + varianceB);
  // Welch–Satterthwaite degrees of freedom.
  const df = (varianceA + varianceB) ** 2 / ((varianceA ** 2 + varianceB ** 2) / (replications - 1));
  const mean = b.mean - a.mean;
  const halfWidth = standardError === 0 ? 0 : studentTCritical(confidence, df) * standardError;
  return { mean, sd: standardError * Math.sqrt(replications), halfWidth, low: mean - halfWidth, high: mean + halfWidth };
}

/** Summarizes values of the same shape (reports, rows) field by field. */
export function summarizeAll<T>(items: readonly T[], confidence = 0.95): Summary<T> {
  return summarizeNode(items as readonly unknown[], confidence, undefined) as Summary<T>;
}

function summarizeNode(items: readonly unknown[], confidence: number, key: string | undefined): unknown {
  const first = items[0];
  if (typeof first === 'number') {
    return isLabel(key) ? first : estimate(items as number[], confidence);
  }
  if (Array.isArray(first)) {
    const length = Math.min(...items.map((item) => (item as unknown[]).length));
    return Array.from({ length }, (_, i) => summarizeNode(items.map((item) => (item as unknown[])[i]), confidence, undefined));
  }
  if (typeof first === 'object' && first !== null) {
    const out: Record<string, unknown> = {};
    for (const field of Object.keys(first)) {
      out[field] = summarizeNode(items.map((item) => (item as Record<string, unknown>)[field]), confidence, field);
    }
    return out;
  }
  return first;
}

/** Subtracts one report from another field by field (variant − baseline), labels kept. */
export function differenceOf<T>(variant: T, baseline: T): T {
  return subtract(variant, baseline, undefined) as T;
}

function subtract(a: unknown, b: unknown, key: string | undefined): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    return isLabel(key) ? a : a - b;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.slice(0, Math.min(a.length, b.length)).map((item, i) => subtract(item, b[i], undefined));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const out: Record<string, unknown> = {};
    for (const field of Object.keys(a)) {
      out[field] = subtract((a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field], field);
    }
    return out;
  }
  return a;
}
