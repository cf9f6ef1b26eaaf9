// Entry `queuecast/node`: what needs Node's built-ins. Everything else is in `queuecast`.
export { replicate, compare, type ParallelOptions } from './parallel';
export { loadScenarioFile, parseScenarioText, ScenarioFileError } from './scenarioFiles';
export { toCsv } from './csv';
export { renderHtmlReport, type HtmlReportInput, type RunReportInput, type CompareReportInput } from './htmlReport';
export { staffBySimulation, type ParallelStaffingOptions } from './staffing';
export { renderStaffingReport, type StaffingReportInput } from './staffingReport';
