import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { Public } from '../../common/auth/auth.decorators.js';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { metricsRegistry, renderMetrics } from './metrics.registry.js';

interface TextResponse {
  status(code: number): TextResponse;
  setHeader(name: string, value: string): void;
  send(body: string): void;
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * `GET /metrics`: every series in the Prometheus text format. Open when AMICUS_METRICS_TOKEN is
 * unset; otherwise the scraper sends `Authorization: Bearer <token>` (anything else is 401).
 */
@Controller()
export class MetricsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get('metrics')
  async metrics(@Headers('authorization') authorization: string | undefined, @Res() res: TextResponse): Promise<void> {
    const token = this.config.metrics.token;
    if (token !== undefined) {
      const given = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1] ?? '';
      if (!sameSecret(given, token)) {
        res.setHeader('www-authenticate', 'Bearer realm="metrics"');
        res.status(401).send('metrics need the bearer token of AMICUS_METRICS_TOKEN\n');
        return;
      }
    }
    res.setHeader('content-type', metricsRegistry.contentType);
    res.status(200).send(await renderMetrics());
  }
}
