/**
 * The forecast service's figures in the Prometheus text exposition format (version 0.0.4):
 * requests by route and status, errors by route and kind, a histogram of how long the
 * forecasts took and the futures they ran, the queue's depth, and the requests shed or
 * cancelled under load. A few metric families do not warrant a dependency (prom-client and its
 * default process collectors): the format is a few lines of text, checked by a parser in the
 * tests.
 */
export class ServiceMetrics {
  private readonly requests = new Map<string, number>();
  private readonly errors = new Map<string, number>();
  // Upper bounds, in seconds: from a small center's 1 ms to the work limit's fifth of a second and past it.
  private readonly bounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
  private readonly bucketCounts = new Array<number>(this.bounds.length).fill(0);
  private forecasts = 0;
  private forecastSeconds = 0;
  private futures = 0;
  private readonly shedRequests = new Map<string, number>();
  private cancelledRequests = 0;
  /** Requests waiting for a thread now (read when scraped). */
  queueDepth: () => number = () => 0;

  /** One answered request. `route` is one of a fixed few, so that a scan of random paths adds no series. */
  request(route: string, method: string, status: number): void {
    increment(this.requests, `route="${route}",method="${method}",status="${status}"`);
    if (status >= 400) increment(this.errors, `route="${route}",kind="${status >= 500 ? 'internal' : 'client'}"`);
  }

  /** One request shed with 503: the queue was full, or its deadline passed while it waited. */
  shed(reason: 'queue full' | 'deadline'): void {
    increment(this.shedRequests, `reason="${reason}"`);
  }

  /** One request whose client went before its answer: its work was stopped. */
  cancelled(): void {
    this.cancelledRequests++;
  }

  /** One forecast computed, in seconds, from this many futures. */
  forecast(seconds: number, futures: number): void {
    this.forecasts++;
    this.forecastSeconds += seconds;
    this.futures += futures;
    for (let i = 0; i < this.bounds.length; i++) if (seconds <= this.bounds[i]!) this.bucketCounts[i]!++;
  }

  /** The exposition text. */
  text(): string {
    const lines = [
      '# HELP queuecast_http_requests_total HTTP requests answered, by route, method and status.',
      '# TYPE queuecast_http_requests_total counter',
      ...series('queuecast_http_requests_total', this.requests),
      '# HELP queuecast_http_errors_total Requests answered with an error: client (4xx) or internal (5xx).',
      '# TYPE queuecast_http_errors_total counter',
      ...series('queuecast_http_errors_total', this.errors),
      '# HELP queuecast_forecast_duration_seconds Time spent computing forecasts (one per line answered).',
      '# TYPE queuecast_forecast_duration_seconds histogram',
      ...this.bounds.map((bound, i) => `queuecast_forecast_duration_seconds_bucket{le="${bound}"} ${this.bucketCounts[i]}`),
      `queuecast_forecast_duration_seconds_bucket{le="+Inf"} ${this.forecasts}`,
      `queuecast_forecast_duration_seconds_sum ${this.forecastSeconds}`,
      `queuecast_forecast_duration_seconds_count ${this.forecasts}`,
      '# HELP queuecast_forecast_futures_total Futures simulated, over all forecasts (per forecast: divide by queuecast_forecast_duration_seconds_count).',
      '# TYPE queuecast_forecast_futures_total counter',
      `queuecast_forecast_futures_total ${this.futures}`,
      '# HELP queuecast_queue_depth Requests waiting for a forecast thread.',
      '# TYPE queuecast_queue_depth gauge',
      `queuecast_queue_depth ${this.queueDepth()}`,
      '# HELP queuecast_shed_requests_total Requests answered 503 (Retry-After) under load, by reason.',
      '# TYPE queuecast_shed_requests_total counter',
      ...series('queuecast_shed_requests_total', this.shedRequests),
      '# HELP queuecast_cancelled_requests_total Requests whose client went before the answer: their work was stopped (or never started).',
      '# TYPE queuecast_cancelled_requests_total counter',
      `queuecast_cancelled_requests_total ${this.cancelledRequests}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}

/** The content type of the exposition format. */
export const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';

function increment(map: Map<string, number>, labels: string): void {
  map.set(labels, (map.get(labels) ?? 0) + 1);
}

function series(name: string, map: Map<string, number>): string[] {
  return [...map].map(([labels, value]) => `${name}{${labels}} ${value}`);
}
