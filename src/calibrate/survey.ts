// A first, light look at the records: calls per day and interval, and which agents answer which
// lines. Enough to tell day types apart and to find teams before the fit proper reads them again.
import type { CallRecord } from './records';

const DAY = 86_400;

/** What `RecordSurvey` keeps: counts only, bounded by days × intervals and agents × lines. */
export class RecordSurvey {
  /** Per day (days since 1970): calls per interval of the day, every line. */
  readonly callsByDay = new Map<number, Float64Array>();
  /** Per agent: calls answered per line. */
  readonly answeredByAgent = new Map<string, Map<string, number>>();
  readonly intervalsPerDay: number;

  constructor(readonly intervalSeconds = 1800) {
    this.intervalsPerDay = Math.ceil(DAY / intervalSeconds);
  }

  add(record: CallRecord): void {
    const day = Math.floor(record.arrivedAt / DAY);
    let counts = this.callsByDay.get(day);
    if (!counts) this.callsByDay.set(day, (counts = new Float64Array(this.intervalsPerDay)));
    counts[Math.floor((record.arrivedAt - day * DAY) / this.intervalSeconds)]!++;
    if (record.outcome === 'answered' && record.agent !== undefined) {
      let lines = this.answeredByAgent.get(record.agent);
      if (!lines) this.answeredByAgent.set(record.agent, (lines = new Map()));
      lines.set(record.line, (lines.get(record.line) ?? 0) + 1);
    }
  }
}

/**
 * Surveys records (one pass, counts only), for `findDayTypes` and `findTeams`.
 *
 * @example
 * const survey = await surveyRecords(readCallRecords('jan.txt.gz', { format: 'bank' }).records());
 * findDayTypes(survey); // [{ name: 'sun-thu', weekdays: [0, 1, 2, 3, 4] }, ...]
 */
export function surveyRecords(records: Iterable<CallRecord>, intervalSeconds?: number): RecordSurvey;
export function surveyRecords(records: AsyncIterable<CallRecord>, intervalSeconds?: number): Promise<RecordSurvey>;
export function surveyRecords(records: Iterable<CallRecord> | AsyncIterable<CallRecord>, intervalSeconds = 1800): RecordSurvey | Promise<RecordSurvey> {
  const survey = new RecordSurvey(intervalSeconds);
  if (Symbol.asyncIterator in records) {
    return (async () => {
      for await (const record of records) survey.add(record);
      return survey;
    })();
  }
  for (const record of records) survey.add(record);
  return survey;
}

/** The day of the week of a day since 1970 (0 Sunday ... 6 Saturday; 1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
