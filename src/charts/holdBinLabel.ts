/**
 * The label a planner reads under a bar of the hold-time distribution: `0 s` (answered at
 * once), `≤10 s`, `10–20 s`, `1–2 min`, `1–1.5 h`, `> 2 h`. Each bar is in the unit of its
 * upper edge: seconds up to a minute, minutes up to an hour, hours beyond.
 *
 * @example
 * holdBinLabel(60, 120); // '1–2 min'
 * holdBinLabel(7200, null); // '> 2 h'
 * @see holdDistributionChart
 */
export function holdBinLabel(fromSeconds: number, toSeconds: number | null): string {
  if (toSeconds === null) {
    const unit = unitFor(fromSeconds);
    return `> ${amount(fromSeconds, unit)} ${unit.name}`;
  }
  if (toSeconds === 0) return '0 s';
  const unit = unitFor(toSeconds);
  if (fromSeconds === 0) return `≤${amount(toSeconds, unit)} ${unit.name}`;
  return `${amount(fromSeconds, unit)}–${amount(toSeconds, unit)} ${unit.name}`;
}

interface Unit {
  name: string;
  seconds: number;
}

function unitFor(seconds: number): Unit {
  if (seconds <= 60) return { name: 's', seconds: 1 };
  if (seconds <= 3600) return { name: 'min', seconds: 60 };
  return { name: 'h', seconds: 3600 };
}

function amount(seconds: number, unit: Unit): string {
  return String(Math.round((seconds / unit.seconds) * 100) / 100);
}
