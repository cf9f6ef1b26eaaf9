// The classic predictors scored on one week of the 1999 bank's real call records
// (../shared/realdata/anonymous-bank-1999/january.txt.gz, 3-9 January), read by queuecast/node's
// bank reader and replayed by scoreRecordedWaits. The expected figures are recomputed here from
// the raw rows by brute force (every PS call against every other), not by the reader or the
// replay: which callers arrived behind someone on hold with an agent in a call, the waits they
// had, who hung up, and the head-of-line announcement (the longest wait on hold then).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findDayTypes, findTeams, fitDayTypes, surveyRecords, type CallRecord } from '../../src/calibrate';
import { readCallRecords } from '../../src/node';
import { scoreRecordedWaits, type RecordedCall, type RecordedForecaster } from '../../src/realtime/recordedWaits';
import { modelOnRecords } from '../support/recordedForecast';

const file = new URL('../../../shared/realdata/anonymous-bank-1999/january.txt.gz', import.meta.url).pathname;
const weekStart = Date.UTC(1999, 0, 3) / 1000;
const weekEnd = Date.UTC(1999, 0, 10) / 1000;
const inWeek = (t: number) => t >= weekStart && t < weekEnd;
const serves = (agent: string) => !agent.startsWith('Z');

// A raw row's times: the queue from q_start to q_exit (a call never queued arrives as it leaves
// the VRU and waits 0), the service from the queue's exit for ser_exit - ser_start. Clocks a few
// seconds apart are put in order as the data's README describes.
interface RawCall { id: string; line: string; arrival: number; exit: number; answered: boolean; end: number; agent: string }
function rawCalls(): RawCall[] {
  const clock = (text: string) => {
    const [h, m, s] = text.split(':').map(Number);
    return h! * 3600 + m! * 60 + s!;
  };
  const calls: RawCall[] = [];
  const rows = gunzipSync(readFileSync(file)).toString('utf8').split('\n').slice(1);
  for (const row of rows) {
    const f = row.split('\t');
    if (f.length < 17) continue;
    const [vruLine, id, , , type, date, , vruExit, , qStart, qExit, qTime, outcome, serStart, serExit, , server] = f;
    if (outcome !== 'AGENT' && outcome !== 'HANG') continue;
    const day = Date.UTC(1900 + Number(date!.slice(0, 2)), Number(date!.slice(2, 4)) - 1, Number(date!.slice(4, 6))) / 1000;
    const queued = Number(qTime) > 0 || clock(qStart!) > 0;
    if (!queued && outcome !== 'AGENT') continue;
    let arrival = day + clock(queued ? qStart! : vruExit!);
    if (arrival < day + clock(vruExit!) - 43_200) arrival += 86_400;
    let exit = queued ? day + clock(qExit!) : arrival;
    if (exit < arrival - 43_200) exit += 86_400;
    if (exit < arrival) exit = arrival - exit <= 5 ? arrival : arrival + Number(qTime);
    let handle = clock(serExit!) - clock(serStart!);
    if (handle < -43_200) handle += 86_400;
    calls.push({ id: `${vruLine}-${id}`, line: type!, arrival, exit, answered: outcome === 'AGENT', end: exit + Math.max(0, handle), agent: server! });
  }
  return calls.filter((c) => inWeek(c.arrival));
}

async function weekOfCalls(): Promise<CallRecord[]> {
  const calls: CallRecord[] = [];
  for await (const call of readCallRecords(file, { format: 'bank', skipBad: true }).records()) if (inWeek(call.arrivedAt)) calls.push(call);
  return calls;
}

describe('scoreRecordedWaits on a week of the bank\'s records', () => {
  it('scores the PS callers who arrived behind someone on hold, with the waits and head-of-line errors the raw rows give', async () => {
    const calls: RecordedCall[] = await weekOfCalls();
    const result = scoreRecordedWaits(calls, { line: 'PS', serves });

    const raw = rawCalls();
    const ps = raw.filter((c) => c.line === 'PS');
    const serving = raw.filter((c) => c.answered && serves(c.agent));
    const waits: number[] = [];
    const headOfLine: number[] = [];
    let censored = 0;
    for (const caller of ps) {
      const t = caller.arrival;
      const ahead = ps.filter((other) => other.arrival < t && other.exit > t);
      const inCall = serving.some((other) => other.exit <= t && other.end > t);
      if (ahead.length === 0 || !inCall) continue;
      if (!caller.answered) {
        censored++;
        continue;
      }
      waits.push(caller.exit - t);
      headOfLine.push(Math.max(...ahead.map((other) => t - other.arrival)));
    }
    // A week of January: thousands of PS callers waited behind someone (the line is busy).
    expect(waits.length).toBeGreaterThan(1000);
    expect(result.censored).toBe(censored);
    expect([...result.waits].sort((a, b) => a - b)).toEqual([...waits].sort((a, b) => a - b));
    const hol = result.scores.find((s) => s.name === 'headOfLine')!;
    const errors = headOfLine.map((announced, i) => announced - waits[i]!);
    expect(hol.callers).toBe(waits.length);
    expect(hol.rmseSeconds).toBeCloseTo(Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length), 9);
    expect(hol.meanErrorSeconds).toBeCloseTo(errors.reduce((a, e) => a + e, 0) / errors.length, 9);
    expect(hol.atOrBelowShare).toBeCloseTo(errors.filter((e) => e >= 0).length / errors.length, 12);
    // Every predictor scores the same callers (LES once a caller has been served).
    for (const score of result.scores) expect(score.callers).toBeGreaterThan(0.99 * waits.length);
  });
});

// The model's own forecast on the same week: a scenario fitted by day type on the week itself
// (in sample: a test reads a week, and what is checked is the scoring; the benchmark fits on the
// month before), each day's roster the agents seen serving, 39 futures a forecast (the median and
// p90 are then the 20th and 36th waits), one arrival in 4 forecast to keep the test short.
describe('the model\'s forecast scored on a week of the bank\'s records', () => {
  it('counts the answered callers at or below the announced median and p90 as the raw rows give them, and the censored ones as bounds', async () => {
    const calls = await weekOfCalls();
    const survey = surveyRecords(calls);
    const teams = findTeams(survey);
    const { dayTypes } = fitDayTypes(calls, { dayTypes: findDayTypes(survey), teams });
    const model = modelOnRecords(calls, { dayTypes, teams, futures: 39, every: 4 });
    const made: Array<{ id: string; mean: number; p50: number; p90: number }> = [];
    const forecast: RecordedForecaster = (moment, all) => {
      const answer = model(moment, all);
      if (answer) made.push({ id: (all[moment.caller] as CallRecord).callId, mean: answer.meanSeconds, p50: answer.p50Seconds, p90: answer.p90Seconds });
      return answer;
    };
    const result = scoreRecordedWaits(calls, { line: 'PS', serves, forecast });
    const score = result.forecast!;

    // By hand, from the raw rows: each forecast caller's recorded wait, or how long they held before hanging up.
    const raw = new Map(rawCalls().map((c) => [c.id, c]));
    let answered = 0;
    let squares = 0;
    let belowMedian = 0;
    let belowP90 = 0;
    let aboveMedianCensored = 0;
    let aboveP90Censored = 0;
    for (const f of made) {
      const call = raw.get(f.id)!;
      const held = call.exit - call.arrival;
      if (!call.answered) {
        if (held > f.p50) aboveMedianCensored++;
        if (held > f.p90) aboveP90Censored++;
        continue;
      }
      answered++;
      squares += (f.mean - held) ** 2;
      if (held <= f.p50) belowMedian++;
      if (held <= f.p90) belowP90++;
    }
    expect(score.callers).toBe(answered);
    expect(score.withCensored.callers).toBe(made.length);
    expect(score.rmseSeconds).toBeCloseTo(Math.sqrt(squares / answered), 9);
    expect(score.atOrBelowMedianShare).toBe(belowMedian / answered);
    expect(score.atOrBelowP90Share).toBe(belowP90 / answered);
    const censored = made.length - answered;
    expect(score.withCensored.median.low).toBeCloseTo(belowMedian / made.length, 12);
    expect(score.withCensored.median.high).toBeCloseTo((belowMedian + censored - aboveMedianCensored) / made.length, 12);
    expect(score.withCensored.p90.high).toBeCloseTo((belowP90 + censored - aboveP90Censored) / made.length, 12);

    // A quarter of the week's callers behind someone on hold, answered or not.
    expect(made.length).toBeGreaterThan((result.waits.length + result.censored) / 4 - 2);

    // Head of line on the same callers, by brute force: the longest wait on the line's hold then.
    const ps = [...raw.values()].filter((c) => c.line === 'PS');
    let holSquares = 0;
    for (const f of made) {
      const call = raw.get(f.id)!;
      if (!call.answered) continue;
      const ahead = ps.filter((other) => other.arrival < call.arrival && other.exit > call.arrival);
      holSquares += (Math.max(...ahead.map((other) => call.arrival - other.arrival)) - (call.exit - call.arrival)) ** 2;
    }
    const holRmse = Math.sqrt(holSquares / answered);

    // What the model finds on this week (measured: 440 answered callers forecast, 87 censored).
    // The shares at or below the median and p90: 0.666 and 0.914, each within three of its
    // standard errors (0.022 and 0.013 at 440 callers), so that a change in what the model
    // announces on real records shows here. The forecast announces too long on real
    // records (the answered callers are those whose wait was short enough for their patience):
    // its median covers about two thirds, not half; its p90 still covers about nine in ten.
    expect(score.atOrBelowMedianShare).toBeGreaterThan(0.666 - 0.07);
    expect(score.atOrBelowMedianShare).toBeLessThan(0.666 + 0.07);
    expect(score.atOrBelowP90Share).toBeGreaterThan(0.914 - 0.04);
    expect(score.atOrBelowP90Share).toBeLessThan(0.914 + 0.04);
    expect(score.atOrBelowP90Share).toBeGreaterThan(score.atOrBelowMedianShare + 0.15);
    for (const bounds of [score.withCensored.median, score.withCensored.p90]) expect(bounds.low).toBeLessThanOrEqual(bounds.high);
    expect(score.withCensored.p90.low).toBeGreaterThan(score.withCensored.median.high);
    // Its mean: RMSE 79.5 s, mean error +30.2 s, against head of line's 67.8 s on the same
    // callers (ratio 1.17): within 15% (the futures' own noise, 39 a forecast, moves it a few
    // percent), and so losing to head of line here, as on the six months (benchmarks/README.md).
    expect(Number.isFinite(score.rmseSeconds)).toBe(true);
    expect(score.rmseSeconds / holRmse).toBeGreaterThan(1.17 - 0.15);
    expect(score.rmseSeconds / holRmse).toBeLessThan(1.17 + 0.15);
    expect(score.meanErrorSeconds).toBeGreaterThan(0);
  }, 60_000);
});
