// Plain-language messages for the API's stable error codes.
import { GraphQLRequestError } from './client';

export type ErrorContext = 'sign-in' | 'load';

function retryHint(error: GraphQLRequestError): string {
  const seconds = Number(error.extensions.retryAfter ?? error.extensions.retryAfterSeconds);
  if (Number.isFinite(seconds) && seconds > 0) {
    const minutes = Math.ceil(seconds / 60);
    return seconds < 90 ? ` Try again in ${Math.ceil(seconds)} seconds.` : ` Try again in ${minutes} minutes.`;
  }
  return ' Wait a few minutes and try again.';
}

/** A message for the person using Amicus; never a stack trace or raw server text for unknown failures. */
export function describeError(error: unknown, context: ErrorContext): string {
  if (!(error instanceof GraphQLRequestError)) return 'Something went wrong. Try again, and tell the court’s IT support if it keeps happening.';
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return 'The email address or password is not correct.';
    case 'UNAUTHENTICATED':
      return context === 'sign-in' ? 'The email address or password is not correct.' : 'Your session has ended. Sign in again.';
    case 'RATE_LIMITED':
      return context === 'sign-in'
        ? `Too many sign-in attempts.${retryHint(error)}`
        : `Too many requests.${retryHint(error)}`;
    case 'ACCOUNT_DISABLED':
      return 'This account is disabled. Ask an administrator to enable it.';
    case 'FORBIDDEN':
      return 'You do not have permission to do this.';
    case 'NOT_FOUND':
      return 'It could not be found. It may have been removed, or you may not have access to it.';
    case 'BAD_USER_INPUT':
      return context === 'sign-in' ? 'Enter a valid email address and your password.' : `The request was not accepted: ${error.message}`;
    case 'CONFLICT':
      return 'It was changed by someone else in the meantime, or its state does not allow this. Reload and try again.';
    case 'NETWORK_ERROR':
      return 'Amicus could not reach the server. Check the network connection and try again.';
    default:
      return `Something went wrong (${error.code}). Try again, and tell the court’s IT support if it keeps happening.`;
  }
}
