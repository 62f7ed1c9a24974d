// Structured JSON logs (pino). One root logger per process; Nest's own messages, the HTTP access log
// and job logs all go through it, each line with the request id (and job id) of its context.
// What is logged: ids, routes, statuses, durations, counts, error codes. Never request or response
// bodies, document or case text, passwords, tokens or headers that carry them.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService, LogLevel } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { LogLevelName } from './log-level.js';
import { currentContext, runInContext } from './request-context.js';


/** Paths pino blanks in any object logged, whatever a caller passes by mistake. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.token',
  '*.text',
  '*.content',
  'password',
  'token',
];

export function createRootLogger(level: LogLevelName, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT, censor: '[redacted]' },
    formatters: { level: (label: string) => ({ level: label }) },
    // every line written in a request's or job's context carries its ids
    mixin: (merge: object) => {
      const context = currentContext();
      if (!context) return {};
      const own = merge as Record<string, unknown>;
      return Object.fromEntries(Object.entries(context).filter(([key]) => own[key] === undefined));
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

const NEST_TO_PINO: Record<LogLevel, Level> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/** The most verbose pino level among Nest log levels (false: nothing). */
export function pinoLevelOf(levels: LogLevel[] | false): LogLevelName {
  if (levels === false || levels.length === 0) return 'silent';
  const order: Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
  return order.find((l) => levels.some((n) => NEST_TO_PINO[n] === l)) ?? 'silent';
}

/** Nest's LoggerService over the pino root logger (`new Logger('Context')` in the code writes here). */
export class PinoNestLogger implements LoggerService {
  constructor(readonly root: Logger) {}

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.root.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = typeof rest.at(-1) === 'string' && rest.length > 0 ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (level === 'error' && typeof rest[0] === 'string') fields.stack = rest[0];
    if (message instanceof Error) this.root[level]({ ...fields, err: message }, message.message);
    else if (message !== null && typeof message === 'object') this.root[level]({ ...fields, ...(message as object) });
    else this.root[level](fields, String(message));
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

type Next = (error?: unknown) => void;

/**
 * The HTTP access log and request context: takes a well-formed X-Request-Id from the client (a
 * reverse proxy's) or makes one, echoes it in the response, and runs the rest of the request in
 * its context. One line per request: method, path without the query, status, time.
 */
export function requestLogging(root: Logger): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const http = pinoHttp({
    logger: root,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    // the serializers keep headers, query strings and bodies out of the access log
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: (req.url ?? '').split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customAttributeKeys: { reqId: 'requestId' },
  });
  return (req, res, next) => {
    http(req, res);
    runInContext({ requestId: String((req as IncomingMessage & { id?: unknown }).id) }, () => next());
  };
}
