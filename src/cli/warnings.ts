// Doubts about scenarios that run: said on stderr, before the run, without stopping it.
import { compareWarnings, scenarioWarnings, type ResolvedScenario, type Scenario, type ScenarioWarning } from '../scenario';

function write(where: string, warnings: readonly ScenarioWarning[]): void {
  for (const { path, message } of warnings) process.stderr.write(`queuecast: warning: ${where}: ${path}: ${message}\n`);
}

/** Warns of what is worth a second look in a scenario file (`scenarioWarnings`). */
export function warnOfScenario(file: string, scenario: Scenario | ResolvedScenario): void {
  write(file, scenarioWarnings(scenario));
}

/** Warns when the variant is not a what-if of the baseline's center (`compareWarnings`). */
export function warnOfComparison(variantFile: string, baseline: Scenario | ResolvedScenario, variant: Scenario | ResolvedScenario): void {
  write(variantFile, compareWarnings(baseline, variant));
}
