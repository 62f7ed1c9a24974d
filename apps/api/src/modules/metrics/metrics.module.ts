import { Module } from '@nestjs/common';
import { GraphQLMetricsPlugin } from './graphql-metrics.plugin.js';
import { JobMetricsCollector } from './job-metrics.collector.js';
import { MetricsController } from './metrics.controller.js';

/**
 * `GET /metrics` and the collectors that need the application (queue gauges, GraphQL timings).
 * The series themselves are defined in metrics.registry.ts; features import and update them.
 */
@Module({
  controllers: [MetricsController],
  providers: [JobMetricsCollector, GraphQLMetricsPlugin],
})
export class MetricsModule {}
