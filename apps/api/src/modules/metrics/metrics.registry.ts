// The one Prometheus registry of the process and every series Amicus exports. A feature that
// measures something imports its metric from here (or defines a new one here), so names, help
// texts and label sets live in one place and `/metrics` shows them all.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();

// process_resident_memory_bytes, nodejs_heap_size_used_bytes, nodejs_eventloop_lag_seconds (and
// its percentiles), open file descriptors, GC time: prom-client's standard process metrics.
collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 20 });

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const JOB_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

export const httpRequests = new Counter({
  name: 'amicus_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpDuration = new Histogram({
  name: 'amicus_http_request_duration_seconds',
  help: 'HTTP request latency, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const graphqlOperations = new Counter({
  name: 'amicus_graphql_operations_total',
  help: 'GraphQL operations, by operation name, operation type and outcome (ok or error)',
  labelNames: ['operation', 'type', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const graphqlDuration = new Histogram({
  name: 'amicus_graphql_operation_duration_seconds',
  help: 'GraphQL operation latency, by operation name and operation type',
  labelNames: ['operation', 'type'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const jobDuration = new Histogram({
  name: 'amicus_job_duration_seconds',
  help: 'Time a worker spent on one job run, by job type and outcome (succeeded, failed, retry, cancelled, released)',
  labelNames: ['type', 'outcome'] as const,
  buckets: JOB_BUCKETS,
  registers: [metricsRegistry],
});

export const inferenceDuration = new Histogram({
  name: 'amicus_inference_duration_seconds',
  help: 'Model inference time per summarized document, by model (name@version)',
  labelNames: ['model'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 60],
  registers: [metricsRegistry],
});

export const inferenceWordsPerSecond = new Histogram({
  name: 'amicus_inference_words_per_second',
  help: 'Words of source text the model read per second of inference, per document, by model',
  labelNames: ['model'] as const,
  buckets: [500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000],
  registers: [metricsRegistry],
});

export const extractionPages = new Counter({
  name: 'amicus_extraction_pages_total',
  help: 'Pages of text extracted from uploaded documents, by method (text layer or ocr)',
  labelNames: ['method'] as const,
  registers: [metricsRegistry],
});

export const extractionPagesPerSecond = new Histogram({
  name: 'amicus_extraction_pages_per_second',
  help: 'Extraction speed per document in pages per second',
  buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250],
  registers: [metricsRegistry],
});

export const ledgerEntries = new Counter({
  name: 'amicus_ledger_entries_total',
  help: 'Entries appended to the responsibility ledger by this process, by action',
  labelNames: ['action'] as const,
  registers: [metricsRegistry],
});

/** Queue figures read from the jobs table at scrape time (see JobMetricsCollector). */
export interface JobQueueFigure {
  type: string;
  state: string;
  count: number;
  oldestAgeSeconds: number;
}

let jobFigures: (() => Promise<JobQueueFigure[]>) | null = null;

/** Sets (or clears, with null) where the queue gauges read their figures at scrape time. */
export function setJobFigureSource(source: (() => Promise<JobQueueFigure[]>) | null): void {
  jobFigures = source;
}

const jobQueueDepth = new Gauge({
  name: 'amicus_job_queue_depth',
  help: 'Jobs waiting or running, by job type and state (read from the jobs table at scrape time)',
  labelNames: ['type', 'state'] as const,
  registers: [metricsRegistry],
});

const jobOldestAge = new Gauge({
  name: 'amicus_job_oldest_age_seconds',
  help: 'Age of the oldest job waiting or running, by job type and state',
  labelNames: ['type', 'state'] as const,
  registers: [metricsRegistry],
});

/** Reads the queue figures once per scrape; both gauges are set from the same read. */
async function refreshJobGauges(): Promise<void> {
  jobQueueDepth.reset();
  jobOldestAge.reset();
  if (!jobFigures) return;
  for (const f of await jobFigures()) {
    jobQueueDepth.set({ type: f.type, state: f.state }, f.count);
    jobOldestAge.set({ type: f.type, state: f.state }, f.oldestAgeSeconds);
  }
}

/** The text exposition of every series (refreshing the gauges read from the database first). */
export async function renderMetrics(): Promise<string> {
  await refreshJobGauges();
  return metricsRegistry.metrics();
}

/** Seconds elapsed since `startNs` (process.hrtime.bigint()). */
export function secondsSince(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e9;
}
