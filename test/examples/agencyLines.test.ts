import { describe, expect, it } from 'vitest';
import { compare, isMultiLine, type MultiLineScenario } from '../../src';
import { loadScenarioFile } from '../../src/node';

// examples/agency-lines.ts compares this file's day with and without a callback offer on
// every line. The test keeps the example from rotting: the file validates, has what the
// example is about, and a short comparison (2 replications, a few seconds) still shows a
// congested day whose people call again, and a callback that saves hold. The bounds are wide
// (the example's own 24 replications give individuals about 11 minutes of mean hold and 21%
// abandonment): they catch a scenario or model change that makes the example say something
// else, not noise.
const file = new URL('../../examples/scenarios/agency-lines.yaml', import.meta.url).pathname;

// The example's variant, as examples/agency-lines.ts builds it: the callback of
// agency-lines-callback.yaml on every line.
const callbackFile = new URL('../../examples/scenarios/agency-lines-callback.yaml', import.meta.url).pathname;
const callback = ((await loadScenarioFile(callbackFile)) as MultiLineScenario).lines[0]!.callback!;
const withCallback = (s: MultiLineScenario): MultiLineScenario => ({ ...s, lines: s.lines.map((line) => ({ ...line, callback })) });

describe('examples/scenarios/agency-lines.yaml', () => {
  it('validates, and is the agency the example describes: four lines, three groups, priority, delayed overflow, redials, courtesy disconnects', async () => {
    const agency = await loadScenarioFile(file);
    if (!isMultiLine(agency)) throw new Error('expected the multi-line form');
    expect(agency.lines.map((line) => line.name)).toEqual(['individuals', 'businesses', 'practitioners', 'spanish']);
    expect(agency.groups.map((group) => group.name)).toEqual(['general', 'bilingual', 'overflow']);
    const line = (name: string) => agency.lines.find((l) => l.name === name)!;
    expect(line('practitioners').priority).toBe(1);
    expect(line('spanish').routing[0]!.group).toBe('bilingual');
    expect(line('individuals').routing).toContainEqual(expect.objectContaining({ group: 'overflow', afterSeconds: 300 }));
    expect(line('individuals').maxOnHold).toBeGreaterThan(0);
    expect(agency.trunks).toBeGreaterThan(0);
    for (const l of agency.lines) {
      expect(l.handleTime, l.name).toMatchObject({ type: 'lognormal' });
      expect(l.redial?.probability, l.name).toBeGreaterThanOrEqual(0.6);
      expect(l.callback, l.name).toBeUndefined();
    }
  });

  it('with a callback offer on every line, over 2 replications: same people, fewer redials, hold saved', async () => {
    const agency = (await loadScenarioFile(file)) as MultiLineScenario;
    const { baseline: b, variant: v, difference: d, savings, savingsByLine, pairs } = await compare(agency, withCallback(agency), { replications: 2 });

    // Congested, not absurd: individuals hold minutes, and some but not most calls go unanswered.
    const individuals = b.lines['individuals']!;
    expect(individuals.hold.meanSeconds.mean / 60).toBeGreaterThan(4);
    expect(individuals.hold.meanSeconds.mean / 60).toBeLessThan(25);
    expect(individuals.abandonment.fraction.mean).toBeGreaterThan(0.08);
    expect(individuals.abandonment.fraction.mean).toBeLessThan(0.35);
    expect(b.callers.disconnected.mean).toBeGreaterThan(0);

    // Calls are more than people: the people sent away call again.
    expect(b.callers.offered.mean).toBeGreaterThan(1.05 * b.people.offered.mean);
    expect(b.callers.offered.mean).toBe(b.people.offered.mean + b.redials.calls.mean);

    // Every group takes calls; the Spanish line is served mostly by bilingual agents.
    for (const [name, group] of Object.entries(b.groups)) {
      expect(Object.values(group.answered).reduce((sum, e) => sum + e.mean, 0), name).toBeGreaterThan(0);
    }
    expect(b.groups['bilingual']!.answered['spanish']!.mean).toBeGreaterThan(0.9 * b.lines['spanish']!.callers.answered.mean);

    // Common random numbers: the same people call in both arms; the callback avoids redials and saves hold.
    expect(d.people.offered.mean).toBe(0);
    expect(v.callback.accepted.mean).toBeGreaterThan(0);
    expect(d.redials.calls.mean).toBeLessThan(0);
    expect(savings.netHoldHours.mean).toBeGreaterThan(0);
    expect(Object.keys(savingsByLine)).toEqual(['individuals', 'businesses', 'practitioners', 'spanish']);
    for (const pair of pairs) {
      for (const [name, s] of Object.entries(pair.savingsByLine)) {
        expect(s.directHoldHours + s.indirectHoldHours, name).toBeCloseTo(s.netHoldHours, 9);
      }
    }
  });
});
