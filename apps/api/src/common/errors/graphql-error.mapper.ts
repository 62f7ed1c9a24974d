import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { isUniqueViolation } from '../../database/errors.js';
import { AppException } from './app.exception.js';
import { ErrorCode, GRAPHQL_PROTOCOL_CODES } from './error-code.js';

const logger = new Logger('GraphQLErrors');

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  429: ErrorCode.RATE_LIMITED,
};


function publicError(formatted: GraphQLFormattedError, code: string, message: string, extra?: Record<string, unknown>): GraphQLFormattedError {
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { ...extra, code },
  };
}

/**
 * The one place where errors become GraphQL errors with stable `extensions.code` values.
 * Unexpected errors are logged and answered as INTERNAL_SERVER_ERROR without their message;
 * stack traces are included only outside production.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  let original = error;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  const stack = !production && original instanceof Error && original.stack ? { stacktrace: original.stack.split('\n') } : undefined;

  if (original instanceof AppException) {
    return publicError(formatted, original.code, original.message, {
      ...(original.reason ? { reason: original.reason } : {}),
      ...(original.details ?? {}),
    });
  }
  if (original instanceof HttpException) {
    const code = HTTP_STATUS_CODES[original.getStatus()];
    if (code) return publicError(formatted, code, original.message);
  }
  if (isUniqueViolation(original)) {
    return publicError(formatted, ErrorCode.CONFLICT, 'The value is already in use');
  }
  // Errors GraphQL itself raises before execution (syntax, validation, variable coercion, query
  // limits) carry no path; their codes pass through.
  const code = formatted.extensions?.code;
  if (!formatted.path && typeof code === 'string' && GRAPHQL_PROTOCOL_CODES.has(code)) {
    const { stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
    return publicError(formatted, code, formatted.message, { ...extensions, ...(production ? {} : { stacktrace }) });
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return publicError(formatted, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error', stack);
}
