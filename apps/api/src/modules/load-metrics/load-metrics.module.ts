import { Module } from '@nestjs/common';
import { CpuPoolModule } from '../cpu-pool/cpu-pool.module.js';
import { LoadGauges } from './load-gauges.js';
import { LoadMetricsService } from './load-metrics.service.js';

/** Event-loop delay, job queue age and worker-thread pool gauges, registered in the metrics registry (GET /metrics). */
@Module({
  imports: [CpuPoolModule],
  providers: [LoadMetricsService, LoadGauges],
  exports: [LoadMetricsService],
})
export class LoadMetricsModule {}
