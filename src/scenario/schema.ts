// zod's mini build: the same schemas and issues as `zod`, without the chained-method classes
// and bundled translations, so the main entry stays small in a browser (about 12 KiB of zod,
// gzipped, against about 90).
import * as z from 'zod/mini';

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

export const callbackPolicySchema = described(
  z.strictObject({
    offer: z.union([
      z.literal('always'),
      z.strictObject({ whenEstimatedWaitAtLeastSeconds: seconds }),
      z.strictObject({ whenQueueAtLeast: z.int().check(z.minimum(0)) }),
    ]),
    optIn: z.union([
      z.strictObject({ probability }),
      z.strictObject({ logistic: z.strictObject({ intercept: z.number(), perMinute: z.number() }) }),
    ]),
    position: z.optional(z.enum(['keep-place', 'after-hold'])),
    dialSeconds: z.optional(seconds),
    answerProbability: z.optional(probability),
    maxAttempts: z.optional(z.int().check(z.minimum(1))),
    retryDelaySeconds: z.optional(seconds),
    handleTime: z.optional(distributionSchema),
  }),
  'A callback offered to callers who would otherwise hold',
);

export const scenarioSchema = described(
  z.strictObject({
    $schema: z.optional(described(z.string(), 'The JSON Schema this file follows (for editors)')),
    name: z.optional(z.string()),
    seed: z.optional(described(z.int(), 'default 1')),
    durationSeconds: z.optional(described(positiveSeconds, "Arrivals stop here; default: the schedules' length")),
    warmupSeconds: z.optional(described(seconds, 'Callers arriving earlier are simulated, not counted; default 0')),
    serviceLevelSeconds: z.optional(described(seconds, 'default 20')),
    arrivals: arrivalsSchema,
    agents: agentsSchema,
    handleTime: distributionSchema,
    patience: z.optional(described(distributionSchema, 'Absent: nobody abandons')),
    callback: z.optional(described(callbackPolicySchema, 'Absent: no callback offered')),
  }),
  'A queuecast scenario: one contact center',
);
