import { HOLDING, type CallerSlots } from './callerSlots';
import type { HoldLine } from './holdLine';

/**
 * Closing (docs/design-decisions.md, "Closing"). A line closes at `durationSeconds`: no first
 * call arrives after it (the arrival process stops there), a redial that would come after it
 * is lost (the person is gone for the day: `redials.afterClose`), and with `atClose:
 * 'disconnect'` the callers still on hold then hear the closing announcement and their call
 * ends (outcome `closed`). Callback requests are kept: the center made a promise, and its
 * agents keep it in the drain.
 *
 * Nothing here runs per event: the closing itself is one event per line that disconnects, and
 * the redial check is one comparison per redial.
 */

/** The callers on hold in `queue` (callback requests left out), in the order they joined. */
export function callersOnHold(queue: HoldLine, callers: CallerSlots): number[] {
  const slots: number[] = [];
  queue.forEachLive(callers, (slot) => {
    if (callers.state[slot] === HOLDING) slots.push(slot);
  });
  return slots;
}
