import type { Subscriber } from 'rxjs';
import { Observable } from './rx';
import type { ResolvedScenario, Scenario } from '../scenario';
import type { EventSink } from './eventEmitter';
import type { SimEvent } from './events';
import { runInto, type SimulateOptions } from './simulate';
import { OptionsError } from '../errors';

/** Options of `simulateBatches()`. */
export interface SimulateBatchesOptions extends SimulateOptions {
  /** Most events in one batch; default 1024. A batch is also sent at the end of each slice. */
  batchSize?: number;
}

/**
 * The events of `simulate()`, in the same order, delivered in arrays: one notification per
 * batch instead of per event, which costs a consumer that takes arrays (a chart, a socket, a
 * file writer) far less. The stream is cold and stops when unsubscribed, like `simulate()`.
 *
 * @example
 * simulateBatches(scenario).subscribe((events) => socket.send(JSON.stringify(events)));
 * @see simulate
 */
export function simulateBatches(scenario: Scenario | ResolvedScenario, options: SimulateBatchesOptions = {}): Observable<SimEvent[]> {
  const batchSize = options.batchSize ?? 1024;
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) {
    throw new OptionsError('simulateBatches', [{ path: 'batchSize', expected: 'an integer >= 1', received: batchSize }]);
  }
  return new Observable<SimEvent[]>((subscriber) => runInto(scenario, options, subscriber, new BatchSink(subscriber, batchSize)));
}

/** Gathers events into arrays of at most `size`, sent when full and at each flush. */
class BatchSink implements EventSink {
  // Each batch is allocated at its full size and filled by index: pushing grew it a dozen
  // times on the way to 1024 events, copying it each time.
  private batch: SimEvent[];
  private count = 0;

  constructor(
    private readonly subscriber: Subscriber<SimEvent[]>,
    private readonly size: number,
  ) {
    this.batch = new Array<SimEvent>(size);
  }

  push(event: SimEvent): void {
    this.batch[this.count++] = event;
    if (this.count === this.size) this.flush();
  }

  flush(): void {
    if (this.count === 0) return;
    const full = this.batch;
    if (this.count < this.size) full.length = this.count;
    this.batch = new Array<SimEvent>(this.size);
    this.count = 0;
    this.subscriber.next(full);
  }
}
