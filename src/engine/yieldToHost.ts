/**
 * Resolves on the host's next macrotask, so that I/O and timers waiting behind a long
 * simulation get their turn.
 *
 * `setTimeout(0)` alone would do, but browsers clamp nested timeouts to 4 ms, which would cost a
 * run of a few hundred slices a visible second; `setImmediate` (Node, Deno) and `MessageChannel`
 * (browsers, workers) have no clamp. Only globals are used: no Node built-in is imported.
 */
export function yieldToHost(): Promise<void> {
  schedule ??= pickScheduler();
  const next = schedule;
  return new Promise((resolve) => next(resolve));
}

// Picked on first use, so that importing the library starts nothing.
let schedule: ((callback: () => void) => void) | undefined;

function pickScheduler(): (callback: () => void) => void {
  const host = globalThis as {
    setImmediate?: (callback: () => void) => unknown;
    MessageChannel?: typeof MessageChannel;
  };
  if (typeof host.setImmediate === 'function') {
    const setImmediate = host.setImmediate;
    return (callback) => void setImmediate(callback);
  }
  if (typeof host.MessageChannel === 'function') {
    const channel = new host.MessageChannel();
    const pending: Array<() => void> = [];
    channel.port1.onmessage = () => pending.shift()?.();
    return (callback) => {
      pending.push(callback);
      channel.port2.postMessage(null);
    };
  }
  return (callback) => void setTimeout(callback, 0);
}
