import type { Distribution } from '../random';

/** Arrivals: a constant hourly rate, or the expected number of calls in each interval. */
export type Arrivals = (
  | { perHour: number }
  | { intervalSeconds: number; perInterval: readonly number[] }
) & {
  /** Multiplies the whole run's rate by a Gamma(mean 1, cv) factor drawn once per run. */
  rateUncertainty?: { cv: number };
};

/** Agents on duty: a constant, or a count per interval (the last count holds after the last interval). */
export type Agents = number | { intervalSeconds: number; perInterval: readonly number[] };

/** When a caller who finds every agent busy is offered a callback. */
export type CallbackOffer =
  | 'always'
  | { whenEstimatedWaitAtLeastSeconds: number }
  | { whenQueueAtLeast: number };

/** How likely an offered caller is to accept (also the form of a balking rule). */
export type CallbackOptIn =
  | { probability: number }
  | { logistic: { intercept: number; perMinute: number } };

/** The callback feature under evaluation (see DESIGN.md, "Callback"). */
export interface CallbackPolicy {
  offer: CallbackOffer;
  optIn: CallbackOptIn;
  /** default 'keep-place' */
  position?: 'keep-place' | 'after-hold';
  /** default 0 */
  dialSeconds?: number;
  /** default 1 */
  answerProbability?: number;
  /** default 1 */
  maxAttempts?: number;
  /** default 0 */
  retryDelaySeconds?: number;
  /** default: the scenario's handleTime */
  handleTime?: Distribution;
}

/** A caller who must wait hangs up at once: with a probability, or logistic in the announced minutes. */
export type Balking = CallbackOptIn;

/** Callers sent away (abandoned, balked, busy, disconnected) call the same line again. */
export interface Redial {
  probability: number;
  /** From the end of one call to the next. */
  delay: Distribution;
  /** Calls in all, the first included; default 10. */
  maxAttempts?: number;
  /** The outcomes after which a person calls again; default the first four (`timedOut` only when listed). */
  after?: readonly RedialAfter[];
  /** What a redial keeps of the person's first call instead of drawing anew; default nothing. */
  keep?: ReadonlyArray<'patience' | 'handleTime'>;
}

/**
 * A handle time or patience by time of day: a caller arriving in `[k, k + 1) * intervalSeconds`
 * (of the run's clock) draws from `distributions[k]`; past the last entry, the last holds.
 */
export interface ByInterval {
  byInterval: { intervalSeconds: number; distributions: readonly Distribution[] };
}

/** One distribution for the whole day, or one per interval of the caller's arrival. */
export type TimedDistribution = Distribution | ByInterval;

/** An outcome of a call sent away, after which the person may redial. */
export type RedialAfter = 'abandoned' | 'busy' | 'disconnected' | 'balked' | 'timedOut';

/** What ends a wait that reached `maxWaitSeconds`: a message (or voicemail), or a callback registered then. */
export type OnTimeout = 'message' | 'callback';

/** What a line adds to the single-line form, and the single-line form may carry too. */
interface LineBehaviour {
  /** Wrap-up: the agent stays busy this long after the caller hangs up. Absent: none. */
  afterCallWork?: Distribution;
  balking?: Balking;
  redial?: Redial;
  /** A caller who finds this many on hold on the line is disconnected ("call again later"). */
  maxOnHold?: number;
  /**
   * Callers still on hold when the line closes (at `durationSeconds`): `'serve'` (default) keeps
   * them until an agent answers or they hang up; `'disconnect'` plays them the closing
   * announcement and ends their call (outcome `closed`).
   */
  atClose?: AtClose;
  /**
   * The longest a call waits on hold: a caller still on hold this long after their call arrived
   * leaves the queue (unless their patience ran out first), and `onTimeout` says how. Absent: no limit.
   */
  maxWaitSeconds?: number;
  /**
   * `'message'` (default): a message or voicemail ends the call (outcome `timedOut`);
   * `'callback'`: a callback request is registered then, as if offered and accepted, and the
   * line's `callback` policy dials it.
   */
  onTimeout?: OnTimeout;
}

/**
 * Which idle agent takes an arriving call when several of the groups that take its line at once
 * have one: the first in the line's routing (`'route-order'`), the agent idle the longest
 * (`'longest-idle'`), or one of the idle agents at random (`'random'`, so a group with more idle
 * agents is picked more often).
 */
export type AgentSelection = 'route-order' | 'longest-idle' | 'random';

/** What happens to callers on hold when the line closes. */
export type AtClose = 'serve' | 'disconnect';

/** The fields both forms share. */
interface ScenarioCommon {
  name?: string;
  /** default 1 */
  seed?: number;
  /** Arrivals stop here; default: the schedules' length. */
  durationSeconds?: number;
  /** The time of day time 0 stands for (`HH:MM`): every output then speaks clock time. */
  opensAt?: string;
  /** The date of the day simulated (`YYYY-MM-DD`): outputs write local date-times. */
  date?: string;
  /** The IANA time zone of `opensAt` and `date`. */
  timeZone?: string;
  /** Callers arriving earlier are simulated, not counted; default 0. */
  warmupSeconds?: number;
  /** default 20 */
  serviceLevelSeconds?: number;
  /** Calls the center can hold at once (on hold and in a call); absent: no limit. */
  trunks?: number;
  /**
   * Callers on hold over all lines at most; a caller who would join a queue when this many
   * hold is disconnected ("call again later"), as by a line's maxOnHold. Absent: no limit.
   */
  queueCapacity?: number;
  /** default 'route-order' */
  agentSelection?: AgentSelection;
  /** Many days: each an ordinary one-day run of this scenario with the day's changes (docs/design-decisions.md, "The calendar"). */
  calendar?: Calendar;
}

/**
 * What a day (or a day type) changes of the scenario, in the scenario's own field names:
 * `arrivals`, `agents` and `callback` in the single-line form, `lines` and `groups` by name in
 * the multi-line one; `volume` multiplies every line's arrivals (after the day's own).
 */
export interface DayOverrides {
  volume?: number;
  opensAt?: string;
  durationSeconds?: number;
  arrivals?: Arrivals;
  agents?: Agents;
  callback?: CallbackPolicy;
  lines?: Readonly<Record<string, { arrivals?: Arrivals; callback?: CallbackPolicy }>>;
  groups?: Readonly<Record<string, { agents: Agents }>>;
}

/** One day of a calendar: its date, its type's changes, then its own. */
export interface CalendarDay extends DayOverrides {
  date: string;
  dayType?: string;
}

/** A season as days in date order; a day's fields override its day type's, which override the scenario's. */
export interface Calendar {
  dayTypes?: Readonly<Record<string, DayOverrides>>;
  days: readonly CalendarDay[];
}

/** A day of a resolved calendar: the one-day scenario it runs. */
export interface ResolvedDay {
  date: string;
  dayType: string | undefined;
  /** Seconds from the season's start (the first day's opening) to this day's opening. */
  offsetSeconds: number;
  scenario: ResolvedScenario;
}

/** One line served by one pool of agents: the form most scenarios take. */
export interface SingleLineScenario extends ScenarioCommon, LineBehaviour {
  arrivals: Arrivals;
  agents: Agents;
  handleTime: TimedDistribution;
  /** Absent: nobody abandons. */
  patience?: TimedDistribution;
  /** Absent: no callback offered. */
  callback?: CallbackPolicy;
}

/** A group that can serve a line: at once, or once the caller has waited `afterSeconds`. */
export interface Route {
  group: string;
  /** Delayed overflow: the group takes this line's callers only once they have waited this long. */
  afterSeconds?: number;
  /** Calls this group takes of this line last this long (the caller's handle uniform, this distribution). */
  handleTime?: TimedDistribution;
  /** Wrap-up after this group's calls of this line, in place of the line's. */
  afterCallWork?: Distribution;
  /**
   * After a call this group answers on this line, with `probability` the caller is put through
   * to `toLine` (another line's name) as a new call there (docs/design-decisions.md, "Transfers").
   */
  transfer?: Transfer;
}

/** A call that a route's group answers goes on to another line with a probability. */
export interface Transfer {
  probability: number;
  toLine: string;
}

/** A call type with its own number or IVR branch. */
export interface Line extends LineBehaviour {
  /** Unique; used in reports and events. */
  name: string;
  arrivals: Arrivals;
  handleTime: TimedDistribution;
  patience?: TimedDistribution;
  /**
   * default 0; an agent takes the highest strict level first, then the longest wait counting the
   * credit: `{ creditSeconds }` is level 0 with the caller treated as having waited that much
   * longer on arrival.
   */
  priority?: number | { creditSeconds: number };
  /** default: the scenario's */
  serviceLevelSeconds?: number;
  /** The groups that serve this line, in order of preference. */
  routing: readonly Route[];
  callback?: CallbackPolicy;
}

/** Agents who share skills and a roster. */
export interface AgentGroup {
  name: string;
  agents: Agents;
  /**
   * Lines this group's agents take first, in this order (each must route to the group); then
   * the other lines by priority and longest wait, as for a group without one.
   */
  lineOrder?: readonly string[];
}

/** A center with several lines over agent groups (DESIGN.md, "Many lines, agent groups, redials"). */
export interface MultiLineScenario extends ScenarioCommon {
  /** One day factor shared by every line, on top of each line's own. */
  rateUncertainty?: { cv: number };
  lines: readonly Line[];
  groups: readonly AgentGroup[];
}

/** One contact center, as a plain JSON-able object: the same in code, in a file and in a message. */
export type Scenario = SingleLineScenario | MultiLineScenario;

/** A callback policy with its defaults filled in. */
export interface ResolvedCallbackPolicy {
  offer: CallbackOffer;
  optIn: CallbackOptIn;
  position: 'keep-place' | 'after-hold';
  dialSeconds: number;
  answerProbability: number;
  maxAttempts: number;
  retryDelaySeconds: number;
  /** Undefined: the callback is the same call the caller would have had on hold. */
  handleTime: Distribution | undefined;
}

/** A piecewise-constant schedule: `perInterval[k]` holds on `[k, k + 1) * intervalSeconds`. */
export interface Schedule {
  intervalSeconds: number;
  perInterval: readonly number[];
}

/** A route with the group found by index. */
export interface ResolvedRoute {
  group: number;
  /** 0: at once. */
  afterSeconds: number;
  handleTime: TimedDistribution | undefined;
  /** The route's own wrap-up; undefined: the line's. */
  afterCallWork: Distribution | undefined;
  /** After this group's calls, with `probability` the caller goes on to the line of index `toLine`; undefined: never. */
  transfer: { probability: number; toLine: number } | undefined;
}

/** A line with every default filled in. */
export interface ResolvedLine {
  name: string;
  /** Expected calls per interval; a constant rate is one interval as long as the run. */
  arrivals: Schedule;
  /** Coefficient of variation of this line's own rate factor; 0: none. */
  rateUncertaintyCv: number;
  handleTime: TimedDistribution;
  patience: TimedDistribution | undefined;
  /** Wrap-up after a call; undefined: none (a route may still have its own). */
  afterCallWork: Distribution | undefined;
  /** The strict level. */
  priority: number;
  /** Seconds of waiting credited on arrival; 0: none. */
  creditSeconds: number;
  serviceLevelSeconds: number;
  routing: readonly ResolvedRoute[];
  balking: Balking | undefined;
  redial:
    | { probability: number; delay: Distribution; maxAttempts: number; after: readonly RedialAfter[]; keep: ReadonlyArray<'patience' | 'handleTime'> }
    | undefined;
  /** Infinity: no courtesy disconnect. */
  maxOnHold: number;
  atClose: AtClose;
  /** Infinity: no limit. */
  maxWaitSeconds: number;
  onTimeout: OnTimeout;
  callback: ResolvedCallbackPolicy | undefined;
}

/** A group with its roster as a schedule. */
export interface ResolvedGroup {
  name: string;
  /** Agents per interval; a constant is one interval, and the last count holds after it. */
  agents: Schedule;
  /** The group's own order of lines, by line index (empty: none). */
  lineOrder: readonly number[];
}

/**
 * A validated scenario with every default filled in, in one form whichever form it was written
 * in: a single-line scenario is the line `main` served by the group `agents`.
 */
export interface ResolvedScenario {
  /**
   * The scenario as written, validated and frozen: what reports print of it and files keep
   * (`resolveScenario` takes it back at no cost).
   */
  written: Scenario;
  name: string;
  seed: number;
  /** True when written in the multi-line form (reports and random streams name its lines). */
  multiLine: boolean;
  durationSeconds: number;
  warmupSeconds: number;
  serviceLevelSeconds: number;
  /** The day factor shared by every line; 0: none. */
  rateUncertaintyCv: number;
  /** Infinity: no limit. */
  trunks: number;
  /** Callers on hold over all lines at most; Infinity: no limit. */
  queueCapacity: number;
  agentSelection: AgentSelection;
  lines: readonly ResolvedLine[];
  groups: readonly ResolvedGroup[];
  /** The length of one row of `Report.intervals`. */
  reportIntervalSeconds: number;
  /** A calendar's days, in date order; absent: one day, this scenario. */
  calendar?: readonly ResolvedDay[];
}
