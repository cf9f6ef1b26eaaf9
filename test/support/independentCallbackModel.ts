// An independent model of a contact center with keep-place callbacks, written from DESIGN.md
// ("The model", "Callback", "Horizon", "The report") and nothing else. It imports nothing: not the
// library, not its types, not a random-number package. It exists so that a test can check the
// library's simulator against a second, separately written program: if both read the design the
// same way, their averages over replications agree; a bug in either shows up as a difference.
//
// It is a plain event loop, written for clarity rather than speed:
//   - a small seeded PRNG (sfc32, seeded through splitmix32) and its own samplers;
//   - an event list as a binary heap ordered by (time, insertion order);
//   - one FIFO line holding both callers on hold and callback requests (keep-place);
//   - agents counted, not named: `present` on duty, `busy` of them busy, `scheduled` wanted.
//
// Only what the comparison needs is modelled: Poisson arrivals piecewise constant per interval,
// staffing per interval, exponential or lognormal handle times, exponential patience, and a
// callback offered when the estimated wait reaches a threshold, with a fixed opt-in probability.

export type IndependentHandleTime =
  | { type: 'exponential'; meanSeconds: number }
  | { type: 'lognormal'; meanSeconds: number; cv: number };

export interface IndependentDay {
  seed: number;
  durationSeconds: number; // arrivals stop here; the run then drains
  warmupSeconds: number; // callers arriving earlier are simulated, not counted
  serviceLevelSeconds: number;
  intervalSeconds: number; // for both schedules
  callsPerInterval: number[]; // expected calls in each interval
  agentsPerInterval: number[]; // past the last interval, the last count holds
  handleTime: IndependentHandleTime;
  meanPatienceSeconds: number; // exponential
  callback: {
    whenEstimatedWaitAtLeastSeconds: number;
    optInProbability: number;
    dialSeconds: number;
    answerProbability: number;
    maxAttempts: number;
    retryDelaySeconds: number;
  };
}

export interface IndependentResult {
  callers: { offered: number; answered: number; abandoned: number };
  hold: { callers: number; meanSeconds: number; totalHoldHours: number };
  serviceLevel: { fraction: number };
  abandonment: { fraction: number };
  agents: { occupancy: number };
  callback: {
    offered: number;
    accepted: number;
    connected: number;
    failed: number;
    attempts: number;
    meanDelaySeconds: number;
  };
}

// ---------------------------------------------------------------------------------------------
// Random numbers

/** A uniform generator on (0, 1): sfc32 (Chris Doty-Humphrey's small fast counting generator). */
export function makeUniform(seed: number): () => number {
  // splitmix32 spreads the seed over the four words of state.
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next(); // discard the first outputs
  return () => (next() + 0.5) / 4294967296; // never exactly 0 or 1
}

function exponential(uniform: () => number, meanSeconds: number): number {
  return -meanSeconds * Math.log(uniform());
}

function standardNormal(uniform: () => number): number {
  // Box–Muller; one of the pair is enough here.
  return Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

function handleSampler(uniform: () => number, spec: IndependentHandleTime): () => number {
  if (spec.type === 'exponential') return () => exponential(uniform, spec.meanSeconds);
  // lognormal with the given mean and coefficient of variation
  const sigma2 = Math.log(1 + spec.cv * spec.cv);
  const sigma = Math.sqrt(sigma2);
  const mu = Math.log(spec.meanSeconds) - sigma2 / 2;
  return () => Math.exp(mu + sigma * standardNormal(uniform));
}

// ---------------------------------------------------------------------------------------------
// The event list: a binary heap of events ordered by time, then by the order they were scheduled.

type EventKind =
  | 'arrival'
  | 'staffing' // the start of an agents interval
  | 'call-end' // an agent finishes a call (a held caller's or a connected callback's)
  | 'dial-end' // an agent finishes dialing a callback request
  | 'patience-end' // a caller on hold runs out of patience (ignored if already answered)
  | 'retry'; // a request whose dial was not answered rejoins the tail of the line

interface SimEvent {
  time: number;
  order: number;
  kind: EventKind;
  id: number; // caller id, request id or interval index
}

class EventHeap {
  private items: SimEvent[] = [];
  private scheduled = 0;

  get size(): number {
    return this.items.length;
  }

  push(time: number, kind: EventKind, id: number): void {
    const items = this.items;
    items.push({ time, order: this.scheduled++, kind, id });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): SimEvent {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && before(items[left]!, items[smallest]!)) smallest = left;
        if (right < items.length && before(items[right]!, items[smallest]!)) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}

function before(x: SimEvent, y: SimEvent): boolean {
  return x.time < y.time || (x.time === y.time && x.order < y.order);
}

// ---------------------------------------------------------------------------------------------
// The model

interface Caller {
  arrival: number;
  handleSeconds: number;
  counted: boolean;
  onHold: boolean; // in the line, waiting for an agent
}

interface CallbackRequest {
  callerId: number;
  requestedAt: number;
  attempts: number; // dials so far
}

/** One line entry: a caller on hold or a callback request keeping the caller's place. */
interface LineEntry {
  kind: 'caller' | 'request';
  id: number;
}

export function runIndependentDay(day: IndependentDay): IndependentResult {
  const uniform = makeUniform(day.seed);
  const drawHandle = handleSampler(uniform, day.handleTime);
  const policy = day.callback;
  const meanHandleSeconds = day.handleTime.meanSeconds;
  const intervals = day.callsPerInterval.length;

  const events = new EventHeap();
  const callers: Caller[] = [];
  const requests: CallbackRequest[] = [];

  // The line: an array with a moving head. Callers who abandon stay in the array, marked as no
  // longer on hold, and are skipped when they reach the head. `entriesInQueue` counts only the
  // live entries: callers on hold plus requests waiting.
  const line: LineEntry[] = [];
  let head = 0;
  let entriesInQueue = 0;

  // Agents.
  let scheduled = 0;
  let present = 0;
  let busy = 0;

  // Tallies, for counted callers only.
  const t = {
    offered: 0,
    answered: 0,
    abandoned: 0,
    held: 0,
    holdSeconds: 0,
    withinServiceLevel: 0,
    callbackOffered: 0,
    accepted: 0,
    connected: 0,
    failed: 0,
    attempts: 0,
    delaySeconds: 0,
  };
  // Time integrals over [warmupSeconds, durationSeconds).
  let busySeconds = 0;
  let onDutySeconds = 0;
  let clock = 0;

  const advanceClock = (to: number): void => {
    const from = Math.max(clock, day.warmupSeconds);
    const until = Math.min(to, day.durationSeconds);
    if (until > from) {
      busySeconds += busy * (until - from);
      onDutySeconds += present * (until - from);
    }
    clock = to;
  };

  // The next Poisson arrival after `from`, with a rate constant within each interval (past the
  // last interval the last rate holds). Because the exponential gap is memoryless, a gap that
  // crosses an interval boundary is simply drawn again from the boundary at the new rate.
  const scheduleNextArrival = (from: number): void => {
    let time = from;
    for (;;) {
      if (time >= day.durationSeconds) return; // arrivals stop
      const interval = Math.min(Math.floor(time / day.intervalSeconds), intervals - 1);
      const intervalEnd = interval < intervals - 1 ? (interval + 1) * day.intervalSeconds : Infinity;
      const perSecond = day.callsPerInterval[interval]! / day.intervalSeconds;
      if (perSecond > 0) {
        const next = time + exponential(uniform, 1 / perSecond);
        if (next < intervalEnd) {
          if (next < day.durationSeconds) events.push(next, 'arrival', callers.length);
          return;
        }
      }
      time = intervalEnd;
    }
  };

  const startCall = (now: number, callerId: number): void => {
    busy++;
    events.push(now + callers[callerId]!.handleSeconds, 'call-end', callerId);
  };

  const startDial = (now: number, requestId: number): void => {
    busy++;
    const request = requests[requestId]!;
    request.attempts++;
    if (callers[request.callerId]!.counted) t.attempts++;
    events.push(now + policy.dialSeconds, 'dial-end', requestId);
  };

  // Idle agents take the line from its head, one entry each.
  const serveLine = (now: number): void => {
    while (present > busy && head < line.length) {
      const entry = line[head++]!;
      if (entry.kind === 'caller') {
        const caller = callers[entry.id]!;
        if (!caller.onHold) continue; // abandoned earlier; already out of the count
        caller.onHold = false;
        entriesInQueue--;
        if (caller.counted) {
          const wait = now - caller.arrival;
          t.answered++;
          t.held++;
          t.holdSeconds += wait;
          if (wait <= day.serviceLevelSeconds) t.withinServiceLevel++;
        }
        startCall(now, entry.id);
      } else {
        entriesInQueue--;
        startDial(now, entry.id);
      }
    }
    if (head > 4096 && head * 2 > line.length) {
      line.splice(0, head); // keep the array from growing without bound
      head = 0;
    }
  };

  // An agent is done (call ended, or a dial was not answered): leave if staffing has fallen
  // below the agents on duty, else take the next entry in line.
  const agentFinished = (now: number): void => {
    busy--;
    if (present > scheduled) present--;
    else serveLine(now);
  };

  const joinLine = (entry: LineEntry): void => {
    line.push(entry);
    entriesInQueue++;
  };

  const onArrival = (now: number, callerId: number): void => {
    const counted = now >= day.warmupSeconds && now < day.durationSeconds;
    const caller: Caller = { arrival: now, handleSeconds: drawHandle(), counted, onHold: false };
    callers.push(caller);
    const patience = exponential(uniform, day.meanPatienceSeconds);
    if (counted) t.offered++;
    scheduleNextArrival(now);

    if (present > busy) {
      // An idle agent answers at once: no offer, hold 0. (An idle agent means the line is empty.)
      if (counted) {
        t.answered++;
        t.held++;
        t.withinServiceLevel++;
      }
      startCall(now, callerId);
      return;
    }

    // Every agent is busy: the estimate the center would announce, from the queue length.
    const estimatedWait = scheduled > 0 ? ((entriesInQueue + 1) * meanHandleSeconds) / scheduled : Infinity;
    if (estimatedWait >= policy.whenEstimatedWaitAtLeastSeconds) {
      if (counted) t.callbackOffered++;
      if (uniform() < policy.optInProbability) {
        // Opted in: the caller hangs up; the request takes their place at the tail of the line.
        if (counted) t.accepted++;
        requests.push({ callerId, requestedAt: now, attempts: 0 });
        joinLine({ kind: 'request', id: requests.length - 1 });
        return;
      }
    }
    caller.onHold = true;
    joinLine({ kind: 'caller', id: callerId });
    events.push(now + patience, 'patience-end', callerId);
  };

  const onPatienceEnd = (now: number, callerId: number): void => {
    const caller = callers[callerId]!;
    if (!caller.onHold) return; // answered before patience ran out
    caller.onHold = false; // its line entry is skipped when it reaches the head
    entriesInQueue--;
    if (caller.counted) {
      t.abandoned++;
      t.held++;
      t.holdSeconds += now - caller.arrival;
    }
  };

  const onDialEnd = (now: number, requestId: number): void => {
    const request = requests[requestId]!;
    const counted = callers[request.callerId]!.counted;
    if (uniform() < policy.answerProbability) {
      // Answered: the same agent goes straight into the call.
      if (counted) {
        t.connected++;
        t.delaySeconds += now - request.requestedAt;
      }
      events.push(now + callers[request.callerId]!.handleSeconds, 'call-end', request.callerId);
      return;
    }
    // Not answered: the agent is free; the request tries again later, or has failed.
    if (request.attempts < policy.maxAttempts) events.push(now + policy.retryDelaySeconds, 'retry', requestId);
    else if (counted) t.failed++;
    agentFinished(now);
  };

  const onStaffing = (now: number, interval: number): void => {
    scheduled = day.agentsPerInterval[interval]!;
    if (scheduled > present) {
      present = scheduled; // new agents arrive and take the head of the line at once
      serveLine(now);
    } else if (scheduled < present) {
      present -= Math.min(present - busy, present - scheduled); // idle agents leave at once
    }
  };

  for (let i = 0; i < day.agentsPerInterval.length; i++) events.push(i * day.intervalSeconds, 'staffing', i);
  scheduleNextArrival(0);

  while (events.size > 0) {
    const event = events.pop();
    advanceClock(event.time);
    switch (event.kind) {
      case 'arrival':
        onArrival(event.time, event.id);
        break;
      case 'staffing':
        onStaffing(event.time, event.id);
        break;
      case 'call-end':
        agentFinished(event.time);
        break;
      case 'dial-end':
        onDialEnd(event.time, event.id);
        break;
      case 'patience-end':
        onPatienceEnd(event.time, event.id);
        break;
      case 'retry':
        joinLine({ kind: 'request', id: event.id });
        serveLine(event.time);
        break;
    }
  }

  const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
  return {
    callers: { offered: t.offered, answered: t.answered, abandoned: t.abandoned },
    hold: { callers: t.held, meanSeconds: ratio(t.holdSeconds, t.held), totalHoldHours: t.holdSeconds / 3600 },
    serviceLevel: { fraction: ratio(t.withinServiceLevel, t.held) },
    abandonment: { fraction: ratio(t.abandoned, t.held) },
    agents: { occupancy: ratio(busySeconds, onDutySeconds) },
    callback: {
      offered: t.callbackOffered,
      accepted: t.accepted,
      connected: t.connected,
      failed: t.failed,
      attempts: t.attempts,
      meanDelaySeconds: ratio(t.delaySeconds, t.connected),
    },
  };
}
