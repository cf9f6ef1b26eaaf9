import { fc } from '@fast-check/vitest';
import type { AgentGroup, Agents, Balking, CallbackPolicy, Distribution, Line, MultiLineScenario, Route, TimedDistribution } from '../../src';

// Random small valid multi-line scenarios with every feature on the table: up to four lines
// with priorities over up to three groups, rosters that drop to zero agents (and groups that
// close at the end of the day, beside one that stays for each line), delayed overflow routes, per-route handle times, trunks, courtesy disconnects,
// balking, redials with a small cap (after some outcomes, keeping patience or handle time), both ways of closing (atClose), callbacks of both positions, warm-up, and rate uncertainty
// shared and per line, handle times and patience by interval, after-call work on lines and routes, every agent selection, groups' own orders of lines, a center-wide queue capacity, a maximum wait ending in a message or a callback, transfers between lines, over every distribution family. Days are minutes long and bring tens of
// calls, so 150 runs take a few seconds. Probabilities and rate cvs come in whole percent and
// half the lines have no patience, so that queues and trunks do fill up.

/**
 * Every distribution family, means up to `max` seconds; `min` 0 allows durations of exactly 0 s
 * (patience, redial delays), 1 keeps the mean above 0 (handle times must have one).
 */
export const duration = (max: number, min: 0 | 1 = 1): fc.Arbitrary<Distribution> =>
  fc.oneof(
    fc.record({ type: fc.constant('exponential' as const), meanSeconds: fc.double({ min: 5, max, noNaN: true }) }),
    fc.record({
      type: fc.constant('lognormal' as const),
      meanSeconds: fc.double({ min: 5, max, noNaN: true }),
      cv: fc.double({ min: 0.1, max: 2, noNaN: true }),
    }),
    fc.record({
      type: fc.constant('gamma' as const),
      meanSeconds: fc.double({ min: 5, max, noNaN: true }),
      cv: fc.double({ min: 0.2, max: 2, noNaN: true }),
    }),
    fc.record({ type: fc.constant('fixed' as const), seconds: fc.integer({ min, max }) }),
    fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 1, max })).map(([minSeconds, width]) => ({
      type: 'uniform' as const,
      minSeconds,
      maxSeconds: minSeconds + width,
    })),
    fc.record({ type: fc.constant('empirical' as const), seconds: fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 5 }) }),
  );

/** A distribution, or one per interval of the caller's arrival (one to three, intervals shorter and longer than the day's). */
const timed = (max: number, min: 0 | 1 = 1): fc.Arbitrary<TimedDistribution> =>
  fc.oneof(
    { arbitrary: duration(max, min), weight: 2 },
    fc.record({
      byInterval: fc.record({ intervalSeconds: fc.integer({ min: 10, max: 400 }), distributions: fc.array(duration(max, min), { minLength: 1, maxLength: 3 }) }),
    }),
  );

// Probabilities in whole percent: fast-check's doubles crowd at the ends of [0, 1] (1e-300 and
// the like), where the model's decisions are all alike.
const probability = fc.integer({ min: 0, max: 100 }).map((percent) => percent / 100);

/** A probability-or-logistic rule (callback opt-in, balking). */
const rule: fc.Arbitrary<Balking> = fc.oneof(
  fc.record({ probability }),
  fc.record({
    logistic: fc.record({ intercept: fc.double({ min: -3, max: 3, noNaN: true }), perMinute: fc.double({ min: -1, max: 1, noNaN: true }) }),
  }),
);

const callbackPolicy: fc.Arbitrary<CallbackPolicy> = fc.record(
  {
    offer: fc.oneof(
      fc.constant('always' as const),
      fc.record({ whenEstimatedWaitAtLeastSeconds: fc.integer({ min: 0, max: 600 }) }),
      fc.record({ whenQueueAtLeast: fc.integer({ min: 0, max: 4 }) }),
    ),
    optIn: rule,
    position: fc.constantFrom('keep-place' as const, 'after-hold' as const),
    dialSeconds: fc.integer({ min: 0, max: 60 }),
    answerProbability: probability,
    maxAttempts: fc.integer({ min: 1, max: 3 }),
    retryDelaySeconds: fc.integer({ min: 0, max: 300 }),
    handleTime: duration(300),
  },
  { requiredKeys: ['offer', 'optIn'] },
);

// Rate uncertainty in whole percent, 0 to 60, as planners give it (a cv below about 1e-154 made
// the Gamma shape 1/cv² overflow: a worked example in test/model/multiLineProperties.test.ts).
const cv = fc.integer({ min: 0, max: 60 }).map((percent) => percent / 100);

/** A constant, or a roster that may drop to zero, and may close (0 in its last interval). */
const agents: fc.Arbitrary<Agents> = fc.oneof(
  fc.integer({ min: 1, max: 4 }),
  fc.record({
    intervalSeconds: fc.integer({ min: 60, max: 600 }),
    perInterval: fc
      .tuple(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 })))
      .map(([counts, last]) => [...counts, last]),
  }),
);

/** Whether a group has agents after its roster's last interval (it stays until every queue is empty). */
const staysOpen = (agents: Agents): boolean => typeof agents === 'number' || agents.perInterval.at(-1)! > 0;

/** What a line says about itself, before its routing is known. */
const lineBody = fc.record(
  {
    perInterval: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 4, maxLength: 4 }),
    perHour: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
    rateUncertaintyCv: fc.option(cv, { nil: undefined }),
    handleTime: timed(300),
    // Half the lines without patience: callers who never hang up keep queues and trunks full.
    patience: fc.option(timed(600, 0), { nil: undefined, freq: 2 }),
    priority: fc.integer({ min: 0, max: 2 }),
    serviceLevelSeconds: fc.integer({ min: 0, max: 60 }),
    balking: rule,
    redial: fc.record(
      {
        probability,
        delay: duration(300, 0),
        maxAttempts: fc.integer({ min: 1, max: 3 }),
        after: fc.subarray(['abandoned', 'busy', 'disconnected', 'balked', 'timedOut'] as const, { minLength: 1 }),
        keep: fc.subarray(['patience', 'handleTime'] as const),
      },
      { requiredKeys: ['probability', 'delay'] },
    ),
    maxOnHold: fc.integer({ min: 0, max: 5 }),
    atClose: fc.constantFrom('serve' as const, 'disconnect' as const),
    callback: callbackPolicy,
    afterCallWork: duration(120, 0),
    // A maximum wait, with a message or a callback (the line's policy, drawn above, dials it).
    maxWaitSeconds: fc.integer({ min: 1, max: 300 }),
    onTimeout: fc.constantFrom('message' as const, 'callback' as const),
  },
  { requiredKeys: ['perInterval', 'handleTime', 'priority', 'patience'] },
);

/**
 * How a line would route to each of the (up to three) groups: whether at all, its rank of
 * preference, at once or after a delay, with a handle time of its own or the line's.
 */
const routeOptions = fc.array(
  fc.record(
    {
      used: fc.boolean(),
      rank: fc.integer({ min: 0, max: 9 }),
      afterSeconds: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
      handleTime: timed(300),
      afterCallWork: duration(120, 0),
      // A transfer to the line this many places further on (another line, when there is one).
      transfer: fc.record({ probability, toLineOffset: fc.integer({ min: 1, max: 3 }) }),
    },
    { requiredKeys: ['used', 'rank'] },
  ),
  { minLength: 3, maxLength: 3 },
);

// Built from records of plain values (no `chain`), so that a counterexample shrinks well.
export const multiLineScenario: fc.Arbitrary<MultiLineScenario> = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    intervalSeconds: fc.integer({ min: 60, max: 600 }),
    intervals: fc.integer({ min: 1, max: 4 }),
    warmupPercent: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 80 })),
    trunks: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    queueCapacity: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    rateUncertaintyCv: fc.option(cv, { nil: undefined }),
    agentSelection: fc.option(fc.constantFrom('route-order' as const, 'longest-idle' as const, 'random' as const), { nil: undefined }),
    groups: fc.array(agents, { minLength: 1, maxLength: 3 }),
    // Per group, maybe its own order of lines: a rank per line (odd ranks leave the line out).
    lineOrders: fc.array(fc.option(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }), { nil: undefined, freq: 2 }), {
      minLength: 3,
      maxLength: 3,
    }),
    lines: fc.array(fc.tuple(lineBody, routeOptions), { minLength: 1, maxLength: 4 }),
  })
  .map(({ seed, intervalSeconds, intervals, warmupPercent, trunks, queueCapacity, rateUncertaintyCv, agentSelection, groups: rosters, lineOrders, lines }) => {
    const durationSeconds = intervalSeconds * intervals;
    const groupName = (g: number) => `group-${g}`;
    // Some group stays open: the first, if none would.
    const groups = rosters.every((agents) => !staysOpen(agents))
      ? rosters.map((agents, g) => (g === 0 && typeof agents !== 'number' ? { ...agents, perInterval: [...agents.perInterval.slice(0, -1), 1] } : agents))
      : rosters;
    const open = groups.flatMap((agents, g) => (staysOpen(agents) ? [g] : []));
    // Each line routes to the groups it uses, by rank (at least one), and to a group that stays
    // open (the first one, at the end, if none of its own does); every group must be routed by
    // some line, so a group nobody uses joins the end of some line's routing.
    const orders = lines.map(([, options], l) => {
      const used = options.flatMap((option, g) => (option.used && g < groups.length ? [g] : []));
      const order = used.length > 0 ? used.sort((a, b) => options[a]!.rank - options[b]!.rank) : [l % groups.length];
      if (!order.some((g) => open.includes(g))) order.push(open[0]!);
      return order;
    });
    groups.forEach((_, g) => {
      if (!orders.some((order) => order.includes(g))) orders[g % orders.length]!.push(g);
    });
    const builtLines: Line[] = lines.map(([body, options], l) => {
      const routing: Route[] = orders[l]!.map((g) => {
        const route: Route = { group: groupName(g) };
        const option = options[g]!;
        if (option.afterSeconds !== undefined) route.afterSeconds = option.afterSeconds;
        if (option.handleTime !== undefined) route.handleTime = option.handleTime;
        if (option.afterCallWork !== undefined) route.afterCallWork = option.afterCallWork;
        if (option.transfer !== undefined && lines.length > 1) {
          const to = (l + 1 + ((option.transfer.toLineOffset - 1) % (lines.length - 1))) % lines.length;
          route.transfer = { probability: option.transfer.probability, toLine: `line-${to}` };
        }
        return route;
      });
      // A line needs a group that takes its calls at once (its announced wait divides by them).
      if (routing.every((route) => (route.afterSeconds ?? 0) > 0)) delete routing[0]!.afterSeconds;
      const uncertainty = body.rateUncertaintyCv === undefined ? {} : { rateUncertainty: { cv: body.rateUncertaintyCv } };
      const line: Line = {
        name: `line-${l}`,
        arrivals: body.perHour !== undefined
          ? { perHour: body.perHour, ...uncertainty }
          : { intervalSeconds, perInterval: body.perInterval.slice(0, intervals), ...uncertainty },
        handleTime: body.handleTime,
        priority: body.priority,
        routing,
      };
      if (body.patience) line.patience = body.patience;
      if (body.serviceLevelSeconds !== undefined) line.serviceLevelSeconds = body.serviceLevelSeconds;
      if (body.balking) line.balking = body.balking;
      if (body.redial) line.redial = body.redial;
      if (body.maxOnHold !== undefined) line.maxOnHold = body.maxOnHold;
      if (body.atClose !== undefined) line.atClose = body.atClose;
      if (body.callback) line.callback = body.callback;
      if (body.afterCallWork) line.afterCallWork = body.afterCallWork;
      if (body.maxWaitSeconds !== undefined) {
        line.maxWaitSeconds = body.maxWaitSeconds;
        // A callback at the timeout needs the line's callback policy.
        if (body.onTimeout === 'message' || (body.onTimeout === 'callback' && line.callback)) line.onTimeout = body.onTimeout;
      }
      return line;
    });
    const builtGroups: AgentGroup[] = groups.map((agents, g) => {
      const group: AgentGroup = { name: groupName(g), agents };
      const ranks = lineOrders[g];
      const lineOrder = ranks && orders.flatMap((order, l) => (order.includes(g) && ranks[l]! % 2 === 0 ? [l] : [])).sort((a, b) => ranks[a]! - ranks[b]!);
      if (lineOrder && lineOrder.length > 0) group.lineOrder = lineOrder.map((l) => `line-${l}`);
      return group;
    });
    const scenario: MultiLineScenario = {
      seed,
      durationSeconds,
      warmupSeconds: Math.floor((warmupPercent / 100) * durationSeconds),
      lines: builtLines,
      groups: builtGroups,
    };
    if (trunks !== undefined) scenario.trunks = trunks;
    if (queueCapacity !== undefined) scenario.queueCapacity = queueCapacity;
    if (rateUncertaintyCv !== undefined) scenario.rateUncertainty = { cv: rateUncertaintyCv };
    if (agentSelection !== undefined) scenario.agentSelection = agentSelection;
    return scenario;
  });
