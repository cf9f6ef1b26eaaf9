import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { EventCalendar, Simulation } from '../../src/engine';

describe('EventCalendar', () => {
  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer()), { maxLength: 300 })])(
    'hands events out by time, ties in the order they were scheduled',
    (events) => {
      const calendar = new EventCalendar(2); // tiny, so growth is exercised
      events.forEach(([time], index) => calendar.schedule(time, 0, index, 0));
      const expected = events
        .map(([time], index) => ({ time, index }))
        .sort((a, b) => a.time - b.time || a.index - b.index)
        .map((e) => e.index);
      const out: number[] = [];
      while (calendar.pop()) out.push(calendar.subject);
      expect(out).toEqual(expected);
    },
  );

  test.prop([fc.array(fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined, freq: 3 }), { maxLength: 400 })])(
    'scheduling between pops keeps time order, ties in the order scheduled (ids recycled)',
    (operations) => {
      // undefined pops; a number schedules at that time. The reference is a plain sorted list.
      const calendar = new EventCalendar(1);
      const pending: Array<{ time: number; index: number }> = [];
      operations.forEach((time, index) => {
        if (time === undefined) {
          pending.sort((a, b) => a.time - b.time || a.index - b.index);
          const expected = pending.shift();
          expect(calendar.pop()).toBe(expected !== undefined);
          if (expected) expect([calendar.time, calendar.subject, calendar.tag]).toEqual([expected.time, expected.index, 1000 - expected.index]);
        } else {
          calendar.schedule(time, index % 7, index, 1000 - index);
          pending.push({ time, index });
        }
        expect(calendar.size).toBe(pending.length);
      });
    },
  );

  it('keeps kind, subject and tag with their event', () => {
    const calendar = new EventCalendar();
    calendar.schedule(3, 7, 70, -1);
    calendar.schedule(1, 5, 50, 9);
    expect(calendar.pop()).toBe(true);
    expect([calendar.time, calendar.kind, calendar.subject, calendar.tag]).toEqual([1, 5, 50, 9]);
    expect(calendar.pop()).toBe(true);
    expect([calendar.time, calendar.kind, calendar.subject, calendar.tag]).toEqual([3, 7, 70, -1]);
    expect(calendar.pop()).toBe(false);
  });
});

describe('Simulation', () => {
  test.prop([
    fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 200 }),
    fc.integer({ min: 1, max: 50 }),
  ])(
    'hands out arrivals and other events as one calendar would: by time, ties in the order scheduled',
    (plan, budget) => {
      // Each handled event schedules the plan's next entries (an arrival or another event,
      // `delay` after now, `fanOut` of them): the reference keeps every pending event in one list.
      const pending: Array<{ time: number; order: number; arrival: boolean }> = [];
      const handedOut: Array<[number, number]> = [];
      const expected: Array<[number, number]> = [];
      let order = 0;
      let next = 0;
      const schedule = () => {
        const [arrival, delay] = plan[next % plan.length]!;
        const time = simulation.now + delay;
        if (arrival) simulation.atArrival(time, 1, order);
        else simulation.at(time, 0, order);
        pending.push({ time, order: order++, arrival });
        next++;
      };
      const simulation = new Simulation({
        handleEvent: (kind, subject) => {
          handedOut.push([simulation.now, subject]);
          pending.sort((a, b) => a.time - b.time || a.order - b.order);
          const due = pending.shift()!;
          expect(kind).toBe(due.arrival ? 1 : 0);
          expected.push([due.time, due.order]);
          if (order < 400) for (let i = 0; i < plan[next % plan.length]![2]; i++) schedule();
        },
      });
      schedule();
      schedule();
      while (!simulation.finished) simulation.run(budget);
      expect(handedOut).toEqual(expected);
      expect(pending).toEqual([]);
      expect(simulation.nextEventTime()).toBe(Infinity);
    },
  );

  it('paces arrivals and other events alike (runUntil, nextEventTime)', () => {
    const seen: string[] = [];
    const simulation = new Simulation({ handleEvent: (kind, subject) => seen.push(`${kind === 1 ? 'arrival' : 'event'} ${subject} at ${simulation.now}`) });
    simulation.atArrival(2, 1, 0);
    simulation.at(2, 0, 1);
    simulation.at(5, 0, 2);
    simulation.atArrival(7, 1, 3);
    expect(simulation.nextEventTime()).toBe(2);
    simulation.runUntil(5);
    expect(seen).toEqual(['arrival 0 at 2', 'event 1 at 2', 'event 2 at 5']);
    expect(simulation.nextEventTime()).toBe(7);
    expect(simulation.finished).toBe(false);
    simulation.runUntil(10);
    expect(seen.at(-1)).toBe('arrival 3 at 7');
    expect(simulation.finished).toBe(true);
  });

  it('refuses to schedule into the past or at NaN, so the clock never runs backwards', () => {
    const simulation = new Simulation({
      handleEvent: () => {
        expect(() => simulation.at(simulation.now - 1, 0)).toThrow(/clock is already at 5/);
        expect(() => simulation.at(NaN, 0)).toThrow(RangeError);
        expect(() => simulation.atArrival(simulation.now - 1, 0)).toThrow(/clock is already at 5/);
        expect(() => simulation.atArrival(NaN, 0)).toThrow(RangeError);
      },
    });
    simulation.at(5, 0);
    simulation.run();
    expect(simulation.eventsHandled).toBe(1);
  });

  it('runs within a budget and stops when told', () => {
    const seen: number[] = [];
    const simulation = new Simulation({
      handleEvent: (kind) => {
        seen.push(simulation.now);
        if (kind === 1) simulation.stop();
      },
    });
    for (let t = 1; t <= 10; t++) simulation.at(t, t === 6 ? 1 : 0);
    simulation.run(3);
    expect(seen).toEqual([1, 2, 3]);
    simulation.run();
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(simulation.finished).toBe(true);
  });
});
