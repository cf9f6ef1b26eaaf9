import { describe, expect, it } from 'vitest';
import { resolveScenario, snapshotProblems, type MultiLineSnapshot, type Scenario } from '../../src';
import { SnapshotTracker } from '../../src/realtime';
import { ContactCenter, QuietObserver, StartingPoint, TeeObserver } from '../../src/model';
import { compileDistribution, RandomStreams, type Distribution } from '../../src/random';
import { centerState } from '../../src/realtime/centerState';
import { runFutures } from '../../src/realtime/futures';
import { loadScenarioFile } from '../../src/node';

const agency = await loadScenarioFile(new URL('../../examples/scenarios/agency-lines.yaml', import.meta.url).pathname);

// Catches the first caller of `line` who must wait at or after the time the run was let go on
// to: the snapshot they find (asked before the tracker hears of them), and how long they then
// held, answered or hung up (undefined while they hold; a busy signal lets the next one count).
class NextCaller extends QuietObserver {
  snapshot: MultiLineSnapshot | undefined;
  heldSeconds: number | undefined;
  private caller = -1;
  armed = false;

  constructor(private readonly tracker: SnapshotTracker, private readonly line: number, private readonly center: () => ContactCenter) {
    super();
  }
  override arrival(time: number, callerId: number, line: number): void {
    if (!this.armed || this.caller >= 0 || line !== this.line || !this.tracker.mustWait(line)) return;
    this.caller = callerId;
    this.snapshot = this.tracker.snapshot(time);
  }
  override answered(time: number, callerId: number, arrivalTime: number): void {
    this.end(callerId, time - arrivalTime);
  }
  override abandoned(time: number, callerId: number, arrivalTime: number): void {
    this.end(callerId, time - arrivalTime);
  }
  override busySignal(_time: number, callerId: number): void {
    if (callerId === this.caller) this.caller = -1;
  }
  private end(callerId: number, held: number): void {
    if (callerId !== this.caller) return;
    this.heldSeconds = held;
    this.center().simulation.stop();
  }
}

describe('a forecast is the model run on from a state', () => {
  // 500 days of the agency center (seeds 1-500), each run to 10:00 (3 h in, a congested
  // morning: general busy, the individuals' queue near its cap, people redialing), then on
  // until the next businesses caller who must wait has held: answered or hung up. From the
  // snapshot that caller found, the forecast runs 10 futures of the model; its mean of
  // min(wait, patience), with the caller's patience drawn from the line's, is what the model's
  // own continuation should give on average. The businesses line has no balking, courtesy
  // disconnect or callback, so the caller who arrives holds, as the forecast's caller does.
  //
  // The paired differences (continuation - forecast) are independent across days; their mean
  // must be within 4 standard errors of 0 (measured: -4 s against a standard error of 4.6 s,
  // the differences' sd 103 s). Keeping the agents above the roster on duty until its next
  // change (instead of letting them go as their calls end) moved the mean by 63 s, 14 standard
  // errors, and failed; so would leaving out the other lines' callers or the people who redial.
  it('gives the mean wait of the model\'s own continuation of a running day, within 4 standard errors over 500 days', () => {
    const line = 1; // businesses
    const differences: number[] = [];
    for (let seed = 1; seed <= 500; seed++) {
      const resolved = resolveScenario({ ...agency, seed });
      const tracker = new SnapshotTracker(resolved);
      let center: ContactCenter | undefined;
      const next = new NextCaller(tracker, line, () => center!);
      center = new ContactCenter(resolved, new TeeObserver(next, tracker));
      center.start();
      center.simulation.runUntil(3 * 3600);
      next.armed = true;
      while (next.heldSeconds === undefined && !center.simulation.finished) center.simulation.run(4096);
      if (next.heldSeconds === undefined) continue;
      const point = new StartingPoint(resolved, centerState(resolved, next.snapshot!));
      const plan = { maxFutures: 10, precisionSeconds: 0, minFutures: 10, maxEvents: Infinity, maxMilliseconds: Infinity, seed: seed + 1_000 };
      const { waits } = runFutures(resolved, point, line, plan);
      const patience = compileDistribution(resolved.lines[line]!.patience as Distribution);
      const uniform = new RandomStreams(seed).stream('test-patience');
      let total = 0;
      for (const wait of waits) total += Math.min(wait, patience.sample(uniform));
      differences.push(next.heldSeconds - total / waits.length);
    }
    expect(differences.length).toBeGreaterThan(480);
    const mean = differences.reduce((a, b) => a + b, 0) / differences.length;
    const sd = Math.sqrt(differences.reduce((a, d) => a + (d - mean) ** 2, 0) / (differences.length - 1));
    const standardError = sd / Math.sqrt(differences.length);
    expect(Math.abs(mean)).toBeLessThan(4 * standardError);
  });
});

describe('SnapshotTracker', () => {
  // One line whose callers balk, are disconnected at 10 on hold, and call again: every way a
  // call ends must take it out of the snapshot. The model's own count of callers on hold is
  // the reference, at every minute of a busy hour and after the drain (nobody).
  const line: Scenario = {
    seed: 9,
    arrivals: { perHour: 400 },
    agents: 8,
    durationSeconds: 3600,
    handleTime: { type: 'exponential', meanSeconds: 120 },
    patience: { type: 'exponential', meanSeconds: 300 },
    balking: { probability: 0.2 },
    maxOnHold: 10,
    redial: { probability: 0.5, delay: { type: 'exponential', meanSeconds: 300 }, maxAttempts: 3 },
  };

  it('holds exactly the callers the model has on hold, with balking, courtesy disconnects and redials', () => {
    const resolved = resolveScenario(line);
    const tracker = new SnapshotTracker(line);
    const center = new ContactCenter(resolved, tracker);
    center.start();
    let compared = 0;
    for (let minute = 1; minute <= 60; minute++) {
      center.simulation.runUntil(minute * 60);
      const snapshot = tracker.snapshot(minute * 60);
      expect(snapshot.lines.main!.hold!.length).toBe(center.lines[0]!.holding);
      expect(snapshot.groups.agents!.busy!.length).toBe(center.groups[0]!.busy);
      if (center.lines[0]!.holding > 0) compared++;
    }
    expect(compared).toBeGreaterThan(30);
    center.simulation.run();
    const end = tracker.snapshot(center.simulation.now);
    expect(end.lines.main!.hold).toEqual([]);
    expect(end.groups.agents!.busy).toEqual([]);
  });
});

describe('snapshot validation', () => {
  it('rejects more calls in progress than agents on duty, with the path', () => {
    const single: Scenario = { arrivals: { perHour: 60 }, agents: 2, durationSeconds: 3600, handleTime: { type: 'exponential', meanSeconds: 300 } };
    const three = [{ elapsedSeconds: 1 }, { elapsedSeconds: 2 }, { elapsedSeconds: 3 }];
    expect(snapshotProblems({ agents: 2, busy: three, hold: [], callbacks: [] }, single)).toEqual([
      { path: 'busy', expected: 'at most 2 calls in progress (one per agent on duty)', received: '3 calls' },
    ]);
    const snapshot = {
      lines: {},
      groups: { general: { agents: 1, busy: three.map((call) => ({ ...call, line: 'individuals' })) }, bilingual: { agents: 0 }, overflow: { agents: 0 } },
    };
    expect(snapshotProblems(snapshot, agency)).toEqual([
      { path: 'groups.general.busy', expected: 'at most 1 calls in progress (one per agent on duty)', received: '3 calls' },
    ]);
    expect(snapshotProblems(snapshot)).toEqual(snapshotProblems(snapshot, agency));
  });
});
