import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { metricsRegistry } from '../metrics/metrics.registry.js';
import { LOAD_GAUGES, LoadGaugeName, LoadMetricsService, LoadSample } from './load-metrics.service.js';

/**
 * Registers one prom-client gauge per `LOAD_GAUGES` entry in the process's metrics registry. All of
 * them are set from a single `LoadMetricsService.collect()` per scrape (the collect callbacks of one
 * scrape share the read in flight), so the event-loop histogram is reset once per scrape.
 */
@Injectable()
export class LoadGauges implements OnModuleInit, OnModuleDestroy {
  private inFlight: Promise<LoadSample[]> | null = null;

  constructor(private readonly load: LoadMetricsService) {}

  onModuleInit(): void {
    for (const name of Object.keys(LOAD_GAUGES) as LoadGaugeName[]) {
      metricsRegistry.removeSingleMetric(name);
      const read = () => this.samples();
      new Gauge({
        name,
        help: LOAD_GAUGES[name].help,
        labelNames: [...LOAD_GAUGES[name].labelNames],
        registers: [metricsRegistry],
        async collect() {
          this.reset();
          for (const s of await read()) if (s.name === name) this.set(s.labels, s.value);
        },
      });
    }
  }

  onModuleDestroy(): void {
    for (const name of Object.keys(LOAD_GAUGES)) metricsRegistry.removeSingleMetric(name);
  }

  private samples(): Promise<LoadSample[]> {
    this.inFlight ??= this.load.collect().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }
}
