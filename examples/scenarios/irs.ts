// The IRS-like line of irs-like.yaml (where its calibration is explained), its callback
// variant irs-like-callback.yaml and both over a season (irs-season*.yaml), for the example
// scripts and tests.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { requireSingleLine, validateScenario, type CallbackPolicy, type SingleLineScenario } from '../../src';

function load(file: string): SingleLineScenario {
  return requireSingleLine(validateScenario(parse(readFileSync(new URL(file, import.meta.url), 'utf8'))), file);
}

export const irsBaseline = load('./irs-like.yaml');
export const irsWithCallback = load('./irs-like-callback.yaml');
export const irsCallback: CallbackPolicy = irsWithCallback.callback!;
/** The same line over four weeks of a filing season (a calendar), without and with the callback. */
export const irsSeason = load('./irs-season.yaml');
export const irsSeasonWithCallback = load('./irs-season-callback.yaml');

/** Agents per half hour at a share of the offered load (calls x handle / interval), at least 5. */
export function irsRoster(staffingShare: number): number[] {
  const { perInterval, intervalSeconds } = irsBaseline.arrivals as { perInterval: readonly number[]; intervalSeconds: number };
  const handleSeconds = (irsBaseline.handleTime as { meanSeconds: number }).meanSeconds;
  return perInterval.map((calls) => Math.max(5, Math.round((staffingShare * calls * handleSeconds) / intervalSeconds)));
}
