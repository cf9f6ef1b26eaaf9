import { fc, test } from '@fast-check/vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  ScenarioError,
  resolveScenario,
  run,
  scenarioJsonSchema,
  scenarioProblems,
  validateScenario,
  type MultiLineScenario,
} from '../../src';

// A valid agency with every multi-line feature: three lines (one with priority, one Spanish),
// three groups (one bilingual, one overflow reached after a delay), trunks, redials, courtesy
// disconnects, balking, a callback, rosters and per-route handle times.
const valid: MultiLineScenario = {
  name: 'agency',
  durationSeconds: 7200,
  trunks: 40,
  rateUncertainty: { cv: 0.1 },
  lines: [
    {
      name: 'individuals',
      arrivals: { intervalSeconds: 3600, perInterval: [120, 90] },
      handleTime: { type: 'lognormal', meanSeconds: 300, cv: 0.8 },
      patience: { type: 'exponential', meanSeconds: 600 },
      routing: [{ group: 'general' }, { group: 'overflow', afterSeconds: 120, handleTime: { type: 'lognormal', meanSeconds: 360, cv: 0.8 } }],
      redial: { probability: 0.6, delay: { type: 'exponential', meanSeconds: 900 }, maxAttempts: 5 },
      maxOnHold: 20,
      balking: { logistic: { intercept: -3, perMinute: 0.1 } },
      callback: { offer: { whenEstimatedWaitAtLeastSeconds: 300 }, optIn: { probability: 0.3 } },
    },
    {
      name: 'business',
      arrivals: { perHour: 40 },
      handleTime: { type: 'gamma', meanSeconds: 420, cv: 1 },
      priority: 1,
      serviceLevelSeconds: 30,
      routing: [{ group: 'general' }, { group: 'overflow', afterSeconds: 60 }],
    },
    {
      name: 'spanish',
      arrivals: { perHour: 20 },
      handleTime: { type: 'exponential', meanSeconds: 360 },
      patience: { type: 'uniform', minSeconds: 60, maxSeconds: 900 },
      routing: [{ group: 'bilingual' }, { group: 'general', afterSeconds: 300 }],
      redial: { probability: 0.4, delay: { type: 'fixed', seconds: 600 } },
    },
  ],
  groups: [
    { name: 'general', agents: { intervalSeconds: 1800, perInterval: [10, 12, 12, 8] } },
    { name: 'bilingual', agents: 3 },
    { name: 'overflow', agents: 2 },
  ],
};

// The valid scenario with one change (or several), made on a deep copy.
// A scenario broken on purpose has no type to keep.
type Editable = Record<string, any>;
function changed(edit: (scenario: Editable) => void): unknown {
  const copy = structuredClone(valid) as unknown as Editable;
  edit(copy);
  return copy;
}

interface Expected {
  path: string;
  expected: RegExp;
  received: unknown;
}

// Each malformed scenario and EVERY problem it must report, no more: the path, a word of what was
// expected, the value received. `crossField`: a mistake only the library sees (names across
// lines and groups, lengths against durationSeconds...); the JSON Schema an editor uses accepts
// it, and rejects every other case.
const malformed: Array<{ name: string; input: unknown; crossField: boolean; problems: Expected[] }> = [
  {
    name: 'a route naming a group that does not exist',
    input: changed((s) => (s.lines[2].routing[0].group = 'bilinguals')),
    crossField: true,
    problems: [
      { path: 'lines[2].routing[0].group', expected: /^the name of a group \("general", "bilingual", "overflow"\)$/, received: 'bilinguals' },
      // ...which leaves `bilingual` with no line routed to it: said too, as a hint to the typo.
      { path: 'groups[1].name', expected: /a group that some line routes to/, received: 'bilingual' },
    ],
  },
  {
    name: 'two lines with one name',
    input: changed((s) => (s.lines[1].name = 'individuals')),
    crossField: true,
    problems: [{ path: 'lines[1].name', expected: /a name no other line has/, received: 'individuals' }],
  },
  {
    name: 'a group no line routes to',
    input: changed((s) => s.groups.push({ name: 'training', agents: 2 })),
    crossField: true,
    problems: [{ path: 'groups[3].name', expected: /a group that some line routes to/, received: 'training' }],
  },
  {
    name: 'a redial delay whose maximum is below its minimum',
    input: changed((s) => (s.lines[2].redial.delay = { type: 'uniform', minSeconds: 600, maxSeconds: 60 })),
    crossField: true,
    problems: [{ path: 'lines[2].redial.delay.maxSeconds', expected: />= minSeconds \(600\)/, received: 60 }],
  },
  {
    name: 'a redial delay of an unknown family, a redial probability above 1 and no attempt at all',
    input: changed((s) => (s.lines[0].redial = { probability: 1.5, delay: { type: 'weibull', meanSeconds: 900 }, maxAttempts: 0 })),
    crossField: false,
    problems: [
      { path: 'lines[0].redial.probability', expected: /<= 1/, received: 1.5 },
      { path: 'lines[0].redial.delay.type', expected: /one of "exponential", .*"empirical"/, received: 'weibull' },
      { path: 'lines[0].redial.maxAttempts', expected: />= 1/, received: 0 },
    ],
  },
  {
    name: 'the two forms mixed: top-level arrivals, agents and handleTime beside lines',
    input: changed((s) => {
      s.arrivals = { perHour: 100 };
      s.agents = 10;
      s.handleTime = { type: 'fixed', seconds: 300 };
    }),
    crossField: false,
    problems: [
      { path: 'arrivals', expected: /no top-level field of the single-line form beside lines/, received: { perHour: 100 } },
      { path: 'agents', expected: /no top-level field of the single-line form beside lines/, received: 10 },
      { path: 'handleTime', expected: /no top-level field of the single-line form beside lines/, received: { type: 'fixed', seconds: 300 } },
    ],
  },
  {
    name: 'the two forms mixed the other way: groups beside a single line',
    input: { arrivals: { perHour: 100 }, agents: 10, durationSeconds: 3600, handleTime: { type: 'fixed', seconds: 300 }, groups: valid.groups },
    crossField: false,
    problems: [{ path: 'groups', expected: /only together with lines/, received: valid.groups }],
  },
  {
    name: 'a negative afterSeconds',
    input: changed((s) => (s.lines[0].routing[1].afterSeconds = -30)),
    crossField: false,
    problems: [{ path: 'lines[0].routing[1].afterSeconds', expected: />= 0/, received: -30 }],
  },
  {
    name: 'maxOnHold negative on one line, not an integer on another',
    input: changed((s) => {
      s.lines[0].maxOnHold = -1;
      s.lines[1].maxOnHold = 2.5;
    }),
    crossField: false,
    problems: [
      { path: 'lines[0].maxOnHold', expected: />= 0/, received: -1 },
      { path: 'lines[1].maxOnHold', expected: /integer/, received: 2.5 },
    ],
  },
  {
    name: 'no trunks at all',
    input: changed((s) => (s.trunks = 0)),
    crossField: false,
    problems: [{ path: 'trunks', expected: />= 1/, received: 0 }],
  },
  {
    name: 'a balking probability above 1',
    input: changed((s) => (s.lines[1].balking = { probability: 1.2 })),
    crossField: false,
    problems: [{ path: 'lines[1].balking.probability', expected: /<= 1/, received: 1.2 }],
  },
  {
    name: 'a balking rule that is neither form',
    input: changed((s) => (s.lines[1].balking = 0.2)),
    crossField: false,
    problems: [{ path: 'lines[1].balking', expected: /\{ probability \} or \{ logistic: \{ intercept, perMinute \} \}/, received: 0.2 }],
  },
  {
    name: 'an empty routing',
    input: changed((s) => (s.lines[1].routing = [])),
    crossField: false,
    problems: [{ path: 'lines[1].routing', expected: /at least 1 entries/, received: [] }],
  },
  {
    name: 'groups missing (reported once, not once more for every route)',
    input: changed((s) => delete s.groups),
    crossField: false,
    problems: [{ path: 'groups', expected: /array/, received: undefined }],
  },
  {
    name: 'no groups',
    input: changed((s) => (s.groups = [])),
    crossField: false,
    problems: [{ path: 'groups', expected: /at least 1 entries/, received: [] }],
  },
  {
    name: "a line's arrival schedule shorter than durationSeconds",
    input: changed((s) => (s.lines[0].arrivals.perInterval = [120])),
    crossField: true,
    problems: [
      {
        path: 'lines[0].arrivals.perInterval',
        expected: /at least 2 intervals of 3600 s, to cover durationSeconds \(7200 s\)/,
        received: '1 intervals (3600 s)',
      },
    ],
  },
  {
    name: 'two groups with one name',
    input: changed((s) => (s.groups[2].name = 'general')),
    crossField: true,
    problems: [
      { path: 'groups[2].name', expected: /a name no other group has/, received: 'general' },
      // `overflow` is gone, so the routes to it name a group that does not exist.
      { path: 'lines[0].routing[1].group', expected: /^the name of a group \("general", "bilingual"\)$/, received: 'overflow' },
      { path: 'lines[1].routing[1].group', expected: /^the name of a group \("general", "bilingual"\)$/, received: 'overflow' },
    ],
  },
  {
    name: 'a line whose every route is delayed',
    input: changed((s) => (s.lines[2].routing[0].afterSeconds = 30)),
    crossField: true,
    problems: [{ path: 'lines[2].routing', expected: /at least one route without afterSeconds/, received: [{ group: 'bilingual', afterSeconds: 30 }, { group: 'general', afterSeconds: 300 }] }],
  },
  {
    name: 'a route naming the same group twice',
    input: changed((s) => (s.lines[1].routing[1].group = 'general')),
    crossField: true,
    problems: [{ path: 'lines[1].routing[1].group', expected: /a group this line does not route to already/, received: 'general' }],
  },
  {
    // general may close at the end while overflow stays; with both closed, the two lines that
    // route only to them would have nobody to drain their queues.
    name: 'every group of a line closed in the last interval',
    input: changed((s) => {
      s.groups[0].agents.perInterval = [10, 12, 12, 0];
      s.groups[2].agents = { intervalSeconds: 3600, perInterval: [2, 0] };
    }),
    crossField: true,
    problems: [
      { path: 'lines[0].routing', expected: /a group with at least 1 agent in its last interval/, received: ['general', 'overflow'] },
      { path: 'lines[1].routing', expected: /a group with at least 1 agent in its last interval/, received: ['general', 'overflow'] },
    ],
  },
  {
    name: 'a group of 0 agents and one of 2.5',
    input: changed((s) => {
      s.groups[1].agents = 0;
      s.groups[2].agents = 2.5;
    }),
    crossField: false,
    problems: [
      { path: 'groups[1].agents', expected: />= 1/, received: 0 },
      { path: 'groups[2].agents', expected: /integer/, received: 2.5 },
    ],
  },
  {
    name: 'unknown fields in a line, a route and a group',
    input: changed((s) => {
      s.lines[1].patiense = { type: 'exponential', meanSeconds: 300 };
      s.lines[0].routing[0].delaySeconds = 30;
      s.groups[1].skills = ['es'];
    }),
    crossField: false,
    problems: [
      { path: 'lines[1].patiense', expected: /no such field \(is it misspelt\?\)/, received: { type: 'exponential', meanSeconds: 300 } },
      { path: 'lines[0].routing[0].delaySeconds', expected: /no such field/, received: 30 },
      { path: 'groups[1].skills', expected: /no such field/, received: ['es'] },
    ],
  },
  {
    name: 'agents and trunks put on a line',
    input: changed((s) => {
      s.lines[2].agents = 3;
      s.lines[2].trunks = 10;
    }),
    crossField: false,
    problems: [
      { path: 'lines[2].agents', expected: /no agents on a line \(they belong to a group, groups\[\]\.agents/, received: 3 },
      { path: 'lines[2].trunks', expected: /no trunks on a line .*top level/, received: 10 },
    ],
  },
  {
    name: 'a line without a name, and one that is not an object',
    input: changed((s) => {
      delete s.lines[0].name;
      s.lines[1] = 'business';
    }),
    crossField: false,
    problems: [
      { path: 'lines[0].name', expected: /string/, received: undefined },
      { path: 'lines[1]', expected: /object/, received: 'business' },
    ],
  },
  {
    name: 'an overflow route whose calls last 0 s',
    input: changed((s) => (s.lines[0].routing[1].handleTime = { type: 'fixed', seconds: 0 })),
    crossField: true,
    problems: [{ path: 'lines[0].routing[1].handleTime', expected: /mean above 0 s/, received: { type: 'fixed', seconds: 0 } }],
  },
  {
    name: "a line's callback accepted with probability 1.4",
    input: changed((s) => (s.lines[0].callback.optIn.probability = 1.4)),
    crossField: false,
    problems: [{ path: 'lines[0].callback.optIn.probability', expected: /<= 1/, received: 1.4 }],
  },
  {
    name: 'constant rates and rosters without durationSeconds',
    input: changed((s) => {
      delete s.durationSeconds;
      s.lines[0].arrivals = { perHour: 120 };
      s.groups[0].agents = 10;
    }),
    crossField: true,
    problems: [{ path: 'durationSeconds', expected: /required when neither arrivals nor agents has a per-interval schedule/, received: undefined }],
  },
  {
    name: 'a warm-up as long as the day and a negative day factor',
    input: changed((s) => {
      s.warmupSeconds = 7200;
      s.rateUncertainty = { cv: -0.2 };
    }),
    crossField: false, // the warm-up is cross-field, the cv is not: the JSON Schema sees one of the two
    problems: [
      { path: 'warmupSeconds', expected: /less than durationSeconds \(7200 s\)/, received: 7200 },
      { path: 'rateUncertainty.cv', expected: />= 0/, received: -0.2 },
    ],
  },
];

describe('multi-line scenario validation', () => {
  it('accepts a valid multi-line scenario as it is', () => {
    expect(scenarioProblems(valid)).toEqual([]);
    expect(validateScenario(valid)).toBe(valid);
    const resolved = resolveScenario(valid);
    expect(resolved.lines.map((line) => line.routing.map((route) => [route.group, route.afterSeconds]))).toEqual([
      [[0, 0], [2, 120]],
      [[0, 0], [2, 60]],
      [[1, 0], [0, 300]],
    ]);
  });

  it('has at least 12 malformed scenarios in its table', () => {
    expect(malformed.length).toBeGreaterThanOrEqual(12);
  });

  it.each(malformed)('rejects $name, naming every problem and nothing else', ({ input, problems }) => {
    const found = scenarioProblems(input);
    expect(found.map((p) => p.path).sort()).toEqual(problems.map((p) => p.path).sort());
    for (const problem of problems) {
      const match = found.find((p) => p.path === problem.path)!;
      expect(match.expected, problem.path).toMatch(problem.expected);
      expect(match.received, problem.path).toEqual(problem.received);
    }
    expect(() => validateScenario(input)).toThrow(ScenarioError);
  });

  it('lists every problem of a scenario with many mistakes at once, each with its path', () => {
    const input = changed((s) => {
      s.trunks = 0; //                                         trunks
      s.arrivals = { perHour: 5 }; //                          arrivals (the other form)
      s.lines[0].routing[1].afterSeconds = -1; //              lines[0].routing[1].afterSeconds
      s.lines[0].balking = { probability: 2 }; //              lines[0].balking.probability
      s.lines[1].name = 'individuals'; //                      lines[1].name
      s.lines[1].maxOnHold = -3; //                            lines[1].maxOnHold
      s.lines[2].routing[0].group = 'spanish-speakers'; //     lines[2].routing[0].group, and groups[1].name unrouted
      s.lines[2].redial.delay = { type: 'fixed', seconds: -600 }; // lines[2].redial.delay.seconds
      s.groups.push({ name: 'overflow', agents: 1 }); //       groups[3].name
    });
    const paths = scenarioProblems(input).map((p) => p.path);
    expect(paths.sort()).toEqual(
      [
        'trunks',
        'arrivals',
        'lines[0].routing[1].afterSeconds',
        'lines[0].balking.probability',
        'lines[1].name',
        'lines[1].maxOnHold',
        'lines[2].routing[0].group',
        'groups[1].name',
        'lines[2].redial.delay.seconds',
        'groups[3].name',
      ].sort(),
    );
  });

  it('says path, expected and received on one line per problem, before anything is simulated', async () => {
    const input = changed((s) => {
      s.lines[2].routing[0].group = 'bilinguals';
      s.lines[0].maxOnHold = -1;
      s.trunks = 0;
    }) as MultiLineScenario;
    const error = await run(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    const message = (error as ScenarioError).message;
    expect(message.split('\n')).toEqual([
      'invalid scenario: 4 problems',
      '  - trunks: expected a number >= 1, received 0',
      '  - lines[0].maxOnHold: expected a number >= 0, received -1',
      '  - lines[2].routing[0].group: expected the name of a group ("general", "bilingual", "overflow"), received "bilinguals"',
      '  - groups[1].name: expected a group that some line routes to, received "bilingual"',
    ]);
    expect((error as ScenarioError).problems).toHaveLength(4);
  });

  it('says where a single-line field given in the wrong form belongs', () => {
    const single = { arrivals: { perHour: 100, rateUncertainty: { cv: 0.1 } }, agents: 10, durationSeconds: 3600, handleTime: { type: 'fixed', seconds: 300 } };
    expect(scenarioProblems({ ...single, rateUncertainty: { cv: 0.1 }, priority: 1, routing: [{ group: 'agents' }] })).toEqual([
      { path: 'rateUncertainty', expected: expect.stringMatching(/arrivals\.rateUncertainty/), received: { cv: 0.1 } },
      { path: 'priority', expected: expect.stringMatching(/only on a line of the multi-line form/), received: 1 },
      { path: 'routing', expected: expect.stringMatching(/only on a line of the multi-line form/), received: [{ group: 'agents' }] },
    ]);
  });
});

describe('the JSON Schema and multi-line scenarios', () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(scenarioJsonSchema());

  it('accepts a valid multi-line scenario', () => {
    expect(validate(valid), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(malformed)('sees $name only if it is not a cross-field mistake', ({ input, crossField }) => {
    expect(validate(input), JSON.stringify(validate.errors)).toBe(crossField);
  });

  // Every path in the valid scenario, where a mutation can land, and every value found there.
  const paths: Array<Array<string | number>> = [];
  const values: unknown[] = [];
  (function walk(value: unknown, path: Array<string | number>) {
    paths.push(path);
    values.push(value);
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  })(valid, []);

  // A value from anywhere in the scenario (near misses: a name of a line where a group's is
  // expected, a roster where a distribution is), a plausible number, any JSON, or a deletion.
  const replacement = fc.option(
    fc.oneof(
      fc.constantFrom(...values.slice(1)).map((v) => structuredClone(v)),
      fc.integer({ min: -2, max: 10_000 }),
      fc.double({ min: -1, max: 2, noNaN: true }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    { nil: undefined, freq: 6 },
  );
  const mutated = fc
    .array(fc.tuple(fc.constantFrom(...paths.filter((p) => p.length > 0)), replacement), { minLength: 1, maxLength: 3 })
    .map((changes) =>
      changed((s) => {
        for (const [path, value] of changes) {
          let parent: Editable = s;
          for (const key of path.slice(0, -1)) {
            if (typeof parent !== 'object' || parent === null) break;
            parent = parent[key as string] as Editable;
          }
          if (typeof parent !== 'object' || parent === null) continue;
          const last = path[path.length - 1]!;
          if (value === undefined) delete parent[last as string];
          else parent[last as string] = value;
        }
      }),
    );

  test.prop([mutated], { numRuns: 500 })(
    'validation never throws on a damaged scenario; what it accepts, the JSON Schema accepts and the model runs',
    async (input) => {
      const problems = scenarioProblems(input);
      for (const problem of problems) expect(typeof problem.path).toBe('string');
      if (!validate(input)) expect(problems.length).toBeGreaterThan(0);
      if (problems.length > 0) return;
      expect(validate(input), JSON.stringify(validate.errors)).toBe(true);
      const report = await run(input as MultiLineScenario);
      expect(report.callers.offered).toBeGreaterThanOrEqual(0);
    },
  );
});
