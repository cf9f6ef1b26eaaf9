import type { Sample } from './liveFigures';

/** One line of the chart: which field of a sample, its label and its CSS class. */
interface Series {
  field: Exclude<keyof Sample, 'time'>;
  label: string;
  className: string;
}

// In drawing order: agents on duty last among the agents, dashed over a full house of busy ones.
const SERIES: readonly Series[] = [
  { field: 'busy', label: 'Agents busy', className: 'busy' },
  { field: 'onDuty', label: 'Agents on duty', className: 'on-duty' },
  { field: 'onHold', label: 'Callers on hold', className: 'on-hold' },
  { field: 'callbacksWaiting', label: 'Callbacks waiting', className: 'callbacks' },
];

const MARGIN = { top: 12, right: 16, bottom: 28, left: 40 };

/**
 * Draws the day so far into an SVG element, as plain SVG: agents on duty and busy, callers on
 * hold and callbacks waiting against simulated time, the x axis spanning the whole day so that
 * the lines grow across it. Colours come from CSS (`.series-busy` etc.).
 */
export function drawChart(
  svg: SVGSVGElement,
  samples: readonly Sample[],
  options: { daySeconds: number; openingSeconds: number },
): void {
  const width = Math.max(320, Math.round(svg.clientWidth || 960));
  const height = Math.max(160, Math.round(svg.clientHeight || 260));
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const last = samples[samples.length - 1];
  const daySeconds = Math.max(options.daySeconds, last?.time ?? 0, 3600);

  let top = 10;
  for (const sample of samples) top = Math.max(top, sample.onDuty, sample.busy, sample.onHold, sample.callbacksWaiting);
  const yMax = niceCeiling(top * 1.1);
  const x = (seconds: number) => MARGIN.left + (seconds / daySeconds) * plotWidth;
  const y = (count: number) => MARGIN.top + plotHeight - (count / yMax) * plotHeight;

  const parts: string[] = [];
  // Grid and axes: a line per y step, a tick per hour of the day, labelled with the time of day.
  const yStep = niceCeiling(yMax / 4);
  for (let value = 0; value <= yMax + 1e-9; value += yStep) {
    parts.push(`<line class="grid" x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${y(value)}" y2="${y(value)}"/>`);
    parts.push(`<text class="axis" x="${MARGIN.left - 8}" y="${y(value) + 4}" text-anchor="end">${value}</text>`);
  }
  const hours = Math.ceil(daySeconds / 3600);
  const hourStep = plotWidth / hours < 48 ? 2 : 1;
  for (let hour = 0; hour <= hours; hour += hourStep) {
    const at = x(hour * 3600);
    parts.push(`<line class="tick" x1="${at}" x2="${at}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight + 5}"/>`);
    parts.push(`<text class="axis" x="${at}" y="${height - 8}" text-anchor="middle">${clock(options.openingSeconds + hour * 3600, false)}</text>`);
  }

  if (samples.length > 1) {
    // Callers on hold as a shaded area under their line, so a growing queue reads at a glance.
    const holdPoints = samples.map((s) => `${x(s.time).toFixed(1)},${y(s.onHold).toFixed(1)}`);
    const first = samples[0]!;
    parts.push(
      `<path class="area-on-hold" d="M${x(first.time).toFixed(1)},${y(0)} L${holdPoints.join(' L')} L${x(last!.time).toFixed(1)},${y(0)} Z"/>`,
    );
    for (const series of SERIES) {
      // Agents on duty change in steps, not slopes.
      const points = series.field === 'onDuty' ? stepPoints(samples, x, y) : samples.map((s) => `${x(s.time).toFixed(1)},${y(s[series.field]).toFixed(1)}`);
      parts.push(`<polyline class="series series-${series.className}" points="${points.join(' ')}"/>`);
    }
    parts.push(`<line class="now" x1="${x(last!.time)}" x2="${x(last!.time)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}"/>`);
  }
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.innerHTML = parts.join('');
}

/** The series' labels and classes, for a legend written in HTML. */
export function legend(): Array<{ label: string; className: string }> {
  return SERIES.map(({ label, className }) => ({ label, className }));
}

function stepPoints(samples: readonly Sample[], x: (s: number) => number, y: (n: number) => number): string[] {
  const points: string[] = [];
  let previous: Sample | undefined;
  for (const sample of samples) {
    if (previous && previous.onDuty !== sample.onDuty) points.push(`${x(sample.time).toFixed(1)},${y(previous.onDuty).toFixed(1)}`);
    points.push(`${x(sample.time).toFixed(1)},${y(sample.onDuty).toFixed(1)}`);
    previous = sample;
  }
  return points;
}

// 1, 2 or 5 times a power of ten, at least `value`.
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Seconds since midnight as `HH:MM` or `HH:MM:SS`. */
export function clock(seconds: number, withSeconds = true): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hh = String(Math.floor(whole / 3600) % 24).padStart(2, '0');
  const mm = String(Math.floor(whole / 60) % 60).padStart(2, '0');
  const ss = String(whole % 60).padStart(2, '0');
  return withSeconds ? `${hh}:${mm}:${ss}` : `${hh}:${mm}`;
}
