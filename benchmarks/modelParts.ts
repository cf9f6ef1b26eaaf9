// Parts of run() on their own (these classes are not in the package's public API): the model
// with an observer that does nothing and the model with the metrics but no report, for
// instructions.bench.ts (which bundles this file from the sources); a run's events recorded
// and told again to fresh metrics, for metrics.bench.ts.
import { CenterMetrics } from '../src/metrics';
import { ContactCenter, QuietObserver, metricsWindow, type CenterObserver } from '../src/model';
import { resolveScenario, type ResolvedScenario, type Scenario } from '../src/scenario';

/** Runs a center to its end with `observer` listening; returns the time it ended. */
function runCenterWith(scenario: ResolvedScenario, observer: CenterObserver): number {
  const center = new ContactCenter(scenario, observer);
  center.start();
  center.simulation.run();
  return center.simulation.now;
}

/** The reference model's events and nothing else: the floor under every face of the library. */
export function runModelOnly(scenario: Scenario): number {
  return runCenterWith(resolveScenario(scenario), new QuietObserver());
}

/** run()'s work before the report: the model and the metrics' accumulators. */
export function runModelWithMetrics(scenario: Scenario): number {
  const resolved = resolveScenario(scenario);
  return runCenterWith(resolved, new CenterMetrics(metricsWindow(resolved)));
}

/** What the center told its observer in a run, as parallel arrays (the events the metrics hear). */
export interface RecordedEvents {
  scenario: ResolvedScenario;
  end: number;
  kind: Uint8Array;
  time: Float64Array;
  /** arrivalTime, agentBusySince or scheduled agents, by kind. */
  other: Float64Array;
  /** attempt, or agents on duty. */
  count: Int32Array;
  line: Int32Array;
  group: Int32Array;
  counted: Uint8Array;
}

const ARRIVAL = 0;
const ANSWERED = 1;
const ABANDONED = 2;
const CALL_ENDED = 3;
const AGENTS_CHANGED = 4;

class EventRecorder extends QuietObserver {
  readonly kind: number[] = [];
  readonly time: number[] = [];
  readonly other: number[] = [];
  readonly count: number[] = [];
  readonly line: number[] = [];
  readonly group: number[] = [];
  readonly counted: number[] = [];

  private add(kind: number, time: number, other: number, count: number, line: number, group: number, counted: boolean): void {
    this.kind.push(kind);
    this.time.push(time);
    this.other.push(other);
    this.count.push(count);
    this.line.push(line);
    this.group.push(group);
    this.counted.push(counted ? 1 : 0);
  }
  override arrival(time: number, _callerId: number, line: number, attempt: number, counted: boolean): void {
    this.add(ARRIVAL, time, 0, attempt, line, 0, counted);
  }
  override answered(time: number, _callerId: number, arrivalTime: number, line: number, group: number, counted: boolean): void {
    this.add(ANSWERED, time, arrivalTime, 0, line, group, counted);
  }
  override abandoned(time: number, _callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.add(ABANDONED, time, arrivalTime, 0, line, 0, counted);
  }
  override callEnded(time: number, _callerId: number, line: number, group: number, agentBusySince: number): void {
    this.add(CALL_ENDED, time, agentBusySince, 0, line, group, false);
  }
  override agentsChanged(time: number, scheduled: number, onDuty: number, group: number): void {
    this.add(AGENTS_CHANGED, time, scheduled, onDuty, 0, group, false);
  }
}

/**
 * Runs a scenario once and keeps what the metrics would hear. Only the events of a scenario
 * without callbacks, balking, trunks or hold limits are kept: the reference model's.
 */
export function recordCenterEvents(scenario: Scenario): RecordedEvents {
  const resolved = resolveScenario(scenario);
  const recorder = new EventRecorder();
  const end = runCenterWith(resolved, recorder);
  return {
    scenario: resolved,
    end,
    kind: Uint8Array.from(recorder.kind),
    time: Float64Array.from(recorder.time),
    other: Float64Array.from(recorder.other),
    count: Int32Array.from(recorder.count),
    line: Int32Array.from(recorder.line),
    group: Int32Array.from(recorder.group),
    counted: Uint8Array.from(recorder.counted),
  };
}

/** The metrics on their own: the recorded events told to fresh metrics, then the report. */
export function replayIntoMetrics(events: RecordedEvents): number {
  const metrics = new CenterMetrics(metricsWindow(events.scenario));
  const { kind, time, other, count, line, group, counted } = events;
  for (let i = 0; i < kind.length; i++) {
    const isCounted = counted[i] === 1;
    switch (kind[i]) {
      case ARRIVAL:
        metrics.arrival(time[i]!, 0, line[i]!, count[i]!, isCounted);
        break;
      case ANSWERED:
        metrics.answered(time[i]!, 0, other[i]!, line[i]!, group[i]!, isCounted);
        break;
      case ABANDONED:
        metrics.abandoned(time[i]!, 0, other[i]!, line[i]!, isCounted);
        break;
      case CALL_ENDED:
        metrics.callEnded(time[i]!, 0, line[i]!, group[i]!, other[i]!);
        break;
      case AGENTS_CHANGED:
        metrics.agentsChanged(time[i]!, other[i]!, count[i]!, group[i]!);
        break;
    }
  }
  return metrics.report(events.end).hold.meanSeconds;
}
