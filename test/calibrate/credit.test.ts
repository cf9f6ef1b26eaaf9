import { describe, expect, it } from 'vitest';
import { CreditTally, type CallRecord } from '../../src/calibrate';
import type { MultiLineScenario } from '../../src';
import { simulatedRecords } from '../../src/node';

// The waiting credit read back from records of a center whose credit is known: regular and
// priority callers of one line, one pool of agents, priority callers credited 90 s. The records
// carry the priority as an export does (the base line, priority 1).
const center = (creditSeconds: number): MultiLineScenario => {
  const line = (name: string) => ({
    name,
    arrivals: { perHour: name === 'PS' ? 120 : 40 },
    handleTime: { type: 'lognormal' as const, meanSeconds: 180, cv: 1 },
    patience: { type: 'exponential' as const, meanSeconds: 600 },
    routing: [{ group: 'agents' }],
  });
  return {
    seed: 11,
    durationSeconds: 8 * 3600,
    lines: [line('PS'), { ...line('PS-priority'), priority: { creditSeconds } }],
    groups: [{ name: 'agents', agents: 8 }],
  };
};

async function estimate(creditSeconds: number) {
  const tally = new CreditTally();
  for await (const day of simulatedRecords(center(creditSeconds), { days: 10 })) {
    for (const record of day) {
      const exported: CallRecord = record.line === 'PS-priority' ? { ...record, line: 'PS', priority: 1 } : { ...record, priority: 0 };
      tally.add(exported);
    }
  }
  return tally.estimate()!;
}

describe('the waiting credit, from the order of service', () => {
  it('reads back a 90 s credit within 10 s from ten simulated days', async () => {
    // The center follows its rule exactly, so every bound is satisfied by the true credit;
    // what is left is the gap between the closest bounds (whole-second clocks): a few seconds.
    const found = await estimate(90);
    expect(Math.abs(found.creditSeconds - 90)).toBeLessThan(10);
    expect(found.bounds).toBeGreaterThan(100);
    expect(found.agreement).toBeGreaterThan(0.95);
  }, 120_000);

  it('reads back no credit (under 10 s) where callers are served first come, first served', async () => {
    expect((await estimate(0)).creditSeconds).toBeLessThan(10);
  }, 120_000);
});
