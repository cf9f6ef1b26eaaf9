// What the records show interval by interval, day by day: the observed side of a backtest.
import type { CallRecord } from './records';

const DAY = 86_400;
/** Per day, line and interval of the day: calls, answered, abandoned (balked included), calls that held, their total wait, answered within the threshold. */
const FIELDS = 6;
const [CALLS, ANSWERED, ABANDONED, HELD, WAIT, WITHIN] = [0, 1, 2, 3, 4, 5] as const;

/** The observed figures of one interval on one day. */
export interface ObservedInterval {
  calls: number;
  answered: number;
  abandoned: number;
  meanWaitSeconds: number;
  serviceLevel: number;
  abandonment: number;
}

export class ObservedDays {
  /** Per line, per day: FIELDS numbers per interval of the day. */
  readonly byLine = new Map<string, Map<number, Float64Array>>();
  readonly days = new Set<number>();
  readonly intervalsPerDay: number;

  constructor(
    readonly intervalSeconds: number,
    readonly serviceLevelSeconds: (line: string) => number,
  ) {
    this.intervalsPerDay = Math.ceil(DAY / intervalSeconds);
  }

  add(record: CallRecord): void {
    const day = Math.floor(record.arrivedAt / DAY);
    this.days.add(day);
    let days = this.byLine.get(record.line);
    if (!days) this.byLine.set(record.line, (days = new Map()));
    let figures = days.get(day);
    if (!figures) days.set(day, (figures = new Float64Array(this.intervalsPerDay * FIELDS)));
    const at = Math.floor((record.arrivedAt - day * DAY) / this.intervalSeconds) * FIELDS;
    figures[at + CALLS]!++;
    // As the simulation counts: calls that heard the hold music are answered, abandoned or balked.
    if (record.outcome === 'answered') {
      const wait = record.answeredAt! - record.arrivedAt;
      figures[at + ANSWERED]!++;
      figures[at + HELD]!++;
      figures[at + WAIT]! += wait;
      if (wait <= this.serviceLevelSeconds(record.line)) figures[at + WITHIN]!++;
    } else if (record.outcome === 'abandoned' || record.outcome === 'balked') {
      figures[at + ABANDONED]!++;
      figures[at + HELD]!++;
      if (record.outcome === 'abandoned') figures[at + WAIT]! += record.endedAt! - record.arrivedAt;
    }
  }

  /** Calls per interval of the day, summed over every line and day. */
  callsByInterval(): Float64Array {
    const totals = new Float64Array(this.intervalsPerDay);
    for (const days of this.byLine.values()) {
      for (const figures of days.values()) for (let k = 0; k < this.intervalsPerDay; k++) totals[k]! += figures[k * FIELDS + CALLS]!;
    }
    return totals;
  }

  /** One line's figures in interval `slot` of the day, one entry per day of the records (zeros where it had no call). */
  interval(line: string, slot: number): ObservedInterval[] {
    const days = this.byLine.get(line);
    return [...this.days].sort((a, b) => a - b).map((day) => {
      const f = days?.get(day);
      const at = slot * FIELDS;
      const held = f?.[at + HELD] ?? 0;
      const ratio = (x: number) => (held === 0 ? 0 : x / held);
      return {
        calls: f?.[at + CALLS] ?? 0,
        answered: f?.[at + ANSWERED] ?? 0,
        abandoned: f?.[at + ABANDONED] ?? 0,
        meanWaitSeconds: ratio(f?.[at + WAIT] ?? 0),
        serviceLevel: ratio(f?.[at + WITHIN] ?? 0),
        abandonment: ratio(f?.[at + ABANDONED] ?? 0),
      };
    });
  }
}
