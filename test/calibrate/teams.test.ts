import { describe, expect, it } from 'vitest';
import { findTeams, RecordSurvey, type CallRecord } from '../../src/calibrate';

// Teams from who answers what, on a survey built by hand: the counts say what the answer must be.
function survey(answers: Record<string, Record<string, number>>): RecordSurvey {
  const s = new RecordSurvey();
  let id = 0;
  for (const [agent, lines] of Object.entries(answers)) {
    for (const [line, n] of Object.entries(lines)) {
      for (let i = 0; i < n; i++) {
        const record: CallRecord = { callId: String(id++), line, arrivedAt: 36_000, outcome: 'answered', answeredAt: 36_000, endedAt: 36_100, agent };
        s.add(record);
      }
    }
  }
  return s;
}

describe('findTeams', () => {
  it('finds agents who serve almost nothing but one line, and most of it, as that line\'s team', () => {
    // IN: 100 calls, 90 of them by ZIV and ZOE (each 90% IN or more); the main pool serves PS.
    const teams = findTeams(survey({ ANA: { PS: 400, IN: 5 }, BEN: { PS: 380, IN: 5 }, ZIV: { IN: 50, PS: 5 }, ZOE: { IN: 40 } }));
    expect(teams).toEqual({ ZIV: 'IN-team', ZOE: 'IN-team' });
  });

  it('finds no team when the dedicated agents answer only a minority of the line', () => {
    // ZIV is all IN, but answers 40 of IN's 100 calls: the pool takes most of them.
    expect(findTeams(survey({ ANA: { PS: 400, IN: 30 }, BEN: { PS: 380, IN: 30 }, ZIV: { IN: 40 } }))).toEqual({});
  });

  it('never makes a team of the main line\'s own agents', () => {
    expect(findTeams(survey({ ANA: { PS: 400 }, BEN: { PS: 380, NE: 5 }, CAT: { NE: 50, PS: 100 } }))).toEqual({});
  });
});
