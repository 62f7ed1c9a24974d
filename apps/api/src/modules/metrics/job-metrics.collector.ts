import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueueFigure, setJobFigureSource } from './metrics.registry.js';

const LIVE_STATES = ['queued', 'running'];

/** Feeds the queue gauges (depth and oldest age by type and state) from the jobs table at scrape time. */
@Injectable()
export class JobMetricsCollector implements OnModuleInit, OnModuleDestroy {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    setJobFigureSource(() => this.figures());
  }

  onModuleDestroy(): void {
    setJobFigureSource(null);
  }

  async figures(now: number = Date.now()): Promise<JobQueueFigure[]> {
    if (!this.dataSource.isInitialized) return [];
    const p = this.dataSource.options.type === 'postgres' ? ['$1', '$2'] : ['?', '?'];
    const rows = (await this.dataSource.query(
      `SELECT type, state, COUNT(*) AS n, MIN(created_at) AS oldest FROM jobs WHERE state IN (${p.join(', ')}) GROUP BY type, state`,
      LIVE_STATES,
    )) as Array<{ type: string; state: string; n: string | number; oldest: string | number }>;
    return rows.map((r) => ({
      type: r.type,
      state: r.state,
      count: Number(r.n),
      oldestAgeSeconds: Math.max(0, (now - Number(r.oldest)) / 1000),
    }));
  }
}
