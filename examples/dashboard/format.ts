// How the dashboard writes its figures.

export const thousands = (x: number) => Math.round(x).toLocaleString('en-US');
export const percent = (x: number) => `${Math.round(x * 100)}%`;

/** Seconds as `m:ss`, or `h:mm:ss` from an hour. */
export function duration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor(whole / 60) % 60;
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Writes a figure: its text for people, its raw number in `data-value` for tests and tools. */
export function showFigure(target: HTMLElement, value: number, text: string, level?: 'good' | 'warn' | 'bad'): void {
  const raw = String(value);
  if (target.dataset.value !== raw) target.dataset.value = raw;
  if (target.textContent !== text) target.textContent = text;
  if (level !== undefined) {
    const tile = target.closest('.tile');
    if (tile && tile.getAttribute('data-level') !== level) tile.setAttribute('data-level', level);
  }
}
