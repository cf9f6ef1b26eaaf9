import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
}

describe('progress on stderr', () => {
  it('shows replications done and the time left on a terminal, and ends the line when done', () => {
    const { stream, written } = fakeStream(true);
    const report = progressReporter('simulating', stream)!;
    report(1, 4);
    report(4, 4);
    expect(written[0]).toMatch(/^\r\x1b\[2Ksimulating: 1\/4 replications, about \d+ s left$/);
    expect(written[1]).toMatch(/simulating: 4\/4 replications, done in [\d.]+ s$/);
    expect(written[2]).toBe('\n');
  });

  it('is silent when piped', () => {
    expect(progressReporter('simulating', fakeStream(false).stream)).toBeUndefined();
  });
});
