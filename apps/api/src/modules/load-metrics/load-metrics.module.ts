import { Module } from '@nestjs/common';
import { CpuPoolModule } from '../cpu-pool/cpu-pool.module.js';
import { LoadMetricsService } from './load-metrics.service.js';

/** Event-loop delay, job queue age and worker-thread pool gauges, for the metrics endpoint to register. */
@Module({
  imports: [CpuPoolModule],
  providers: [LoadMetricsService],
  exports: [LoadMetricsService],
})
export class LoadMetricsModule {}
