// zod's mini build: the same schemas and issues as `zod`, without the chained-method classes
// and bundled translations, so the main entry stays small in a browser (about 12 KiB of zod,
// gzipped, against about 90).
import * as z from 'zod/mini';
import { CALENDAR_DATE, TIME_OF_DAY, isCalendarDate, isTimeZone } from './clock';

// The one definition of a valid scenario: validation, the `Scenario` checks across fields and
// the JSON Schema for editors (`scenarioJsonSchema()`) all come from here.

const seconds = z.number().check(z.minimum(0));
const positiveSeconds = z.number().check(z.positive());
const probability = z.number().check(z.minimum(0), z.maximum(1));
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description)) as T;

export const distributionSchema = described(
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('exponential'), meanSeconds: positiveSeconds }),
    z.strictObject({ type: z.literal('lognormal'), meanSeconds: positiveSeconds, cv: z.number().check(z.positive()) }),
    z.strictObject({ type: z.literal('gamma'), meanSeconds: positiveSeconds, cv: z.number().check(z.positive()) }),
    z.strictObject({ type: z.literal('fixed'), seconds }),
    z.strictObject({ type: z.literal('uniform'), minSeconds: seconds, maxSeconds: seconds }),
    z.strictObject({ type: z.literal('empirical'), seconds: z.array(seconds).check(z.minLength(1)) }),
  ]),
  'A distribution of durations in seconds',
);

const timedDistributionSchema = described(
  z.union([
    distributionSchema,
    z.strictObject({
      byInterval: z.strictObject({
        intervalSeconds: positiveSeconds,
        distributions: described(
          z.array(distributionSchema).check(z.minLength(1)),
          "One per interval of the caller's arrival; the last holds after the last interval",
        ),
      }),
    }),
  ]),
  "A distribution of durations in seconds, or one per interval of the caller's arrival",
);

const rateUncertainty = described(
  z.strictObject({ cv: z.number().check(z.minimum(0)) }),
  "Multiplies the run's arrival rate by a Gamma(mean 1, cv) factor drawn once per run",
);

const arrivalsSchema = described(
  z.union([
    z.strictObject({ perHour: z.number().check(z.minimum(0)), rateUncertainty: z.optional(rateUncertainty) }),
    z.strictObject({
      intervalSeconds: positiveSeconds,
      perInterval: described(z.array(z.number().check(z.minimum(0))).check(z.minLength(1)), 'Expected calls in each interval'),
      rateUncertainty: z.optional(rateUncertainty),
    }),
  ]),
  'Poisson arrivals: a constant rate per hour, or expected calls per interval',
);

const agentsSchema = described(
  z.union([
    z.int().check(z.minimum(1)),
    z.strictObject({
      intervalSeconds: positiveSeconds,
      perInterval: described(
        z.array(z.int().check(z.minimum(0))).check(z.minLength(1)),
        'Agents on duty in each interval; the last count holds after it',
      ),
    }),
  ]),
  'Agents on duty: a constant, or a count per interval',
);

const logisticRule = z.strictObject({ logistic: z.strictObject({ intercept: z.number(), perMinute: z.number() }) });

export const callbackPolicySchema = described(
  z.strictObject({
    offer: z.union([
      z.literal('always'),
      z.strictObject({ whenEstimatedWaitAtLeastSeconds: seconds }),
      z.strictObject({ whenQueueAtLeast: z.int().check(z.minimum(0)) }),
    ]),
    optIn: z.union([z.strictObject({ probability }), logisticRule]),
    position: z.optional(z.enum(['keep-place', 'after-hold'])),
    dialSeconds: z.optional(seconds),
    answerProbability: z.optional(probability),
    maxAttempts: z.optional(z.int().check(z.minimum(1))),
    retryDelaySeconds: z.optional(seconds),
    handleTime: z.optional(distributionSchema),
  }),
  'A callback offered to callers who would otherwise hold',
);

const balkingSchema = described(
  z.union([z.strictObject({ probability }), logisticRule]),
  'A caller who must wait hangs up at once: with a probability, or 1 / (1 + exp(-(intercept + perMinute * announced minutes)))',
);

const redialSchema = described(
  z.strictObject({
    probability: described(probability, 'Share of callers sent away (abandoned, balked, busy, disconnected) who call again'),
    delay: described(distributionSchema, 'From the end of one call to the next'),
    maxAttempts: z.optional(described(z.int().check(z.minimum(1)), 'Calls in all, the first included; default 10')),
    after: z.optional(
      described(
        z.array(z.enum(['abandoned', 'busy', 'disconnected', 'balked', 'timedOut'])).check(z.minLength(1)),
        "The outcomes after which a person calls again; default the first four ('timedOut', a wait ended by the timeout message, only when listed)",
      ),
    ),
    keep: z.optional(
      described(
        z.array(z.enum(['patience', 'handleTime'])),
        "What a redial keeps of the person's first call (the same patience, the same handle time) instead of drawing anew; default nothing",
      ),
    ),
  }),
  'Callers sent away call the same line again',
);

const maxOnHold = described(
  z.int().check(z.minimum(0)),
  'A caller who finds this many on hold on the line is disconnected (told to call again later)',
);

const atClose = described(
  z.enum(['serve', 'disconnect']),
  "Callers on hold when the line closes (at durationSeconds): served (default), or disconnected with the closing announcement (outcome 'closed')",
);

const maxWaitSeconds = described(
  positiveSeconds,
  "The longest a call waits on hold: a caller still on hold this long after their call arrived leaves the queue as onTimeout says (patience that runs out first is still abandonment)",
);

const onTimeout = described(
  z.enum(['message', 'callback']),
  "What ends a wait that reached maxWaitSeconds: a message or voicemail (default; outcome 'timedOut'), or a callback request registered then, dialed by the line's callback policy",
);

const trunks = described(
  z.int().check(z.minimum(1)),
  'Calls the center can hold at once (on hold and in a call, callbacks included); a call that finds them all in use hears a busy signal',
);

const opensAtSchema = described(
  z.string().check(z.regex(TIME_OF_DAY, { error: 'a time of day as HH:MM (00:00 to 23:59), such as "07:00"' })),
  'When time 0 is: the time of day the center opens (HH:MM); every output then speaks clock time',
);

const calendarDateSchema = z.string().check(
  z.regex(CALENDAR_DATE, { error: 'a date as YYYY-MM-DD, such as "2026-03-02"' }),
  z.refine(isCalendarDate, { error: 'a date that exists (YYYY-MM-DD)' }),
);

// What a day or a day type changes, in the scenario's own field names (docs/design-decisions.md, "The calendar").
const dayOverrides = {
  volume: z.optional(described(z.number().check(z.positive()), "Multiplies every line's arrivals on the day (after its own arrivals)")),
  opensAt: z.optional(opensAtSchema),
  durationSeconds: z.optional(described(positiveSeconds, 'The day closes here')),
  arrivals: z.optional(arrivalsSchema),
  agents: z.optional(agentsSchema),
  callback: z.optional(described(callbackPolicySchema, 'The callback offered on the day')),
  lines: z.optional(described(
    z.record(z.string(), z.strictObject({ arrivals: z.optional(arrivalsSchema), callback: z.optional(callbackPolicySchema) })),
    "By line name: the line's arrivals and callback on the day",
  )),
  groups: z.optional(described(
    z.record(z.string(), z.strictObject({ agents: agentsSchema })),
    "By group name: the group's roster on the day",
  )),
};

const calendarSchema = described(
  z.strictObject({
    dayTypes: z.optional(described(
      z.record(z.string(), described(z.strictObject(dayOverrides), 'What days of this type change of the scenario')),
      'Kinds of day (Monday, peak...), by name',
    )),
    days: described(
      z.array(described(
        z.strictObject({
          date: described(calendarDateSchema, 'The date (YYYY-MM-DD); days in date order, each once'),
          dayType: z.optional(described(z.string(), 'A name of dayTypes')),
          ...dayOverrides,
        }),
        "A day: its type's changes, then its own",
      )).check(z.minLength(1)),
      'The days simulated, in date order',
    ),
  }),
  "Many days: each an ordinary one-day run of the scenario with its day's changes; people whose redial falls after closing call the next day",
);

const common = {
  $schema: z.optional(described(z.string(), 'The JSON Schema this file follows (for editors)')),
  name: z.optional(z.string()),
  seed: z.optional(described(z.int(), 'default 1')),
  durationSeconds: z.optional(described(positiveSeconds, "Arrivals stop here; default: the schedules' length")),
  warmupSeconds: z.optional(described(seconds, 'Callers arriving earlier are simulated, not counted; default 0')),
  serviceLevelSeconds: z.optional(described(seconds, 'default 20')),
  trunks: z.optional(trunks),
  queueCapacity: z.optional(
    described(
      z.int().check(z.minimum(0)),
      'Callers on hold over all lines at most: a caller who would join a queue when this many hold is disconnected (told to call again later)',
    ),
  ),
  agentSelection: z.optional(
    described(
      z.enum(['route-order', 'longest-idle', 'random']),
      "Which idle agent takes an arriving call when several groups of its line's routing have one: the first group in route order (default), the agent idle longest, or an idle agent at random",
    ),
  ),
  opensAt: z.optional(opensAtSchema),
  date: z.optional(described(calendarDateSchema, 'The date of the day simulated (YYYY-MM-DD): outputs write local date-times')),
  timeZone: z.optional(described(
    z.string().check(z.refine(isTimeZone, { error: 'an IANA time zone, such as "America/New_York"' })),
    'The time zone of opensAt and date (IANA name), carried into the outputs',
  )),
  calendar: z.optional(calendarSchema),
};

const afterCallWork = described(
  distributionSchema,
  'Wrap-up: the agent stays busy this long after the caller hangs up (a route\'s replaces its line\'s)',
);

const lineBehaviour = {
  afterCallWork: z.optional(afterCallWork),
  balking: z.optional(balkingSchema),
  redial: z.optional(redialSchema),
  maxOnHold: z.optional(maxOnHold),
  atClose: z.optional(atClose),
  maxWaitSeconds: z.optional(maxWaitSeconds),
  onTimeout: z.optional(onTimeout),
};

/** The single-line form: one line served by one pool of agents. */
export const singleLineScenarioSchema = described(
  z.strictObject({
    ...common,
    arrivals: arrivalsSchema,
    agents: agentsSchema,
    handleTime: timedDistributionSchema,
    patience: z.optional(described(timedDistributionSchema, 'Absent: nobody abandons')),
    callback: z.optional(described(callbackPolicySchema, 'Absent: no callback offered')),
    ...lineBehaviour,
  }),
  'A queuecast scenario: one line served by one pool of agents',
);

const name = z.string().check(z.minLength(1));

const routeSchema = described(
  z.strictObject({
    group: described(name, 'The name of a group'),
    afterSeconds: z.optional(described(seconds, 'Delayed overflow: the group takes the caller only once they have waited this long')),
    handleTime: z.optional(described(timedDistributionSchema, "Calls this group takes of this line; default: the line's")),
    afterCallWork: z.optional(afterCallWork),
    transfer: z.optional(
      described(
        z.strictObject({
          probability: described(probability, "Share of this group's calls of this line that go on to toLine"),
          toLine: described(name, 'The name of another line: the caller joins it as a new call, keeping their trunk'),
        }),
        "After a call this group answers, the caller is put through to another line's routing (at most once a person)",
      ),
    ),
  }),
  'A group that serves the line',
);

const lineSchema = described(
  z.strictObject({
    name: described(name, 'Unique; used in reports and events'),
    arrivals: arrivalsSchema,
    handleTime: timedDistributionSchema,
    patience: z.optional(described(timedDistributionSchema, 'Absent: nobody abandons')),
    priority: z.optional(
      described(
        z.union([
          described(z.number(), 'A strict level: an agent takes the higher first'),
          described(
            z.strictObject({ creditSeconds: described(seconds, 'The caller is treated as having waited this much longer on arrival') }),
            'A waiting credit at strict level 0',
          ),
        ]),
        'default 0; an agent takes the highest strict level, then the longest wait counting the credit',
      ),
    ),
    serviceLevelSeconds: z.optional(described(seconds, "default: the scenario's")),
    routing: described(z.array(routeSchema).check(z.minLength(1)), 'The groups that serve this line, in order of preference'),
    callback: z.optional(described(callbackPolicySchema, 'Absent: no callback offered')),
    ...lineBehaviour,
  }),
  'A call type with its own number or IVR branch',
);

const groupSchema = described(
  z.strictObject({
    name: described(name, 'Unique; routes name it'),
    agents: agentsSchema,
    lineOrder: z.optional(
      described(
        z.array(name).check(z.minLength(1)),
        "Lines this group's agents take first, in this order (each a line that routes to the group); then the others by line priority and longest wait",
      ),
    ),
  }),
  'Agents who share skills and a roster',
);

/** The multi-line form: several lines over agent groups. */
export const multiLineScenarioSchema = described(
  z.strictObject({
    ...common,
    rateUncertainty: z.optional(described(rateUncertainty, 'One day factor shared by every line, on top of each line\'s own')),
    lines: z.array(lineSchema).check(z.minLength(1)),
    groups: z.array(groupSchema).check(z.minLength(1)),
  }),
  'A queuecast scenario: several lines over agent groups',
);

/** Either form; validation picks the form by the presence of `lines`. */
export const scenarioSchema = described(
  z.union([singleLineScenarioSchema, multiLineScenarioSchema]),
  'A queuecast scenario: one contact center',
);
