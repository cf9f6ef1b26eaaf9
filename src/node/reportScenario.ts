// The scenarios as a director reads them: one line each, and the JSON itself.
import type { Distribution } from '../random';
import {
  isByInterval,
  resolveScenario,
  type CallbackPolicy,
  type ResolvedLine,
  type ResolvedScenario,
  type Scenario,
  type SingleLineScenario,
  type TimedDistribution,
} from '../scenario';
import type { ResolvedReportInput } from './reportInput';
import { escapeHtml, formatNumber, upToOneDecimal } from './reportFormat';

/** The name the planner gave the scenario, or `fallback`. */
export function nameOf(scenario: ResolvedScenario, fallback: string): string {
  return scenario.written.name?.trim() || fallback;
}

/**
 * One line a director can read: volume, staffing, handle time, patience and the callback offer
 * (for several lines: the lines, groups, trunks, redials and callbacks). It speaks as the
 * planner wrote: a rate an hour or a schedule, a constant or a roster, a duration given.
 */
export function describeScenario(scenario: Scenario | ResolvedScenario): string {
  const resolved = resolveScenario(scenario);
  return resolved.multiLine ? describeCenter(resolved) : describeLine(resolved, resolved.written as SingleLineScenario);
}

function describeCenter(resolved: ResolvedScenario): string {
  const { lines, groups } = resolved;
  const parts = [`${lines.length} lines (${lines.map((line) => line.name).join(', ')}) over ${groups.length} agent groups (${groups.map((group) => group.name).join(', ')})`];
  const which = (has: (line: ResolvedLine) => boolean) => {
    const names = lines.filter(has).map((line) => line.name);
    return names.length === lines.length ? 'every line' : names.join(', ');
  };
  if (resolved.written.durationSeconds !== undefined) parts.push(`open ${duration(resolved.durationSeconds)}`);
  if (resolved.trunks !== Infinity) parts.push(`${formatNumber(resolved.trunks, 0)} trunks`);
  if (lines.some((line) => line.redial)) parts.push(`redials on ${which((line) => line.redial !== undefined)}`);
  const offered = lines.filter((line) => line.callback);
  if (offered.length === 0) parts.push('no callback');
  else {
    // One policy for all the lines that offer one is the common case: describe it once.
    const same = offered.every((line) => JSON.stringify(line.callback) === JSON.stringify(offered[0]!.callback));
    parts.push(`callback on ${which((line) => line.callback !== undefined)}${same ? `: ${describeCallback(offered[0]!.callback!)}` : ''}`);
  }
  return parts.join(' · ');
}

/** A single-line scenario: its line as resolved, its volume, duration and staffing as written. */
function describeLine(resolved: ResolvedScenario, written: SingleLineScenario): string {
  const line = resolved.lines[0]!;
  const parts: string[] = [];
  const { arrivals, agents } = written;
  if ('perHour' in arrivals) {
    parts.push(`${formatNumber(arrivals.perHour, 0)} calls an hour`);
  } else {
    const total = arrivals.perInterval.reduce((sum, n) => sum + n, 0);
    parts.push(`${formatNumber(total, 0)} calls expected over ${arrivals.perInterval.length} intervals of ${duration(arrivals.intervalSeconds)}`);
  }
  if (arrivals.rateUncertainty) parts.push(`the day's volume uncertain (cv ${formatNumber(arrivals.rateUncertainty.cv, 2)})`);
  if (written.durationSeconds !== undefined) parts.push(`open ${duration(resolved.durationSeconds)}`);
  if (resolved.warmupSeconds) parts.push(`first ${duration(resolved.warmupSeconds)} not counted (warm-up)`);
  if (typeof agents === 'number') {
    parts.push(`${formatNumber(agents, 0)} agents`);
  } else {
    const low = Math.min(...agents.perInterval);
    const high = Math.max(...agents.perInterval);
    parts.push(low === high ? `${low} agents` : `${low}–${high} agents by interval`);
  }
  parts.push(`handle time ${describeTimed(line.handleTime)}`);
  parts.push(line.patience ? `patience ${describeTimed(line.patience)}` : 'nobody abandons');
  parts.push(line.callback === undefined ? 'no callback' : `callback ${describeCallback(line.callback)}`);
  return parts.join(' · ');
}

function describeCallback(callback: Pick<CallbackPolicy, 'offer' | 'optIn'>): string {
  const offer =
    callback.offer === 'always'
      ? 'offered to every caller who would hold'
      : 'whenEstimatedWaitAtLeastSeconds' in callback.offer
        ? `offered when the estimated wait is at least ${duration(callback.offer.whenEstimatedWaitAtLeastSeconds)}`
        : `offered when at least ${callback.offer.whenQueueAtLeast} are waiting`;
  const optIn = 'probability' in callback.optIn ? `${upToOneDecimal(callback.optIn.probability * 100)}% accept` : 'acceptance rises with the estimated wait';
  return `${offer}, ${optIn}`;
}

function describeTimed(spec: TimedDistribution): string {
  if (!isByInterval(spec)) return describeDistribution(spec);
  const { intervalSeconds, distributions } = spec.byInterval;
  return `by arrival in ${duration(intervalSeconds)} intervals: ${distributions.map(describeDistribution).join(', then ')}`;
}

function describeDistribution(d: Distribution): string {
  switch (d.type) {
    case 'exponential':
      return `${duration(d.meanSeconds)} on average (exponential)`;
    case 'lognormal':
    case 'gamma':
      return `${duration(d.meanSeconds)} on average (${d.type}, cv ${formatNumber(d.cv, 2)})`;
    case 'fixed':
      return `${duration(d.seconds)} (fixed)`;
    case 'uniform':
      return `${duration(d.minSeconds)}–${duration(d.maxSeconds)} (uniform)`;
    case 'empirical':
      return `${duration(d.seconds.reduce((sum, x) => sum + x, 0) / Math.max(1, d.seconds.length))} on average (empirical)`;
  }
}

export function duration(seconds: number): string {
  if (seconds < 120) return `${formatNumber(seconds, Number.isInteger(seconds) ? 0 : 1)} s`;
  if (seconds < 7200) return `${formatNumber(seconds / 60, Number.isInteger(seconds / 60) ? 0 : 1)} min`;
  return `${formatNumber(seconds / 3600, Number.isInteger(seconds / 3600) ? 0 : 1)} h`;
}

/** The scenarios as the planner wrote them, as JSON. */
export function scenarioDetails(input: ResolvedReportInput): string {
  const json =
    input.kind === 'run'
      ? JSON.stringify(input.scenario.written, null, 2)
      : JSON.stringify({ baseline: input.baseline.written, variant: input.variant.written }, null, 2);
  return `<details class="scenario-json">
<summary>${input.kind === 'run' ? 'Scenario' : 'Scenarios'} as JSON</summary>
<pre><code>${escapeHtml(json)}</code></pre>
</details>`;
}

