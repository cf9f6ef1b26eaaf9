import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalibrationError, fitScenario, isMultiLine, validateScenario, type CallRecord } from '../../src';
import { readCallRecords, RecordFileError } from '../../src/node';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const workdir = mkdtempSync(join(tmpdir(), 'queuecast-calibrate-'));

async function all(iterable: AsyncIterable<CallRecord>): Promise<CallRecord[]> {
  const records: CallRecord[] = [];
  for await (const record of iterable) records.push(record);
  return records;
}

describe('the bank research format', () => {
  it('reads a hand-made sample (tab-separated, PHANTOM rows, several types) and fits a multi-line scenario', async () => {
    const reader = readCallRecords(fixture('bank-sample.txt'), { format: 'bank' });
    const records = await all(reader.records());
    // 22 rows: 2 PHANTOM and 1 hung up in the VRU (never queued) are dropped.
    expect(reader.rows).toBe(22);
    expect(reader.droppedRows).toBe(3);
    expect(reader.read).toMatchObject({ phantom: 2, vruOnly: 1, records: 19 });
    expect(records).toHaveLength(19);
    // The first row as the adapter reads it: queue entry is the arrival, queue exit the answer (the
    // service clock says 11:46:57, a second earlier), the service's own length (11:46:57 to 11:51:00)
    // the handle time, the server the agent, priority 2 a priority caller.
    expect(records[0]).toEqual({
      callId: 'AA0101-44749', line: 'PS', arrivedAt: Date.UTC(1999, 8, 1, 11, 45, 39) / 1000, outcome: 'answered',
      answeredAt: Date.UTC(1999, 8, 1, 11, 46, 58) / 1000, endedAt: Date.UTC(1999, 8, 1, 11, 51, 1) / 1000, agent: 'DORIT', person: '27644400', priority: 1,
    });
    // A call answered without queueing arrives when it left the VRU; customer 0 is nobody in particular.
    expect(records.find((r) => r.callId === 'AA0101-44970')).toMatchObject({ arrivedAt: Date.UTC(1999, 8, 1, 15, 31, 42) / 1000, outcome: 'answered' });
    expect(records.find((r) => r.callId === 'AA0101-44970')!.person).toBeUndefined();

    const { scenario, diagnostics } = fitScenario(records, { intervalSeconds: 3600 });
    expect(isMultiLine(scenario)).toBe(true);
    if (!isMultiLine(scenario)) return;
    expect(scenario.lines.map((l) => l.name).sort()).toEqual(['IN', 'NE', 'PS']);
    expect(scenario.groups.map((g) => g.name)).toEqual(['agents']);
    expect(() => validateScenario(scenario)).not.toThrow();
    expect(JSON.stringify(scenario)).not.toMatch(/NaN|null/);
    expect(diagnostics.days.count).toBe(2);
    expect(diagnostics.openAtSeconds).toBe(11 * 3600);
    // The same customer hung up on PS at 12:19:58 and called PS again at 12:24:40: a redial.
    expect(diagnostics.lines.PS!.redial).toMatchObject({ redials: 1 });
    // Thin data is said, not hidden.
    expect(diagnostics.warnings.some((w) => /rests on/.test(w))).toBe(true);
  });
});

describe('call-detail records', () => {
  it('lists every bad row with its file line, all at once', async () => {
    const reader = readCallRecords(fixture('bad-rows.csv'));
    const error = await all(reader.records()).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RecordFileError);
    const problems = (error as RecordFileError).problems.map((p) => [p.row, p.field]);
    // The header is row 1: six rows, six kinds of mistake.
    expect(problems).toEqual([
      [4, 'arrived_at'], // not a date-time
      [6, 'outcome'], // not an outcome
      [7, 'answered_at'], // answered, but never picked up
      [8, 'ended_at'], // ended before it arrived
      [9, '(row)'], // too few fields
      [10, 'line'], // no line
    ]);
    expect((error as Error).message).toContain('line 4: arrived_at: expected a local date-time such as 2024-03-04T08:15:00, got "yesterday at 8"');
    expect((error as Error).message).toContain('line 8: ended_at: expected not before arrived_at (2026-03-02T08:20:00), got "2026-03-02T08:19:00"');
  });

  it('skips bad rows when asked, and counts them', async () => {
    const reader = readCallRecords(fixture('bad-rows.csv'), { skipBad: true });
    const records = await all(reader.records());
    expect(records.map((r) => r.callId)).toEqual(['1', '2', '4', '10', '11', '12', '13', '14']);
    expect(reader.badRows).toBe(6);
  });

  it('reads other headers and outcome values through a mapping', async () => {
    const file = join(workdir, 'mapped.csv');
    writeFileSync(file, 'Id;Queue;Start;Result;Pickup;End;Agent\nA1;billing;2026-03-02 09:00:00;ANS;2026-03-02 09:00:30;2026-03-02 09:04:00;x7\nA2;billing;2026-03-02 09:01:00;ABN;;2026-03-02 09:02:00;\n');
    const reader = readCallRecords(file, {
      columns: { call_id: 'Id', line: 'Queue', arrived_at: 'Start', outcome: 'Result', answered_at: 'Pickup', ended_at: 'End', agent: 'Agent' },
      outcomes: { ANS: 'answered', ABN: 'abandoned' },
    });
    const records = await all(reader.records());
    expect(records.map((r) => [r.callId, r.line, r.outcome, r.agent])).toEqual([['A1', 'billing', 'answered', 'x7'], ['A2', 'billing', 'abandoned', undefined]]);
  });

  it('says what is wrong with an empty file, a file without records and one without an answered call', async () => {
    const empty = join(workdir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(all(readCallRecords(empty).records())).rejects.toThrow(/is empty: expected a header row/);
    expect(() => fitScenario([])).toThrow(CalibrationError);
    expect(() => fitScenario([])).toThrow(/no call records/);
    const unanswered: CallRecord[] = [{ callId: '1', line: 'a', arrivedAt: 1000, outcome: 'abandoned', endedAt: 1060 }];
    expect(() => fitScenario(unanswered)).toThrow(/no answered call/);
  });

  it('fits one day with a warning and without a day factor, never NaN', () => {
    const day = 20_000 * 86_400 + 9 * 3600;
    const records: CallRecord[] = Array.from({ length: 40 }, (_, i) => ({
      callId: String(i), line: 'main', arrivedAt: day + i * 60, outcome: i % 10 === 0 ? 'abandoned' : 'answered',
      ...(i % 10 === 0 ? { endedAt: day + i * 60 + 30 } : { answeredAt: day + i * 60 + (i % 3) * 20, endedAt: day + i * 60 + 200 + i * 7, agent: `a${i % 4}` }),
    }));
    const { scenario, diagnostics } = fitScenario(records);
    expect(diagnostics.warnings.some((w) => /one day of records/.test(w))).toBe(true);
    expect(JSON.stringify(scenario)).not.toMatch(/NaN|null|rateUncertainty/);
    expect(() => validateScenario(scenario)).not.toThrow();
  });
});

describe('interval reports', () => {
  it('fit arrivals, AHT, agents and the patience under which Erlang A abandons what was seen', async () => {
    // Five days of two half-hours on one line, written as the reports would be, their abandoned
    // calls exactly what Erlang A gives for an exponential patience of 600 s (each interval in
    // steady state, as the fit takes it): the fit must invert that to 600 s.
    const { erlangA } = await import('../../src');
    const { fitIntervalReports } = await import('../../src/calibrate');
    const { readIntervalReports } = await import('../../src/node');
    const plan = [{ calls: 300, agents: 48 }, { calls: 360, agents: 55 }];
    const abandonedOf = (calls: number, agents: number) => calls * erlangA({ arrivalsPerHour: calls * 2, meanHandleSeconds: 300, meanPatienceSeconds: 600, agents }).probAbandon;
    const lines = ['interval_start,line,offered,answered,abandoned,aht_seconds,asa_seconds,agents'];
    for (let day = 2; day <= 6; day++) {
      plan.forEach(({ calls, agents }, k) => {
        const abandoned = abandonedOf(calls, agents);
        lines.push(`2026-03-0${day}T0${8 + Math.floor(k / 2)}:${k % 2 === 0 ? '00' : '30'}:00,main,${calls},${calls - abandoned},${abandoned},300,25,${agents}`);
      });
    }
    const file = join(workdir, 'intervals.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { rows, badRows } = await readIntervalReports(file);
    expect([rows.length, badRows]).toEqual([10, 0]);
    const { scenario, diagnostics } = fitIntervalReports(rows);
    expect(scenario).toMatchObject({
      arrivals: { intervalSeconds: 1800, perInterval: [300, 360] },
      agents: { intervalSeconds: 1800, perInterval: [48, 55] },
      handleTime: { type: 'exponential', meanSeconds: 300 },
    });
    // Bisection to 60 halvings, the mean rounded to 0.1 s.
    expect((scenario as { patience: { meanSeconds: number } }).patience.meanSeconds).toBeCloseTo(600, 0);
    expect(diagnostics.openAtSeconds).toBe(8 * 3600);
    // No spread beyond Poisson in identical days: cv 0.
    expect((scenario as { arrivals: { rateUncertainty?: { cv: number } } }).arrivals.rateUncertainty).toEqual({ cv: 0 });
    expect(diagnostics.warnings[0]).toMatch(/exponential/);
  });
});

describe('a roster given by the clock', () => {
  it('replaces the agents seen working, interval by interval from the fitted day\'s start', async () => {
    const reader = readCallRecords(fixture('bad-rows.csv'), { skipBad: true });
    const records = await all(reader.records());
    // The records open at 8:00 in half hours (8:00 and 8:30); the roster starts earlier and changes at 8:30.
    const { scenario, diagnostics } = fitScenario(records, { rosterRows: [{ startSeconds: 7 * 3600, agents: 3 }, { startSeconds: 8.5 * 3600, agents: 5 }] });
    expect((scenario as { agents: unknown }).agents).toEqual({ intervalSeconds: 1800, perInterval: [3, 5] });
    expect(diagnostics.groups.agents!.source).toBe('roster');
    expect(() => fitScenario(records, { rosterRows: [{ startSeconds: 0, agents: 3, group: 'night' }] })).toThrow(/group "night" answered no call/);
  });
});
