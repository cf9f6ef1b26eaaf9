import { AnalyticInputError, type AnalyticIssue } from './errors';

/** Default answer-time threshold, as in the scenario's `serviceLevelSeconds`. */
export const DEFAULT_SERVICE_LEVEL_SECONDS = 20;

/**
 * The largest center the formulas accept. Erlang B's recurrence is O(agents) (about 5 ms at
 * this size); the limit turns an absurd input into an error instead of a minutes-long loop.
 */
export const MAX_AGENTS = 1_000_000;

/**
 * Collects argument problems for one function call, so that the caller hears about every bad
 * argument in one error rather than fixing them one run at a time.
 */
export class IssueCollector {
  private readonly issues: AnalyticIssue[] = [];

  constructor(private readonly functionName: string) {}

  add(argument: string, expected: string, received: unknown): void {
    this.issues.push({ function: this.functionName, argument, expected, received });
  }

  /** Finite and at least 0. */
  nonNegative(argument: string, value: unknown): void {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      this.add(argument, 'a finite number at least 0', value);
    }
  }

  /** Finite and above 0. */
  positive(argument: string, value: unknown): void {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      this.add(argument, 'a positive finite number', value);
    }
  }

  /** 1, 2, 3, … up to {@link MAX_AGENTS}. */
  agentCount(argument: string, value: unknown): void {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      this.add(argument, 'a positive integer', value);
    } else if (value > MAX_AGENTS) {
      this.add(argument, `at most ${MAX_AGENTS} (the largest center these formulas compute)`, value);
    }
  }

  /** Absent (use the default) or finite and at least 0. */
  optionalNonNegative(argument: string, value: unknown): void {
    if (value !== undefined) this.nonNegative(argument, value);
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new AnalyticInputError(this.issues);
  }
}

/**
 * Rejects a missing or non-object argument before its fields are read; JavaScript callers and
 * scenario files can hand anything over.
 */
export function requireObject(functionName: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AnalyticInputError([
      { function: functionName, argument: 'input', expected: 'an object of named arguments', received: value },
    ]);
  }
  return value as Record<string, unknown>;
}

/** Offered load in Erlangs: arrivals per second times mean handle seconds. */
export function offeredLoad(arrivalsPerHour: number, meanHandleSeconds: number): number {
  return (arrivalsPerHour / 3600) * meanHandleSeconds;
}

/** Rounds for a message only, so `6.199999999` reads as `6.2`; comparisons use the exact value. */
export function formatQuantity(value: number): string {
  return String(Number(value.toPrecision(6)));
}
