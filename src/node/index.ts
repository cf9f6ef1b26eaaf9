// Entry `queuecast/node`: what needs Node's built-ins. Everything else is in `queuecast`.
export { replicate, compare, type ParallelOptions } from './parallel';
export { loadScenarioFile, parseScenarioText, ScenarioFileError } from './scenarioFiles';
export { toCsv } from './csv';
export { renderHtmlReport, type HtmlReportInput, type RunReportInput, type CompareReportInput } from './htmlReport';
export { readCallRecords, CallRecordReader, RecordFileError, CDR_COLUMNS, type ReadRecordsOptions, type RecordFormat } from './callRecordFiles';
export { callRecordLine, CALL_RECORDS_HEADER } from './callRecordsCsv';
export { simulatedRecords, type SimulatedRecordsOptions } from './simulatedRecords';
export { renderBacktestHtml } from './backtestHtml';
export { readIntervalReports, INTERVAL_COLUMNS } from './intervalReportFiles';
