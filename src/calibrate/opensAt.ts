import { clockTime } from '../scenario';

/** `{ opensAt }` for a day that opens `seconds` after midnight, when that is a whole minute of the day; else nothing. */
export function opensAtOf(seconds: number): { opensAt?: string } {
  return seconds % 60 === 0 && seconds < 86_400 ? { opensAt: clockTime({ opensAtSeconds: 0 }, seconds) } : {};
}
