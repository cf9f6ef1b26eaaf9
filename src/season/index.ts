export { runSeason, runSeasonSync, runScenario, runScenarioSync, scenarioSlices, daySeed, type DayOptions } from './runSeason';
export { isoWeek, type SeasonReport, type SeasonDayRow, type SeasonWeekRow } from './seasonReport';
export { run, runSync, isSeasonReport } from './run';
