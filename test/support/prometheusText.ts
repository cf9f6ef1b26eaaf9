// A strict reader of the Prometheus text exposition format (0.0.4), written from its
// specification rather than from the service's code: every line is a comment, a `# HELP`, a
// `# TYPE` before its family's samples, or a sample `name{label="value",...} number`; a
// histogram's buckets are cumulative and end with le="+Inf" equal to its _count.
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+(-?\d+))?$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"\s*(,|$)/y;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

/** The samples of an exposition; throws on the first line that breaks the format. */
export function parsePrometheusText(text: string): { samples: Sample[]; types: Map<string, string> } {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  const seen = new Set<string>();
  text.slice(0, -1).split('\n').forEach((line, i) => {
    const where = `line ${i + 1}: ${line}`;
    if (line.startsWith('#')) {
      const [, keyword, name, rest] = /^#\s+(\S+)\s+(\S+)\s*(.*)$/.exec(line) ?? [];
      if (keyword === 'TYPE') {
        if (!NAME.test(name!) || !TYPES.has(rest!)) throw new Error(`bad TYPE, ${where}`);
        if (types.has(name!) || seen.has(name!)) throw new Error(`TYPE after samples or twice, ${where}`);
        types.set(name!, rest!);
      } else if (keyword === 'HELP' && !NAME.test(name!)) throw new Error(`bad HELP, ${where}`);
      return;
    }
    if (line.trim() === '') return;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a sample, ${where}`);
    const [, name, labelText, valueText] = match;
    const value = valueText === '+Inf' ? Infinity : valueText === '-Inf' ? -Infinity : valueText === 'NaN' ? NaN : Number(valueText);
    if (!/^[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|Inf|NaN)$/.test(valueText!)) throw new Error(`bad value, ${where}`);
    const labels: Record<string, string> = {};
    if (labelText) {
      LABEL.lastIndex = 0;
      while (LABEL.lastIndex < labelText.length) {
        const label = LABEL.exec(labelText);
        if (!label) throw new Error(`bad labels, ${where}`);
        labels[label[1]!] = label[2]!.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
      }
    }
    seen.add(name!.replace(/_(bucket|sum|count)$/, ''));
    samples.push({ name: name!, labels, value });
  });
  for (const [family, type] of types) {
    if (type !== 'histogram') continue;
    const buckets = samples.filter((s) => s.name === `${family}_bucket`);
    const count = samples.find((s) => s.name === `${family}_count`);
    if (buckets.length === 0 || !count || !samples.some((s) => s.name === `${family}_sum`)) throw new Error(`${family}: a histogram needs buckets, _sum and _count`);
    const bounds = buckets.map((b) => Number(b.labels.le === '+Inf' ? Infinity : b.labels.le));
    if (bounds.at(-1) !== Infinity) throw new Error(`${family}: the last bucket must be le="+Inf"`);
    for (let i = 1; i < buckets.length; i++) {
      if (!(bounds[i]! > bounds[i - 1]!) || buckets[i]!.value < buckets[i - 1]!.value) throw new Error(`${family}: buckets must rise, bounds and counts`);
    }
    if (buckets.at(-1)!.value !== count.value) throw new Error(`${family}: le="+Inf" must equal _count`);
  }
  return { samples, types };
}

/** The value of one sample (0 when absent, as a counter not yet incremented). */
export function sampleValue(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  const sample = samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return sample?.value ?? 0;
}
