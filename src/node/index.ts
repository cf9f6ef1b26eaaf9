// Entry `queuecast/node`: what needs Node's built-ins. Everything else is in `queuecast`.
export { replicate, compare, type ParallelOptions } from './parallel';
export { loadScenarioFile, parseScenarioText, ScenarioFileError } from './scenarioFiles';
export { toCsv } from './csv';
export { renderHtmlReport, type HtmlReportInput, type RunReportInput, type CompareReportInput } from './htmlReport';
export { createForecastServer, type ForecastServerOptions } from './service/forecastServer';
export { parseForecastRequest, type ForecastRequest, type RequestLimits, type RequestProblem } from './service/forecastRequest';
export { closeGracefully } from './service/httpExchange';
export { jsonLog, type Log, type LogEntry } from './service/jsonLog';
export { sweep, type ParallelSweepOptions } from './parallelSweep';
export { runClusterWorker, type ClusterWorker, type ClusterWorkerOptions } from './cluster/clusterWorker';
export { ClusterError, type ClusterOptions } from './cluster/connection';
export type { ReplicationJob, ReplicationRunner } from './replicationJobs';
export { replicationRunner } from './parallel';
export { renderSweepReport, type SweepReportInput } from './sweepReport';
