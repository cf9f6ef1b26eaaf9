import type { SimEvent } from '../../src';
import { LiveFigures } from './liveFigures';

/** One agent group now. */
export interface GroupFigures {
  busy: number;
  onDuty: number;
}

/**
 * The figures of a center of several lines, kept from a run's events: the whole center's
 * (`total`, which also samples the chart), each line's own (its calls only), and each group's
 * agents busy and on duty.
 *
 * @example
 * const figures = new CenterFigures();
 * simulate(center, { realtime: { speed: 60 } }).subscribe((event) => figures.apply(event));
 * figures.lines.get('claims')?.onHold;
 */
export class CenterFigures {
  readonly total = new LiveFigures();
  readonly lines = new Map<string, LiveFigures>();
  readonly groups = new Map<string, GroupFigures>();

  apply(event: SimEvent): void {
    this.total.apply(event);
    if ('line' in event) this.line(event.line).apply(event);
    // The run's start and end (and the clock) reach every line.
    else if (event.type !== 'agents-changed') for (const line of this.lines.values()) line.apply(event);
    switch (event.type) {
      case 'agents-changed':
        this.group(event.group).onDuty = event.onDuty;
        break;
      case 'answered':
      case 'callback-dialed':
        this.group(event.group).busy++;
        break;
      case 'call-ended':
      case 'callback-unanswered':
        this.group(event.group).busy--;
        break;
    }
  }

  /** A line's figures, created on its first event (they see `run-started` through `total`'s window). */
  private line(name: string): LiveFigures {
    let figures = this.lines.get(name);
    if (!figures) {
      figures = new LiveFigures();
      figures.durationSeconds = this.total.durationSeconds;
      figures.serviceLevelSeconds = this.total.serviceLevelSeconds;
      this.lines.set(name, figures);
    }
    return figures;
  }

  private group(name: string): GroupFigures {
    let figures = this.groups.get(name);
    if (!figures) {
      figures = { busy: 0, onDuty: 0 };
      this.groups.set(name, figures);
    }
    return figures;
  }
}
