// The live dashboard: runs a scenario in the browser with queuecast's core, paced to the wall
// clock, and shows what an operations room watches. Every control restarts the run with the
// changed scenario. Build and open it with
//   npx tsx examples/dashboard/build.ts --serve
import type { Subscription } from 'rxjs';
import { isMultiLine, scenarioClock, scenarioProblems, simulate, type MultiLineScenario, type Scenario } from '../../src';
import { readAgentsInput, showAgents } from './agentsInput';
import { CenterFigures } from './centerFigures';
import { CenterTiles } from './centerTiles';
import { clock, drawChart, legend } from './chart';
import { duration, percent, showFigure, thousands } from './format';
import { builtInCenter, builtInScenario } from './scenario';

const SPEEDS = [30, 60, 300, 1200] as const;
// How often the chart is redrawn, in wall-clock milliseconds: the figures update every frame.
const CHART_EVERY_MS = 100;

function element<T extends Element = HTMLElement>(testId: string): T {
  const found = document.querySelector<T>(`[data-testid="${testId}"]`);
  if (!found) throw new Error(`dashboard: no element with data-testid="${testId}"`);
  return found;
}

const root = element('dashboard');
const agentsInput = element<HTMLInputElement>('agents-input');
const agentsMessage = element('agents-message');
const optInInput = element<HTMLInputElement>('opt-in-input');
const optInValue = element('opt-in-value');
const speedSelect = element<HTMLSelectElement>('speed-select');
const restartButton = element<HTMLButtonElement>('restart-button');
const scenarioText = element<HTMLTextAreaElement>('scenario-json');
const applyButton = element<HTMLButtonElement>('apply-scenario');
const problemList = element('scenario-problems');
const chart = element<SVGSVGElement>('live-chart');
const centerSelect = element<HTMLSelectElement>('center-select');
const tiles = new CenterTiles(element('line-tiles'), element('group-tiles'), {
  groupAgents(group, agents) {
    if (!isMultiLine(scenario)) return;
    scenario = { ...scenario, groups: scenario.groups.map((g) => (g.name === group ? { ...g, agents } : g)) };
    showScenario();
    restartIfChanged();
  },
  lineOptIn(line, probability) {
    if (!isMultiLine(scenario)) return;
    // A line without a callback policy gets the built-in one, with this opt-in.
    const policy = scenario.lines.find((l) => l.name === line)?.callback ?? builtInScenario().callback!;
    scenario = { ...scenario, lines: scenario.lines.map((l) => (l.name === line ? { ...l, callback: { ...policy, optIn: { probability } } } : l)) };
    showScenario();
    restartIfChanged();
  },
});

let scenario: Scenario = builtInScenario();
let speed = 60;
let figures = new CenterFigures();
let subscription: Subscription | undefined;
let startedAt = 0;
let runs = 0;
let runKey = '';
let lastChartAt = -Infinity;

/** When the scenario's day opens (its opensAt), in seconds after midnight: the clock on screen starts there; 00:00 without one. */
function openingSeconds(): number {
  return scenarioClock(scenario)?.opensAtSeconds ?? 0;
}

/** Stops the current run, if any, and starts the scenario afresh at the current speed. */
function start(): void {
  subscription?.unsubscribe();
  figures = new CenterFigures();
  runs++;
  runKey = JSON.stringify({ scenario, speed });
  root.dataset.run = String(runs);
  setStatus('running');
  startedAt = performance.now();
  lastChartAt = -Infinity;
  const live = figures;
  subscription = simulate(scenario, { realtime: { speed } }).subscribe({
    next: (event) => live.apply(event),
    error: (error: unknown) => {
      setStatus('failed');
      showProblems([error instanceof Error ? error.message : String(error)]);
    },
    complete: () => setStatus('ended'),
  });
  // The page shows the new run at once, never the last one's figures under the new run's number.
  paint(startedAt);
}

/** Restarts only when the scenario or the speed really changed. */
function restartIfChanged(): void {
  if (JSON.stringify({ scenario, speed }) !== runKey) start();
}

function setStatus(status: 'running' | 'ended' | 'failed'): void {
  root.dataset.status = status;
  const pill = element('run-status');
  pill.textContent = { running: 'Live', ended: 'Day over', failed: 'Stopped' }[status];
  pill.className = `status status-${status}`;
}

// --- controls -------------------------------------------------------------------------------

function onAgentsChanged(): void {
  if (isMultiLine(scenario) || typeof scenario.agents !== 'number') return;
  const { agents, message } = readAgentsInput(agentsInput, scenario.agents);
  showMessage(agentsMessage, message);
  if (agents === undefined) return;
  scenario = { ...scenario, agents };
  showScenario();
  restartIfChanged();
}

// Typing "25" should restart once, with 25, not first with 2.
let agentsTimer: ReturnType<typeof setTimeout> | undefined;
agentsInput.addEventListener('input', () => {
  clearTimeout(agentsTimer);
  agentsTimer = setTimeout(onAgentsChanged, 500);
});
agentsInput.addEventListener('change', () => {
  clearTimeout(agentsTimer);
  onAgentsChanged();
});

optInInput.addEventListener('input', () => {
  optInValue.textContent = percent(Number(optInInput.value));
});
optInInput.addEventListener('change', () => {
  const probability = Number(optInInput.value);
  optInValue.textContent = percent(probability);
  if (isMultiLine(scenario)) return;
  // Without a callback policy in the scenario, the slider brings the built-in one.
  const policy = scenario.callback ?? builtInScenario().callback!;
  scenario = { ...scenario, callback: { ...policy, optIn: { probability } } };
  showScenario();
  restartIfChanged();
});

speedSelect.addEventListener('change', () => {
  speed = Number(speedSelect.value);
  restartIfChanged();
});

restartButton.addEventListener('click', () => start());

applyButton.addEventListener('click', () => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(scenarioText.value);
  } catch (error) {
    showProblems([`Not JSON: ${(error as Error).message}`]);
    return;
  }
  const problems = scenarioProblems(parsed);
  if (problems.length > 0) {
    showProblems(problems.map((p) => `${p.path || '(scenario)'}: expected ${p.expected}, received ${JSON.stringify(p.received) ?? 'nothing'}`));
    return;
  }
  scenario = parsed as Scenario;
  showProblems([]);
  syncControls();
  start();
});

/** Shows the scenario being run in the editor. */
function showScenario(): void {
  scenarioText.value = JSON.stringify(scenario, null, 2);
  element('scenario-name').textContent = scenario.name ?? 'Unnamed scenario';
}

centerSelect.addEventListener('change', () => {
  scenario = centerSelect.value === 'several' ? builtInCenter() : builtInScenario();
  showScenario();
  syncControls();
  showProblems([]);
  start();
});

/** Brings the controls in line with a scenario typed into the editor or chosen. */
function syncControls(): void {
  const multiLine = isMultiLine(scenario);
  centerSelect.value = multiLine ? 'several' : 'one';
  root.dataset.lines = multiLine ? String((scenario as MultiLineScenario).lines.length) : '1';
  // One line: the agents and opt-in controls above; several: each line's and group's own tile.
  for (const control of [agentsInput, optInInput]) control.closest('label')!.hidden = multiLine;
  agentsInput.setAttribute('aria-invalid', 'false');
  showMessage(agentsMessage, '');
  tiles.build(multiLine ? (scenario as MultiLineScenario) : undefined);
  element('scenario-name').textContent = scenario.name ?? 'Unnamed scenario';
  if (isMultiLine(scenario)) return;
  const constant = typeof scenario.agents === 'number';
  agentsInput.title = constant ? '' : 'The scenario has a roster per interval: the agents on duty now; edit the roster below';
  if (typeof scenario.agents === 'number') agentsInput.value = String(scenario.agents);
  showAgents(agentsInput, scenario.agents, 0);
  const optIn = scenario.callback?.optIn;
  const fixed = optIn !== undefined && 'probability' in optIn;
  optInInput.disabled = optIn !== undefined && !fixed;
  if (optIn && 'probability' in optIn) optInInput.value = String(optIn.probability);
  else if (!optIn) optInInput.value = '0';
  optInValue.textContent = optInInput.disabled ? 'logistic' : percent(Number(optInInput.value));
  element('scenario-name').textContent = scenario.name ?? 'Unnamed scenario';
}

/** A message beside a control, or none. */
function showMessage(target: HTMLElement, text: string): void {
  if (target.textContent !== text) target.textContent = text;
  target.hidden = text === '';
}

function showProblems(problems: readonly string[]): void {
  problemList.replaceChildren(
    ...problems.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }),
  );
  problemList.hidden = problems.length === 0;
}

// --- figures --------------------------------------------------------------------------------

function show(testId: string, value: number, text: string, level?: 'good' | 'warn' | 'bad'): void {
  showFigure(element(testId), value, text, level);
}

/** Writes every figure, the clock and (at most every CHART_EVERY_MS) the chart. */
function paint(now: number): void {
  const f = figures.total;
  // The simulated clock runs on between events, as the paced run does.
  const paced = ((now - startedAt) / 1000) * speed;
  const time = f.ended ? f.time : Math.max(f.time, Math.min(paced, f.time + speed));
  // The clock and the time into the day: one whole second, written together.
  const second = Math.floor(time);
  for (const [testId, text] of [['sim-clock', clock(openingSeconds() + second)], ['sim-elapsed', `${duration(second)} into the day · ${speed}× real time`]] as const) {
    const target = element(testId);
    if (target.dataset.seconds !== String(second)) target.dataset.seconds = String(second);
    if (target.textContent !== text) target.textContent = text;
  }
  if (!isMultiLine(scenario)) showAgents(agentsInput, scenario.agents, time);

  const longest = f.longestHoldSeconds(time);
  // Green while nobody has held past the service-level threshold; red past two minutes.
  show('on-hold', f.onHold, thousands(f.onHold), longest <= f.serviceLevelSeconds ? 'good' : longest < 120 ? 'warn' : 'bad');
  show('longest-hold', longest, duration(longest));
  show('peak-on-hold', f.peakOnHold, thousands(f.peakOnHold));

  const occupancy = f.onDuty > 0 ? f.busy / f.onDuty : 0;
  show('busy-agents', f.busy, thousands(f.busy), occupancy < 0.95 ? 'good' : 'warn');
  show('on-duty', f.onDuty, thousands(f.onDuty));
  element('occupancy-bar').style.width = `${Math.min(100, occupancy * 100).toFixed(1)}%`;

  const meanHold = f.recentMeanHoldSeconds;
  show('mean-hold', meanHold, duration(meanHold), meanHold < 60 ? 'good' : meanHold < 180 ? 'warn' : 'bad');
  show('service-level', f.serviceLevel, percent(f.serviceLevel), f.serviceLevel >= 0.8 ? 'good' : f.serviceLevel >= 0.6 ? 'warn' : 'bad');
  element('service-level-target').textContent = `answered within ${f.serviceLevelSeconds} s`;

  show('arrivals', f.arrivals, thousands(f.arrivals));
  show('answered', f.answered, thousands(f.answered));
  // Callers who hung up on hearing the wait (several lines may balk) count as abandoning.
  const gaveUp = f.abandoned + f.balked;
  const held = f.answered + gaveUp;
  const abandonRate = held > 0 ? gaveUp / held : 0;
  show('abandoned', gaveUp, thousands(gaveUp), abandonRate < 0.05 ? 'good' : abandonRate < 0.15 ? 'warn' : 'bad');
  show('abandon-rate', abandonRate, percent(abandonRate));
  show('callbacks-accepted', f.callbacksAccepted, thousands(f.callbacksAccepted));
  show('callbacks-offered', f.callbacksOffered, thousands(f.callbacksOffered));
  show('callbacks-connected', f.callbacksConnected, thousands(f.callbacksConnected));
  show('callbacks-waiting', f.callbacksWaiting, thousands(f.callbacksWaiting));

  tiles.paint(figures, time);

  if (now - lastChartAt >= CHART_EVERY_MS || f.ended) {
    lastChartAt = now;
    drawChart(chart, f.samples, { daySeconds: f.durationSeconds, openingSeconds: openingSeconds() });
  }
}

function frame(now: number): void {
  paint(now);
  requestAnimationFrame(frame);
}

// --- start ----------------------------------------------------------------------------------

speedSelect.replaceChildren(
  ...SPEEDS.map((value) => {
    const option = document.createElement('option');
    option.value = String(value);
    option.textContent = `${value}×`;
    return option;
  }),
);
speedSelect.value = String(speed);
element('chart-legend').replaceChildren(
  ...legend().map(({ label, className }) => {
    const item = document.createElement('li');
    item.className = `legend-${className}`;
    item.textContent = label;
    return item;
  }),
);
showScenario();
syncControls();
start();
requestAnimationFrame(frame);
