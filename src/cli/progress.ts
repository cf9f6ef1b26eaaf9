/**
 * Progress of long runs on stderr: replications done and an estimate of the time left. It
 * writes only to a terminal, so piped or redirected output stays clean.
 */
export function progressReporter(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY) return undefined;
  const started = performance.now();
  return (done, total) => {
    const elapsed = (performance.now() - started) / 1000;
    const left = done > 0 ? (elapsed / done) * (total - done) : NaN;
    const eta = done === total ? `done in ${elapsed.toFixed(1)} s` : `about ${Math.ceil(left)} s left`;
    stream.write(`\r\x1b[2K${label}: ${done}/${total} replications, ${eta}`);
    if (done === total) stream.write('\n');
  };
}
