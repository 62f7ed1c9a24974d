import type { IncomingMessage, ServerResponse } from 'node:http';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { createRootLogger, PinoNestLogger, pinoLevelOf, requestLogging } from './common/logging/logger.js';
import { httpMetricsMiddleware } from './modules/metrics/http-metrics.middleware.js';
import { ErrorCode } from './common/errors/error-code.js';
import type { AppConfig } from './config/app-config.js';

export interface CreateAppOptions {
  /** Nest log levels, overriding AMICUS_LOG_LEVEL (tests pass ['error']). */
  logLevels?: LogLevel[] | false;
  /** Where the JSON log goes (default: standard output). */
  logDestination?: DestinationStream;
}

function sendJsonError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Builds the API application (HTTP + GraphQL + database, migrations applied) without listening.
 * Used by main.ts and by the integration tests: `const app = await createApp(config); await app.listen(0)`.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const root = createRootLogger(options.logLevels === undefined ? config.logLevel : pinoLevelOf(options.logLevels), options.logDestination);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: new PinoNestLogger(root),
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.use(requestLogging(root));
  app.use(httpMetricsMiddleware);
  app.useBodyParser('json', { limit: config.maxRequestBytes });
  // Body-parser failures (too large, malformed JSON) answer in the GraphQL error shape.
  app.use((err: { status?: number; type?: string } | undefined, _req: IncomingMessage, res: ServerResponse, next: (e?: unknown) => void) => {
    if (!err) return next();
    if (err.status === 413 || err.type === 'entity.too.large') {
      return sendJsonError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `Request body exceeds ${config.maxRequestBytes} bytes`);
    }
    if (err.status === 400) return sendJsonError(res, 400, ErrorCode.BAD_USER_INPUT, 'Malformed request body');
    return next(err);
  });
  await app.init();
  return app;
}
