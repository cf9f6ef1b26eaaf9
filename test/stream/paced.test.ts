import { VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { simulate, type SimEvent } from '../../src';
import { referenceScenario } from '../support/scenarios';

const hour = referenceScenario({ durationSeconds: 3600 });

describe('simulate() paced to the clock', () => {
  it('emits each event when the clock reaches its simulated time / speed, and completes', async () => {
    const scheduler = new VirtualTimeScheduler();
    const seen: Array<{ wallMs: number; event: SimEvent }> = [];
    let completed = false;
    simulate(hour, { realtime: { speed: 60, scheduler } }).subscribe({
      next: (event) => seen.push({ wallMs: scheduler.now(), event }),
      complete: () => (completed = true),
    });
    scheduler.flush();
    await Promise.resolve(); // completion follows the last event on a microtask
    expect(completed).toBe(true);
    expect(seen.length).toBeGreaterThan(1000);
    for (const { wallMs, event } of seen) {
      const due = (event.time / 60) * 1000;
      // Never early; late by at most one tick of 50 ms and the rounding to whole milliseconds.
      expect(wallMs).toBeGreaterThanOrEqual(due - 1e-6);
      expect(wallMs).toBeLessThanOrEqual(due + 51);
    }
    // About an hour of simulated time in about a minute of clock time.
    expect(seen.at(-1)!.wallMs).toBeGreaterThan(55_000);
  });

  it('emits the same events, in the same order, as the virtual-time run', async () => {
    const scheduler = new VirtualTimeScheduler();
    const paced: SimEvent[] = [];
    simulate(hour, { realtime: { speed: 600, scheduler } }).subscribe((e) => paced.push(e));
    scheduler.flush();
    const { eventsOf } = await import('../support/scenarios');
    expect(paced).toEqual(await eventsOf(hour));
  });

  it('stops when unsubscribed: nothing more is scheduled or emitted', () => {
    const scheduler = new VirtualTimeScheduler();
    let count = 0;
    const subscription = simulate(hour, { realtime: { speed: 60, scheduler } }).subscribe(() => count++);
    scheduler.schedule(() => subscription.unsubscribe(), 10_000); // after 10 s of clock time
    scheduler.flush();
    expect(count).toBeGreaterThan(0);
    expect(scheduler.now()).toBeLessThanOrEqual(10_050);
  });

  it('rejects a speed that is not a positive number', () => {
    let error: unknown;
    simulate(hour, { realtime: { speed: 0 } }).subscribe({ error: (e: unknown) => (error = e) });
    expect(String(error)).toContain('simulate: realtime.speed must be a number > 0, got 0');
  });
});
