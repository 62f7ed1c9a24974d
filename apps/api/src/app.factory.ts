import type { IncomingMessage, ServerResponse } from 'node:http';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { createRootLogger, PinoNestLogger, pinoLevelOf, requestLogging } from './common/logging/logger.js';
import { httpMetricsMiddleware } from './modules/metrics/http-metrics.middleware.js';
import { ErrorCode } from './common/errors/error-code.js';
import { checkDocumentSize } from './common/graphql/query-limits.plugin.js';
import { securityHeaders } from './common/http/security-headers.js';
import { assertRedisReachable } from './database/redis-preflight.js';
import type { AppConfig } from './config/app-config.js';

export interface CreateAppOptions {
  /** Nest log levels, overriding AMICUS_LOG_LEVEL (tests pass ['error']). */
  logLevels?: LogLevel[] | false;
  /** Where the JSON log goes (default: standard output). */
  logDestination?: DestinationStream;
}

function sendJsonError(res: ServerResponse, status: number, code: ErrorCode | string, message: string, extra: Record<string, unknown> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { ...extra, code } }] }));
}

type GraphQLHttpRequest = IncomingMessage & { body?: unknown; query?: Record<string, unknown> };

/** The query text of a GraphQL HTTP request (POST body or GET parameter), when there is one. */
function querySource(req: GraphQLHttpRequest): string | undefined {
  const body = req.body as { query?: unknown } | undefined;
  const source = req.method === 'GET' ? req.query?.query : body?.query;
  return typeof source === 'string' ? source : undefined;
}

/**
 * Builds the API application (HTTP + GraphQL + database, migrations applied) without listening.
 * Used by main.ts and by the integration tests: `const app = await createApp(config); await app.listen(0)`.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  if (config.redisUrl) await assertRedisReachable(config.redisUrl);
  const root = createRootLogger(options.logLevels === undefined ? config.logLevel : pinoLevelOf(options.logLevels), options.logDestination);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: new PinoNestLogger(root),
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.use(securityHeaders(config.nodeEnv === 'development'));
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
  // NUL characters in a path (ids) are refused before they reach the database
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (/%00/i.test(req.url ?? '') || (req.url ?? '').includes('\u0000')) return sendJsonError(res, 400, ErrorCode.BAD_USER_INPUT, 'The request path must not contain NUL characters');
    return next();
  });
  // Oversized documents are refused before the GraphQL server parses and validates them.
  app.use('/graphql', (req: GraphQLHttpRequest, res: ServerResponse, next: () => void) => {
    const source = querySource(req);
    const refusal = source === undefined ? null : checkDocumentSize(source, config.graphql);
    if (!refusal) return next();
    const { http: _http, code, ...extensions } = refusal.extensions;
    return sendJsonError(res, 400, String(code), refusal.message, extensions);
  });
  await app.init();
  return app;
}
