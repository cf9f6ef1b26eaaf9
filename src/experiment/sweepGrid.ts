// The grid of a sweep: what each varied path means in a scenario, every combination of the
// values, and every problem with them found before anything runs.
import { InvalidInputError } from '../errors';
import { describeValue, scenarioProblems, type Scenario, type ScenarioProblem } from '../scenario';

/** A value a sweep gives a field: whatever the scenario's field takes (a number, a string, a distribution...). */
export type SweepValue = unknown;

/** What to vary: dotted paths into the scenario, each with the values to try. */
export type SweepVary = Readonly<Record<string, readonly SweepValue[]>>;

/** One combination of the varied values, and the scenario it makes. */
export interface SweepCell {
  /** Index in the grid: the first varied path changes slowest. */
  cell: number;
  /** The varied paths and their values in this cell, in the order of `vary`. */
  settings: Record<string, SweepValue>;
  scenario: Scenario;
}

/**
 * A sweep that cannot run: every problem with its paths and values, listed at once, as
 * `ScenarioError` lists a scenario's.
 *
 * @example
 * try { await sweep(scenario, { vary: { 'callback.optIn.probabilty': [0.1] }, replications: 10 }); }
 * catch (error) { if (error instanceof SweepError) for (const p of error.problems) console.log(p.path, p.expected); }
 */
export class SweepError extends InvalidInputError {
  override readonly name = 'SweepError';

  constructor(problems: readonly ScenarioProblem[]) {
    super('sweep', problems);
  }
}

// A scale factor is written as `<path to agents or arrivals>.scale`: `agents.scale` (every
// group of a multi-line scenario), `groups.<name>.agents.scale`; `arrivals.scale` (every line
// of a multi-line scenario), `lines.<name>.arrivals.scale`.
const SCALE = 'scale';
const SCALED = {
  agents: { list: 'groups', what: 'a roster scale factor: a number > 0', scale: scaleRoster },
  arrivals: { list: 'lines', what: 'a volume scale factor: a number > 0', scale: scaleArrivals },
} as const;

/**
 * Every combination of the varied values applied to the scenario (which must be valid), each
 * checked as a scenario. Throws a `SweepError` listing every bad path and value.
 *
 * @example
 * sweepCells(scenario, { 'callback.optIn.probability': [0.1, 0.2], 'agents.scale': [0.9, 1.1] }).length; // 4
 */
export function sweepCells(scenario: Scenario, vary: SweepVary): SweepCell[] {
  const problems: ScenarioProblem[] = [];
  const paths = Object.keys(vary ?? {});
  if (paths.length === 0) problems.push({ path: '(vary)', expected: 'at least one path with values to vary', received: vary });
  for (const path of paths) {
    const values = vary[path];
    if (!Array.isArray(values) || values.length === 0) {
      problems.push({ path, expected: 'a list of at least one value', received: values });
      continue;
    }
    // Each value on its own, so that a problem names the value that causes it.
    values.forEach((value) => {
      const applied = applySetting(scenario, path, value);
      if (typeof applied === 'string') problems.push({ path, expected: applied, received: value });
      else problems.push(...scenarioProblems(applied).map((p) => inTermsOf(p, path, value)));
    });
  }
  if (problems.length > 0) throw new SweepError(dedupe(problems));
  const cells = combinations(paths.map((path) => vary[path]!)).map((values, cell) => {
    const settings: Record<string, SweepValue> = {};
    paths.forEach((path, i) => (settings[path] = values[i]));
    return { cell, settings, scenario: withSettings(scenario, settings) };
  });
  // Values that are fine alone can clash together (a warm-up past a shortened day).
  for (const { settings, scenario: combined } of cells) {
    for (const p of scenarioProblems(combined)) problems.push({ ...p, path: `${p.path} (with ${describeSettings(settings)})` });
  }
  if (problems.length > 0) throw new SweepError(dedupe(problems));
  return cells;
}

/** The scenario with the settings applied: plain fields first, then roster scale factors. */
export function withSettings(scenario: Scenario, settings: Readonly<Record<string, SweepValue>>): Scenario {
  const ordered = Object.keys(settings).sort((a, b) => Number(isScale(a)) - Number(isScale(b)));
  let result = scenario;
  for (const path of ordered) {
    const applied = applySetting(result, path, settings[path]);
    if (typeof applied === 'string') throw new SweepError([{ path, expected: applied, received: settings[path] }]);
    result = applied;
  }
  return result;
}

/** `path=value, path=value`, as a message names a cell. */
export function describeSettings(settings: Readonly<Record<string, SweepValue>>): string {
  return Object.entries(settings)
    .map(([path, value]) => `${path}=${describeValue(value)}`)
    .join(', ');
}

const isScale = (path: string) => path === SCALE || path.endsWith(`.${SCALE}`);

/** The scenario with one path set (a copy: the input is never changed), or what the path should have been. */
function applySetting(scenario: Scenario, path: string, value: SweepValue): Scenario | string {
  const segments = splitPath(path);
  if (segments.length === 0 || segments.some((s) => s === '')) return 'a dotted path such as callback.optIn.probability';
  const copy = structuredClone(scenario) as unknown as Record<string, unknown>;
  const scaled = segments[segments.length - 2];
  if (segments[segments.length - 1] === SCALE && (scaled === 'agents' || scaled === 'arrivals')) {
    const { what, scale } = SCALED[scaled];
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) return what;
    const holders = scaledAt(copy, segments.slice(0, -1), scaled);
    if (typeof holders === 'string') return holders;
    for (const { holder, key } of holders) holder[key] = scale(holder[key], value);
    return copy as unknown as Scenario;
  }
  const parent = walk(copy, segments.slice(0, -1), true);
  if (typeof parent === 'string') return parent;
  const last = segments[segments.length - 1]!;
  if (Array.isArray(parent)) {
    const index = indexIn(parent, last);
    if (index === undefined) return `an index or name in ${segments.slice(0, -1).join('.')}`;
    parent[index] = value;
  } else {
    parent[last] = value;
  }
  return copy as unknown as Scenario;
}

// `lines[0].callback` and `lines.0.callback` both mean the first line.
function splitPath(path: string): string[] {
  return String(path).replace(/\[(\w+)\]/g, '.$1').split('.');
}

type Container = Record<string, unknown> | unknown[];

/** The object at the path, objects created where the path goes past the scenario (validation names what they lack). */
function walk(root: Record<string, unknown>, segments: readonly string[], create: boolean): Container | string {
  let node: Container = root;
  for (const [i, segment] of segments.entries()) {
    let next: unknown;
    if (Array.isArray(node)) {
      const index = indexIn(node, segment);
      if (index === undefined) return `a path whose ${segments.slice(0, i).join('.')} names an item by index or name (${names(node)})`;
      next = node[index];
    } else {
      next = node[segment];
      if (next === undefined && create) node[segment] = next = {};
    }
    if (typeof next !== 'object' || next === null) {
      return `a path into objects, but ${segments.slice(0, i + 1).join('.')} is ${describeValue(next)}`;
    }
    node = next as Container;
  }
  return node;
}

/** An item of `lines` or `groups` by index or by name. */
function indexIn(list: readonly unknown[], segment: string): number | undefined {
  if (/^\d+$/.test(segment)) return Number(segment) < list.length ? Number(segment) : undefined;
  const index = list.findIndex((item) => (item as { name?: unknown } | null)?.name === segment);
  return index >= 0 ? index : undefined;
}

function names(list: readonly unknown[]): string {
  const named = list.map((item, i) => String((item as { name?: unknown } | null)?.name ?? i));
  return named.length === 0 ? 'none' : named.join(', ');
}

/**
 * Where the rosters (or arrivals) a scale factor applies to are: one, or every group's (line's)
 * for a multi-line `agents.scale` (`arrivals.scale`).
 */
function scaledAt(
  root: Record<string, unknown>,
  segments: readonly string[],
  key: keyof typeof SCALED,
): Array<{ holder: Record<string, unknown>; key: string }> | string {
  const list = root[SCALED[key].list];
  if (segments.length === 1 && Array.isArray(list)) return (list as Array<Record<string, unknown>>).map((holder) => ({ holder, key }));
  const holder = walk(root, segments.slice(0, -1), false);
  if (typeof holder === 'string' || Array.isArray(holder) || holder[key] === undefined) {
    return `a path to ${key} (${key}.scale, or ${SCALED[key].list}.<name>.${key}.scale in a multi-line scenario)`;
  }
  return [{ holder, key }];
}

/** Arrivals times a factor: the rate per hour, or each interval's expected calls (not rounded: they are expectations). */
function scaleArrivals(arrivals: unknown, factor: number): unknown {
  if (typeof arrivals !== 'object' || arrivals === null) return arrivals;
  const given = arrivals as { perHour?: unknown; perInterval?: unknown };
  if (typeof given.perHour === 'number') return { ...given, perHour: given.perHour * factor };
  if (Array.isArray(given.perInterval)) return { ...given, perInterval: given.perInterval.map((n) => (typeof n === 'number' ? n * factor : n)) };
  return arrivals;
}

/** A roster times a factor, each count rounded to whole agents; a constant keeps at least one. */
function scaleRoster(agents: unknown, factor: number): unknown {
  if (typeof agents === 'number') return Math.max(1, Math.round(agents * factor));
  if (typeof agents === 'object' && agents !== null && Array.isArray((agents as { perInterval?: unknown }).perInterval)) {
    const roster = agents as { perInterval: unknown[] };
    return { ...roster, perInterval: roster.perInterval.map((n) => (typeof n === 'number' ? Math.round(n * factor) : n)) };
  }
  return agents;
}

/** A scenario problem caused by a varied value, said in the sweep's terms. */
function inTermsOf(problem: ScenarioProblem, path: string, value: SweepValue): ScenarioProblem {
  if (problem.path === '' || problem.path === path) return { ...problem, path };
  return { ...problem, path: `${problem.path} (with ${path}=${describeValue(value)})` };
}

function dedupe(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.expected}\u0000${describeValue(p.received)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every combination, the first list changing slowest. */
function combinations(lists: ReadonlyArray<readonly SweepValue[]>): SweepValue[][] {
  return lists.reduce<SweepValue[][]>((acc, values) => acc.flatMap((combo) => values.map((value) => [...combo, value])), [[]]);
}
