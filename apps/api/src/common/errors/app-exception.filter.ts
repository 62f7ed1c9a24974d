import { ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { AppException } from './app.exception.js';
import { ErrorCode } from './error-code.js';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.PAYLOAD_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.UNANCHORED_CONTENT]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.INSUFFICIENT_STORAGE]: HttpStatus.INSUFFICIENT_STORAGE,
};

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * Expected errors are answers, not failures: hand them to the GraphQL error mapper (or answer an
 * HTTP route with the same shape) instead of letting Nest log them as unhandled.
 */
@Catch(AppException)
export class AppExceptionFilter implements GqlExceptionFilter {
  catch(exception: AppException, host: ArgumentsHost): AppException | void {
    if (host.getType<string>() === 'graphql') return exception;
    const res = host.switchToHttp().getResponse<JsonResponse>();
    res.status(HTTP_STATUS[exception.code] ?? HttpStatus.BAD_REQUEST).json({
      errors: [{ message: exception.message, extensions: { code: exception.code, ...(exception.reason ? { reason: exception.reason } : {}) } }],
    });
  }
}
