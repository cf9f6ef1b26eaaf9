import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { run, type SimEvent } from '../../src';
import { smallScenario } from '../support/arbitraries';
import { eventsOf } from '../support/scenarios';

const outcomes = new Set(['answered', 'abandoned', 'callback-connected', 'callback-failed']);

describe('invariants over random valid scenarios', () => {
  test.prop([smallScenario], { numRuns: 150 })(
    'every counted caller ends in exactly one outcome, and the counts add up',
    async (scenario) => {
      const events = await eventsOf(scenario);
      const warmup = scenario.warmupSeconds ?? 0;
      const arrivals = new Map<number, number>();
      const outcomeCount = new Map<number, number>();
      for (const event of events) {
        if (event.type === 'arrival') arrivals.set(event.callerId, event.time);
        if (outcomes.has(event.type) && 'callerId' in event) {
          outcomeCount.set(event.callerId, (outcomeCount.get(event.callerId) ?? 0) + 1);
        }
      }
      for (const callerId of arrivals.keys()) expect(outcomeCount.get(callerId), `caller ${callerId}`).toBe(1);
      expect(outcomeCount.size).toBe(arrivals.size);

      const report = await run(scenario);
      const counted = [...arrivals.values()].filter((t) => t >= warmup).length;
      expect(report.callers.offered).toBe(counted);
      expect(report.callers.answered + report.callers.abandoned + report.callback.connected + report.callback.failed).toBe(
        report.callers.offered,
      );
      expect(report.hold.callers).toBe(report.callers.offered - report.callback.accepted);
      expect(report.callback.connected + report.callback.failed).toBe(report.callback.accepted);
    },
  );

  test.prop([smallScenario], { numRuns: 150 })(
    'the clock never runs backwards, no wait is negative, busy agents never exceed agents on duty',
    async (scenario) => {
      const events: SimEvent[] = await eventsOf(scenario);
      let lastTime = 0;
      let busy = 0;
      let onDuty = 0;
      let scheduled = 0;
      for (const event of events) {
        expect(event.time).toBeGreaterThanOrEqual(lastTime);
        lastTime = event.time;
        switch (event.type) {
          case 'answered':
          case 'abandoned':
            expect(event.holdSeconds).toBeGreaterThanOrEqual(0);
            if (event.type === 'answered') busy++;
            break;
          case 'callback-dialed':
            busy++;
            break;
          case 'call-ended':
          case 'callback-unanswered':
            busy--;
            break;
          case 'callback-connected':
            expect(event.delaySeconds).toBeGreaterThanOrEqual(0);
            break;
          case 'agents-changed':
            onDuty = event.onDuty;
            scheduled = event.scheduled;
            // Above the roster only while agents finish the calls they were on.
            expect(onDuty).toBeLessThanOrEqual(Math.max(scheduled, busy));
            break;
        }
        expect(busy).toBeGreaterThanOrEqual(0);
        expect(busy).toBeLessThanOrEqual(onDuty);
      }
      expect(busy).toBe(0);
    },
  );
});
