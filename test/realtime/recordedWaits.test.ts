// The classic predictors scored on one week of the 1999 bank's real call records
// (../shared/realdata/anonymous-bank-1999/january.txt.gz, 3-9 January), read by queuecast/node's
// bank reader and replayed by scoreRecordedWaits. The expected figures are recomputed here from
// the raw rows by brute force (every PS call against every other), not by the reader or the
// replay: which callers arrived behind someone on hold with an agent in a call, the waits they
// had, who hung up, and the head-of-line announcement (the longest wait on hold then).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readCallRecords } from '../../src/node';
import { scoreRecordedWaits, type RecordedCall } from '../../src/realtime/recordedWaits';

const file = new URL('../../../shared/realdata/anonymous-bank-1999/january.txt.gz', import.meta.url).pathname;
const weekStart = Date.UTC(1999, 0, 3) / 1000;
const weekEnd = Date.UTC(1999, 0, 10) / 1000;
const inWeek = (t: number) => t >= weekStart && t < weekEnd;
const serves = (agent: string) => !agent.startsWith('Z');

// A raw row's times: the queue from q_start to q_exit (a call never queued arrives as it leaves
// the VRU and waits 0), the service from the queue's exit for ser_exit - ser_start. Clocks a few
// seconds apart are put in order as the data's README describes.
interface RawCall { line: string; arrival: number; exit: number; answered: boolean; end: number; agent: string }
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
    const [, , , , type, date, , vruExit, , qStart, qExit, qTime, outcome, serStart, serExit, , server] = f;
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
    calls.push({ line: type!, arrival, exit, answered: outcome === 'AGENT', end: exit + Math.max(0, handle), agent: server! });
  }
  return calls.filter((c) => inWeek(c.arrival));
}

describe('scoreRecordedWaits on a week of the bank\'s records', () => {
  it('scores the PS callers who arrived behind someone on hold, with the waits and head-of-line errors the raw rows give', async () => {
    const calls: RecordedCall[] = [];
    for await (const call of readCallRecords(file, { format: 'bank', skipBad: true }).records()) if (inWeek(call.arrivedAt)) calls.push(call);
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
