/** One log entry: a message and its fields, written as one JSON object on one line. */
export type LogEntry = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, unknown>;

/** Where the service's log goes. */
export type Log = (entry: LogEntry) => void;

/**
 * A log that writes each entry as one line of JSON with its time first (for jq, Loki, Cloud
 * Logging and the like). Errors become `{ name, message, stack }`, which JSON would drop.
 *
 * @example
 * const log = jsonLog((line) => process.stdout.write(line));
 * log({ level: 'info', msg: 'listening', url: 'http://127.0.0.1:8787' });
 */
export function jsonLog(write: (line: string) => void): Log {
  return (entry) => {
    write(`${JSON.stringify({ time: new Date().toISOString(), ...entry }, (_key, value: unknown) =>
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value)}\n`);
  };
}
