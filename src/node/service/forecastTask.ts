import type { ForecastOptions, MultiLineSnapshot, WaitForecast } from '../../realtime';
import type { CenterSnapshot } from '../../realtime/snapshot';
import type { Scenario } from '../../scenario';

/** One request's forecasts, as the service hands them to a thread of its pool. */
export interface ForecastTask {
  /** The request's scenario; absent when the pool was started with one. */
  scenario?: Scenario;
  snapshot: CenterSnapshot | MultiLineSnapshot;
  /** The lines to answer, in turn (undefined: the single line). */
  lines: string[] | undefined;
  options: Omit<ForecastOptions, 'line' | 'signal'>;
  /** The service's default budget in milliseconds, when the request names none: shared while others wait (`budgetShare`). */
  defaultMilliseconds?: number;
  /** When the request's answer is due, as `Date.now()` counts (threads share that clock). */
  deadline: number;
  /** One Int32 set to 1 when the client has gone: the thread stops at its next look. */
  cancel: SharedArrayBuffer;
}

/** How a task ended (`startedAt`: when its thread took it, as `performance.timeOrigin + performance.now()`): forecasts, or none because the client went or the deadline passed first ('ready': the pool's first call, answered once the thread has loaded). */
export type ForecastTaskResult =
  | { outcome: 'ready' }
  | { outcome: 'answered'; forecasts: Array<WaitForecast & { computeMilliseconds: number }>; startedAt: number }
  | { outcome: 'cancelled' }
  | { outcome: 'expired' };
