import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CpuPool } from '../cpu-pool/cpu-pool.service.js';

/** One gauge reading: the metric's name and help, its labels and value (Prometheus naming and units). */
export interface LoadSample {
  name: string;
  help: string;
  labels: Record<string, string>;
  value: number;
}

/** The gauges `collect` reports, by name, with their help text and label names (for registering them once). */
export const LOAD_GAUGES = {
  amicus_event_loop_lag_seconds: { help: 'Event-loop delay of the API thread since the previous collection, by quantile (0.5, 0.99, 1 = max).', labelNames: ['quantile'] },
  amicus_job_queue_age_seconds: { help: 'How long the oldest due queued job of each type has waited (0 when none waits).', labelNames: ['type'] },
  amicus_jobs: { help: 'Jobs queued or running, by type and state.', labelNames: ['type', 'state'] },
  amicus_worker_threads: { help: 'Worker threads of the CPU pool.', labelNames: [] },
  amicus_worker_thread_queue: { help: 'CPU tasks waiting for a free worker thread.', labelNames: [] },
} as const;

export type LoadGaugeName = keyof typeof LOAD_GAUGES;

/**
 * Measurements of how loaded the API is, for the metrics endpoint: the event-loop delay of the API
 * thread, the age of the job queue, and the worker-thread pool. `collect()` returns plain samples;
 * the metrics module registers one gauge per `LOAD_GAUGES` entry whose collect callback sets them.
 */
@Injectable()
export class LoadMetricsService implements OnApplicationShutdown {
  private readonly lag: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor(
    private readonly dataSource: DataSource,
    private readonly cpu: CpuPool,
  ) {
    this.lag.enable();
  }

  async collect(now = Date.now()): Promise<LoadSample[]> {
    const sample = (name: LoadGaugeName, labels: Record<string, string>, value: number): LoadSample => ({ name, help: LOAD_GAUGES[name].help, labels, value });
    const seconds = (ns: number) => (Number.isFinite(ns) ? ns / 1e9 : 0);
    const samples = [
      sample('amicus_event_loop_lag_seconds', { quantile: '0.5' }, seconds(this.lag.percentile(50))),
      sample('amicus_event_loop_lag_seconds', { quantile: '0.99' }, seconds(this.lag.percentile(99))),
      sample('amicus_event_loop_lag_seconds', { quantile: '1' }, seconds(this.lag.max)),
      sample('amicus_worker_threads', {}, this.cpu.threadCount),
      sample('amicus_worker_thread_queue', {}, this.cpu.queueSize),
    ];
    this.lag.reset();
    const rows: Array<{ type: string; state: string; n: number | string; due: number | string; oldest: number | string | null }> = await this.dataSource.query(
      `SELECT type, state, COUNT(*) AS n, SUM(CASE WHEN run_after <= ${this.param()} THEN 1 ELSE 0 END) AS due, ` +
        `MIN(CASE WHEN run_after <= ${this.param()} THEN run_after END) AS oldest FROM jobs WHERE state IN ('queued', 'running') GROUP BY type, state`,
      this.dataSource.options.type === 'postgres' ? [now] : [now, now],
    );
    for (const r of rows) {
      samples.push(sample('amicus_jobs', { type: r.type, state: r.state }, Number(r.n)));
      if (r.state === 'queued') samples.push(sample('amicus_job_queue_age_seconds', { type: r.type }, r.oldest === null ? 0 : Math.max(0, now - Number(r.oldest)) / 1000));
    }
    return samples;
  }

  onApplicationShutdown(): void {
    this.lag.disable();
  }

  private param(): string {
    return this.dataSource.options.type === 'postgres' ? '$1' : '?';
  }
}
