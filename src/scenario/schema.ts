import { z } from 'zod';

// The one definition of a valid scenario: validation, the `Scenario` checks across fields and
// the JSON Schema for editors (`z.toJSONSchema(scenarioSchema)`) all come from here.

const seconds = z.number().min(0);
const positiveSeconds = z.number().positive();
const probability = z.number().min(0).max(1);

export const distributionSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('exponential'), meanSeconds: positiveSeconds }),
    z.strictObject({ type: z.literal('lognormal'), meanSeconds: positiveSeconds, cv: z.number().positive() }),
    z.strictObject({ type: z.literal('gamma'), meanSeconds: positiveSeconds, cv: z.number().positive() }),
    z.strictObject({ type: z.literal('fixed'), seconds }),
    z.strictObject({ type: z.literal('uniform'), minSeconds: seconds, maxSeconds: seconds }),
    z.strictObject({ type: z.literal('empirical'), seconds: z.array(seconds).min(1) }),
  ])
  .describe('A distribution of durations in seconds');

const rateUncertainty = z
  .strictObject({ cv: z.number().min(0) })
  .describe('Multiplies the run\'s arrival rate by a Gamma(mean 1, cv) factor drawn once per run');

const arrivalsSchema = z
  .union([
    z.strictObject({ perHour: z.number().min(0), rateUncertainty: rateUncertainty.optional() }),
    z.strictObject({
      intervalSeconds: positiveSeconds,
      perInterval: z.array(z.number().min(0)).min(1).describe('Expected calls in each interval'),
      rateUncertainty: rateUncertainty.optional(),
    }),
  ])
  .describe('Poisson arrivals: a constant rate per hour, or expected calls per interval');

const agentsSchema = z
  .union([
    z.int().min(1),
    z.strictObject({
      intervalSeconds: positiveSeconds,
      perInterval: z.array(z.int().min(0)).min(1).describe('Agents on duty in each interval; the last count holds after it'),
    }),
  ])
  .describe('Agents on duty: a constant, or a count per interval');

export const callbackPolicySchema = z
  .strictObject({
    offer: z.union([
      z.literal('always'),
      z.strictObject({ whenEstimatedWaitAtLeastSeconds: seconds }),
      z.strictObject({ whenQueueAtLeast: z.int().min(0) }),
    ]),
    optIn: z.union([
      z.strictObject({ probability }),
      z.strictObject({ logistic: z.strictObject({ intercept: z.number(), perMinute: z.number() }) }),
    ]),
    position: z.enum(['keep-place', 'after-hold']).optional(),
    dialSeconds: seconds.optional(),
    answerProbability: probability.optional(),
    maxAttempts: z.int().min(1).optional(),
    retryDelaySeconds: seconds.optional(),
    handleTime: distributionSchema.optional(),
  })
  .describe('A callback offered to callers who would otherwise hold');

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema this file follows (for editors)'),
    name: z.string().optional(),
    seed: z.int().optional().describe('default 1'),
    durationSeconds: positiveSeconds.optional().describe('Arrivals stop here; default: the schedules\' length'),
    warmupSeconds: seconds.optional().describe('Callers arriving earlier are simulated, not counted; default 0'),
    serviceLevelSeconds: seconds.optional().describe('default 20'),
    arrivals: arrivalsSchema,
    agents: agentsSchema,
    handleTime: distributionSchema,
    patience: distributionSchema.optional().describe('Absent: nobody abandons'),
    callback: callbackPolicySchema.optional().describe('Absent: no callback offered'),
  })
  .describe('A queuecast scenario: one contact center');
