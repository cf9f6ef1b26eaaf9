import { describe, expect, it } from 'vitest';
import { compare, type Scenario, type SimEvent } from '../../src';
import { replicationSeed } from '../../src/random';
import { eventsOf as events, referenceScenario } from '../support/scenarios';

// The split of the hold saved, checked against the arms' own event streams rather than
// against the identity direct + indirect = net (which holds whatever `direct` is).
//
// compare() runs replication k of both arms on the seed replicationSeed(seed, k), the
// variant's own seed ignored, so caller i is the same person in both. The direct part is the
// baseline hold of the callers who took a callback in the variant (counted callers: arrived in
// [warmupSeconds, durationSeconds)), in hours.

/** The counted callers who took a callback, from a variant's events. */
function takersOf(variantEvents: SimEvent[], warmupSeconds: number, durationSeconds: number): Set<number> {
  const arrivals = new Map<number, number>();
  const takers = new Set<number>();
  for (const e of variantEvents) {
    if (e.type === 'arrival') arrivals.set(e.callerId, e.time);
    if (e.type === 'callback-accepted') {
      const arrival = arrivals.get(e.callerId)!;
      if (arrival >= warmupSeconds && arrival < durationSeconds) takers.add(e.callerId);
    }
  }
  return takers;
}

/** Seconds on hold of the given callers in a run, added up in the order the run ends them. */
function holdOf(callers: ReadonlySet<number>, runEvents: SimEvent[]): number {
  let seconds = 0;
  for (const e of runEvents) {
    if ((e.type === 'answered' || e.type === 'abandoned') && callers.has(e.callerId)) seconds += e.holdSeconds;
  }
  return seconds;
}

describe('direct hold hours saved', () => {
  it("equal, replication by replication, the takers' hold in the baseline's own event stream", async () => {
    const warmupSeconds = 1800;
    const durationSeconds = 3 * 3600;
    const baseline: Scenario = referenceScenario({
      seed: 5,
      warmupSeconds,
      durationSeconds,
      arrivals: { perHour: 680, rateUncertainty: { cv: 0.1 } }, // about 113% of the agents' capacity
    });
    const variant: Scenario = {
      ...baseline,
      seed: 999, // ignored by compare(): both arms run on the baseline's replication seeds
      callback: {
        offer: { whenEstimatedWaitAtLeastSeconds: 30 },
        optIn: { probability: 0.45 },
        position: 'keep-place',
        dialSeconds: 20,
        answerProbability: 0.8,
        maxAttempts: 2,
        retryDelaySeconds: 300,
      },
    };
    const seed = 31;
    const { pairs } = await compare(baseline, variant, { replications: 3, seed });
    expect(pairs).toHaveLength(3);
    for (const [k, pair] of pairs.entries()) {
      const replication = replicationSeed(seed, k);
      const baselineEvents = await events({ ...baseline, seed: replication });
      const variantEvents = await events({ ...variant, seed: replication });
      const takers = takersOf(variantEvents, warmupSeconds, durationSeconds);
      expect(takers.size, `replication ${k}: enough takers to matter`).toBeGreaterThan(50);
      expect(takers.size).toBe(pair.variant.callback.accepted);
      const direct = holdOf(takers, baselineEvents) / 3600;
      expect(direct, `replication ${k}`).toBeGreaterThan(1);
      // Exactly: the same holds added in the same order.
      expect(pair.savings.directHoldHours, `replication ${k}`).toBe(direct);
      // The net, from the streams too: every counted caller's hold, baseline minus variant.
      const counted = (runEvents: SimEvent[]) => {
        const all = new Set<number>();
        for (const e of runEvents) if (e.type === 'arrival' && e.time >= warmupSeconds && e.time < durationSeconds) all.add(e.callerId);
        return holdOf(all, runEvents) / 3600;
      };
      const net = counted(baselineEvents) - counted(variantEvents);
      expect(pair.savings.netHoldHours).toBeCloseTo(net, 9);
      expect(pair.savings.indirectHoldHours).toBeCloseTo(net - direct, 9);
    }
  });
});

// Worked examples on one agent with fixed 240 s calls and no patience, where the baseline's
// holds follow by hand from the arrival times: Lindley's recursion,
// W(i) = max(0, W(i-1) + 240 - (a(i) - a(i-1))), the wait of each caller behind the last.
// compare() takes no scripted arrivals, so the times are read from the baseline's stream (the
// same Poisson arrivals in both arms) rather than written out; everything after them is by hand.
describe('worked examples on one agent with fixed calls', () => {
  const baseline: Scenario = {
    seed: 12,
    durationSeconds: 4 * 3600,
    arrivals: { intervalSeconds: 3600, perInterval: [13, 14, 13, 11] }, // 76% to 93% of one agent's time
    agents: 1,
    handleTime: { type: 'fixed', seconds: 240 },
  };

  /** Each caller's hold in the baseline, worked out from the arrival times alone. */
  function lindley(arrivalTimes: number[]): number[] {
    const waits: number[] = [];
    for (let i = 0; i < arrivalTimes.length; i++) {
      waits.push(i === 0 ? 0 : Math.max(0, waits[i - 1]! + 240 - (arrivalTimes[i]! - arrivalTimes[i - 1]!)));
    }
    return waits;
  }

  async function workedOut(variant: Scenario) {
    const seed = 3;
    const { pairs } = await compare(baseline, variant, { replications: 2, seed });
    return Promise.all(
      pairs.map(async (pair, k) => {
        const baselineEvents = await events({ ...baseline, seed: replicationSeed(seed, k) });
        const arrivalTimes = baselineEvents.filter((e) => e.type === 'arrival').map((e) => e.time);
        const waits = lindley(arrivalTimes);
        const variantEvents = await events({ ...variant, seed: replicationSeed(seed, k) });
        const takers = takersOf(variantEvents, 0, baseline.durationSeconds!);
        return { pair, waits, takers };
      }),
    );
  }

  it('every caller who would wait takes a callback that keeps their place: all the hold is saved, directly', async () => {
    // The callback is the same 240 s call, dialed at once and answered, in the same place in
    // line: the agent's day is unchanged, so nobody else's hold moves (indirect 0), and the
    // hold saved is the baseline hold of those who would have waited.
    const variant: Scenario = { ...baseline, callback: { offer: 'always', optIn: { probability: 1 } } };
    for (const { pair, waits, takers } of await workedOut(variant)) {
      const wouldWait = waits.flatMap((w, id) => (w > 0 ? [id] : []));
      expect(wouldWait.length).toBeGreaterThan(5);
      expect([...takers].sort((a, b) => a - b)).toEqual(wouldWait);
      const byHand = waits.reduce((sum, w) => sum + w, 0) / 3600;
      expect(pair.savings.directHoldHours).toBeCloseTo(byHand, 9);
      expect(pair.baseline.hold.totalHoldHours).toBeCloseTo(byHand, 9);
      expect(pair.variant.hold.totalHoldHours).toBe(0);
      expect(pair.savings.netHoldHours).toBeCloseTo(byHand, 9);
      expect(pair.savings.indirectHoldHours).toBeCloseTo(0, 9);
    }
  });

  it('half take a callback served after the holders, with 30 s of dialing: direct is their baseline hold only', async () => {
    const variant: Scenario = {
      ...baseline,
      callback: { offer: 'always', optIn: { probability: 0.5 }, position: 'after-hold', dialSeconds: 30 },
    };
    for (const { pair, waits, takers } of await workedOut(variant)) {
      expect(takers.size).toBeGreaterThan(2);
      const byHand = [...takers].reduce((sum, id) => sum + waits[id]!, 0) / 3600;
      expect(byHand).toBeGreaterThan(0);
      expect(pair.savings.directHoldHours).toBeCloseTo(byHand, 9);
      // Everyone else's hold changed too (dialing takes agent time), so the split matters.
      expect(Math.abs(pair.savings.indirectHoldHours)).toBeGreaterThan(0.01);
    }
  });
});
