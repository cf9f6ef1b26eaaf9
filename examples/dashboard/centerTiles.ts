import type { MultiLineScenario } from '../../src';
import { MAX_AGENTS, readAgentsInput, showAgents } from './agentsInput';
import type { CenterFigures } from './centerFigures';
import { duration, percent, showFigure, thousands } from './format';

/** What the tiles' controls ask of the page. */
export interface CenterControls {
  /** A group's agents typed in (a whole number from 1 to MAX_AGENTS). */
  groupAgents(group: string, agents: number): void;
  /** A line's callback opt-in slider released. */
  lineOptIn(line: string, probability: number): void;
}

/**
 * The tiles of a center of several lines: one per line (on hold, longest hold, mean hold,
 * service level, abandonment, callbacks, and that line's callback opt-in) and one per agent
 * group (busy of on duty, occupancy, and the group's agents). Figures carry test ids
 * `line-<name>-<figure>` and `group-<name>-<figure>`, with their raw numbers in `data-value`.
 */
export class CenterTiles {
  private center: MultiLineScenario | undefined;

  constructor(
    private readonly lineTiles: HTMLElement,
    private readonly groupTiles: HTMLElement,
    private readonly controls: CenterControls,
  ) {}

  /** Builds the tiles for a center, or removes them (`undefined`: a single line). */
  build(center: MultiLineScenario | undefined): void {
    this.center = center;
    this.lineTiles.replaceChildren(...(center?.lines ?? []).map((line) => {
      const optIn = line.callback?.optIn;
      const fixed = optIn === undefined || 'probability' in optIn;
      const probability = optIn && 'probability' in optIn ? optIn.probability : 0;
      const name = escapeHtml(line.name);
      const tile = html(`
        <div class="tile line-tile" data-testid="line-${name}">
          <h2>${name}${line.priority ? ` <span class="tag">priority ${line.priority}</span>` : ''}</h2>
          <div class="value"><span data-testid="line-${name}-on-hold" data-value="0">0</span> <span class="of">on hold</span></div>
          <div class="sub">longest <b data-testid="line-${name}-longest-hold" data-value="0">0:00</b> · peak <b data-testid="line-${name}-peak-on-hold" data-value="0">0</b></div>
          <div class="sub">mean hold <b data-testid="line-${name}-mean-hold" data-value="0">0:00</b> · in ${'<b data-testid="line-' + name + '-service-level-seconds"></b>'} s <b data-testid="line-${name}-service-level" data-value="1">100%</b></div>
          <div class="sub">calls <b data-testid="line-${name}-arrivals" data-value="0">0</b> · abandoned <b data-testid="line-${name}-abandoned" data-value="0">0</b> (<b data-testid="line-${name}-abandon-rate" data-value="0">0%</b>)</div>
          <div class="sub">callbacks <b data-testid="line-${name}-callbacks-accepted" data-value="0">0</b> of <b data-testid="line-${name}-callbacks-offered" data-value="0">0</b> offered</div>
          <label class="line-control">Callback opt-in
            <input type="range" min="0" max="0.8" step="0.05" data-testid="line-${name}-opt-in-input">
            <output data-testid="line-${name}-opt-in-value"></output>
          </label>
        </div>`);
      const slider = tile.querySelector<HTMLInputElement>('input')!;
      const shown = tile.querySelector('output')!;
      slider.value = String(probability);
      slider.disabled = !fixed;
      shown.textContent = !fixed ? 'logistic' : line.callback ? percent(probability) : 'off';
      slider.addEventListener('input', () => {
        shown.textContent = percent(Number(slider.value));
      });
      slider.addEventListener('change', () => this.controls.lineOptIn(line.name, Number(slider.value)));
      return tile;
    }));
    this.groupTiles.replaceChildren(...(center?.groups ?? []).map((group) => {
      const name = escapeHtml(group.name);
      const tile = html(`
        <div class="tile group-tile" data-testid="group-${name}">
          <h2>${name}</h2>
          <div class="value"><span data-testid="group-${name}-busy" data-value="0">0</span> <span class="of">/ <span data-testid="group-${name}-on-duty" data-value="0">0</span> busy</span></div>
          <div class="bar"><div data-testid="group-${name}-occupancy-bar"></div></div>
          <div class="sub">occupancy <b data-testid="group-${name}-occupancy" data-value="0">0%</b></div>
          <label class="line-control">Agents
            <input type="number" min="1" max="${MAX_AGENTS}" step="1" data-testid="group-${name}-agents-input">
          </label>
          <div class="sub control-message" data-testid="group-${name}-agents-message" role="status" hidden></div>
        </div>`);
      const input = tile.querySelector<HTMLInputElement>('input')!;
      const message = tile.querySelector<HTMLElement>('.control-message')!;
      input.title = typeof group.agents === 'number' ? '' : 'This group has a roster per interval: the agents on duty now; edit the roster below';
      if (typeof group.agents === 'number') input.value = String(group.agents);
      showAgents(input, group.agents, 0);
      const apply = () => {
        if (typeof group.agents !== 'number') return;
        const read = readAgentsInput(input, group.agents);
        message.textContent = read.message;
        message.hidden = read.message === '';
        if (read.agents !== undefined) this.controls.groupAgents(group.name, read.agents);
      };
      // Typing "25" should restart once, with 25, not first with 2.
      let timer: ReturnType<typeof setTimeout> | undefined;
      input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(apply, 500);
      });
      input.addEventListener('change', () => {
        clearTimeout(timer);
        apply();
      });
      return tile;
    }));
    this.lineTiles.hidden = center === undefined;
    this.groupTiles.hidden = center === undefined;
  }

  /** Writes every line's and group's figures at simulated time `time`. */
  paint(figures: CenterFigures, time: number): void {
    const at = (testId: string) => {
      const selector = `[data-testid="${CSS.escape(testId)}"]`;
      return this.lineTiles.querySelector<HTMLElement>(selector) ?? this.groupTiles.querySelector<HTMLElement>(selector);
    };
    const show = (testId: string, value: number, text: string, level?: 'good' | 'warn' | 'bad') => {
      const target = at(testId);
      if (target) showFigure(target, value, text, level);
    };
    for (const [name, f] of figures.lines) {
      const longest = f.longestHoldSeconds(time);
      show(`line-${name}-on-hold`, f.onHold, thousands(f.onHold), longest <= f.serviceLevelSeconds ? 'good' : longest < 120 ? 'warn' : 'bad');
      show(`line-${name}-longest-hold`, longest, duration(longest));
      show(`line-${name}-peak-on-hold`, f.peakOnHold, thousands(f.peakOnHold));
      show(`line-${name}-mean-hold`, f.recentMeanHoldSeconds, duration(f.recentMeanHoldSeconds));
      show(`line-${name}-service-level`, f.serviceLevel, percent(f.serviceLevel));
      const seconds = at(`line-${name}-service-level-seconds`);
      if (seconds && seconds.textContent !== String(f.serviceLevelSeconds)) seconds.textContent = String(f.serviceLevelSeconds);
      show(`line-${name}-arrivals`, f.arrivals, thousands(f.arrivals));
      const held = f.answered + f.abandoned + f.balked;
      const rate = held > 0 ? (f.abandoned + f.balked) / held : 0;
      show(`line-${name}-abandoned`, f.abandoned + f.balked, thousands(f.abandoned + f.balked));
      show(`line-${name}-abandon-rate`, rate, percent(rate));
      show(`line-${name}-callbacks-accepted`, f.callbacksAccepted, thousands(f.callbacksAccepted));
      show(`line-${name}-callbacks-offered`, f.callbacksOffered, thousands(f.callbacksOffered));
    }
    for (const [name, g] of figures.groups) {
      const occupancy = g.onDuty > 0 ? g.busy / g.onDuty : 0;
      show(`group-${name}-busy`, g.busy, thousands(g.busy), occupancy < 0.95 ? 'good' : 'warn');
      show(`group-${name}-on-duty`, g.onDuty, thousands(g.onDuty));
      show(`group-${name}-occupancy`, occupancy, percent(occupancy));
      const bar = at(`group-${name}-occupancy-bar`);
      if (bar) bar.style.width = `${Math.min(100, occupancy * 100).toFixed(1)}%`;
    }
    for (const group of this.center?.groups ?? []) {
      const input = at(`group-${group.name}-agents-input`);
      if (input instanceof HTMLInputElement) showAgents(input, group.agents, time);
    }
  }
}

// Names come from the scenario, which the page's own editor lets anyone type: escaped.
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function html(text: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = text.trim();
  return template.content.firstElementChild as HTMLElement;
}
