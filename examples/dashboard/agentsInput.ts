// The agents typed into the page (the line's, or a group's): what is accepted, what is said
// when it is not, and what a roster shows.
import type { Agents } from '../../src';

export const MAX_AGENTS = 1000;

/**
 * Reads an agents input: the count when it is a whole number from 1 to MAX_AGENTS, else the
 * message saying why it is not used (an empty field, as while typing, says nothing). The
 * scenario needs at least one agent: with none, no caller would ever be answered.
 */
export function readAgentsInput(input: HTMLInputElement, onDuty: number): { agents?: number; message: string } {
  const text = input.value.trim();
  const agents = Number(text);
  const valid = text !== '' && Number.isInteger(agents) && agents >= 1 && agents <= MAX_AGENTS;
  input.setAttribute('aria-invalid', String(text !== '' && !valid));
  if (valid) return { agents, message: '' };
  if (text === '') return { message: '' };
  return { message: `${text} agents: expected a whole number from 1 to ${MAX_AGENTS}; the day runs on with ${onDuty}.` };
}

/** The agents a scenario puts on duty at simulated time `time`: a roster's count for that interval, its last count after it. */
export function agentsAt(agents: Agents, time: number): number {
  if (typeof agents === 'number') return agents;
  const k = Math.min(agents.perInterval.length - 1, Math.max(0, Math.floor(time / agents.intervalSeconds)));
  return agents.perInterval[k]!;
}

/**
 * Shows the agents of a scenario in its input: a constant to edit, or (disabled) a roster's
 * count for the interval at `time`, so the field is never blank while agents are on duty.
 */
export function showAgents(input: HTMLInputElement, agents: Agents, time: number): void {
  const roster = typeof agents !== 'number';
  if (input.disabled !== roster) input.disabled = roster;
  if (!roster) return;
  const value = String(agentsAt(agents, time));
  if (input.value !== value) input.value = value;
}
