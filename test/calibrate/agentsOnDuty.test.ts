import { describe, expect, it } from 'vitest';
import { recordedDay, type CallRecord } from '../../src/calibrate';

// The agents seen serving, from an agent's day written out by hand (half-hour intervals from
// 9:00): the time on duty in each interval is read off the calls below.
const at = (h: number, m: number) => 86_400 + h * 3600 + m * 60;
const call = (id: number, answeredAt: number, endedAt: number): CallRecord => ({ callId: String(id), line: 'PS', arrivedAt: answeredAt, outcome: 'answered', answeredAt, endedAt, agent: 'ANA' });

describe('agents seen serving', () => {
  it('counts an agent back from a break from the first answer, not from the start of that interval', () => {
    // Answers 9:05-9:10 and 9:20-9:28 (one spell: 10 minutes apart, under half an interval),
    // then a break, and 10:20-10:30. On duty: from 9:00 (the day's first spell starts on its
    // interval) to 9:28, then 10:20 to 10:30 (a spell after a break starts when it is seen).
    const records = [call(1, at(9, 5), at(9, 10)), call(2, at(9, 20), at(9, 28)), call(3, at(10, 20), at(10, 30))];
    const seen = recordedDay(records, { intervalSeconds: 1800, openAtSeconds: 9 * 3600, slots: 3 });
    expect(seen.agents.agents).toEqual([Math.round((28 / 30) * 100) / 100, 0, Math.round((10 / 30) * 100) / 100]);
  });
});
