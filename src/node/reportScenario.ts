// The scenarios as a director reads them: one line each, and the JSON itself.
import type { Distribution } from '../random';
import { isByInterval, isMultiLine, type CallbackPolicy, type Line, type Scenario, type TimedDistribution } from '../scenario';
import type { HtmlReportInput } from './reportInput';
import { escapeHtml, formatNumber, upToOneDecimal } from './reportFormat';

export function nameOf(scenario: Scenario, fallback: string): string {
  return scenario.name?.trim() || fallback;
}

/** One line a director can read: volume, staffing, handle time, patience and the callback offer. */
export function describeScenario(input: Scenario): string {
  if (isMultiLine(input)) {
    const lines = input.lines.map((line) => line.name).join(', ');
    const groups = input.groups.map((group) => group.name).join(', ');
    const parts = [`${input.lines.length} lines (${lines}) over ${input.groups.length} agent groups (${groups})`];
    const which = (has: (line: Line) => boolean) => {
      const names = input.lines.filter(has).map((line) => line.name);
      return names.length === input.lines.length ? 'every line' : names.join(', ');
    };
    if (input.durationSeconds !== undefined) parts.push(`open ${duration(input.durationSeconds)}`);
    if (input.trunks !== undefined) parts.push(`${formatNumber(input.trunks, 0)} trunks`);
    if (input.lines.some((line) => line.redial)) parts.push(`redials on ${which((line) => line.redial !== undefined)}`);
    const offered = input.lines.filter((line) => line.callback);
    if (offered.length === 0) parts.push('no callback');
    else {
      // One policy for all the lines that offer one is the common case: describe it once.
      const same = offered.every((line) => JSON.stringify(line.callback) === JSON.stringify(offered[0]!.callback));
      parts.push(`callback on ${which((line) => line.callback !== undefined)}${same ? `: ${describeCallback(offered[0]!.callback!)}` : ''}`);
    }
    return parts.join(' · ');
  }
  const scenario = input;
  const parts: string[] = [];
  const { arrivals, agents } = scenario;
  if ('perHour' in arrivals) {
    parts.push(`${formatNumber(arrivals.perHour, 0)} calls an hour`);
  } else {
    const total = arrivals.perInterval.reduce((sum, n) => sum + n, 0);
    parts.push(`${formatNumber(total, 0)} calls expected over ${arrivals.perInterval.length} intervals of ${duration(arrivals.intervalSeconds)}`);
  }
  if (arrivals.rateUncertainty) parts.push(`the day's volume uncertain (cv ${formatNumber(arrivals.rateUncertainty.cv, 2)})`);
  if (scenario.durationSeconds !== undefined) parts.push(`open ${duration(scenario.durationSeconds)}`);
  if (scenario.warmupSeconds) parts.push(`first ${duration(scenario.warmupSeconds)} not counted (warm-up)`);
  if (typeof agents === 'number') {
    parts.push(`${formatNumber(agents, 0)} agents`);
  } else {
    const low = Math.min(...agents.perInterval);
    const high = Math.max(...agents.perInterval);
    parts.push(low === high ? `${low} agents` : `${low}–${high} agents by interval`);
  }
  parts.push(`handle time ${describeTimed(scenario.handleTime)}`);
  parts.push(scenario.patience ? `patience ${describeTimed(scenario.patience)}` : 'nobody abandons');
  parts.push(scenario.callback === undefined ? 'no callback' : `callback ${describeCallback(scenario.callback)}`);
  return parts.join(' · ');
}

function describeCallback(callback: CallbackPolicy): string {
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

export function scenarioDetails(input: HtmlReportInput): string {
  const json =
    input.kind === 'run'
      ? JSON.stringify(input.scenario, null, 2)
      : JSON.stringify({ baseline: input.baseline, variant: input.variant }, null, 2);
  return `<details class="scenario-json">
<summary>${input.kind === 'run' ? 'Scenario' : 'Scenarios'} as JSON</summary>
<pre><code>${escapeHtml(json)}</code></pre>
</details>`;
}

