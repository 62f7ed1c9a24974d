// Plain-language messages for the API's stable error codes (and feature reasons), in the interface language.
import { t } from '../i18n/instance';
import en from '../i18n/locales/en';
import { GraphQLRequestError } from './client';

export type ErrorContext = 'sign-in' | 'load';

type Reason = keyof typeof en.errors.reasons;

function retryHint(error: GraphQLRequestError): string {
  const seconds = Number(error.extensions.retryAfter ?? error.extensions.retryAfterSeconds);
  if (Number.isFinite(seconds) && seconds > 0) {
    return seconds < 90 ? t('errors.retrySeconds', { n: Math.ceil(seconds) }) : t('errors.retryMinutes', { n: Math.ceil(seconds / 60) });
  }
  return t('errors.retryLater');
}

/** A message for the person using Amicus; never a stack trace or raw server text for unknown failures. */
export function describeError(error: unknown, context: ErrorContext): string {
  if (!(error instanceof GraphQLRequestError)) return t('errors.generic');
  const reason = error.extensions.reason;
  if (typeof reason === 'string' && reason in en.errors.reasons) return t(`errors.reasons.${reason as Reason}`);
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return t('errors.invalidCredentials');
    case 'UNAUTHENTICATED':
      return context === 'sign-in' ? t('errors.invalidCredentials') : t('errors.sessionEnded');
    case 'RATE_LIMITED':
      return context === 'sign-in' ? t('errors.rateLimitedSignIn', { hint: retryHint(error) }) : t('errors.rateLimited', { hint: retryHint(error) });
    case 'ACCOUNT_DISABLED':
      return t('errors.accountDisabled');
    case 'FORBIDDEN':
      return t('errors.forbidden');
    case 'NOT_FOUND':
      return t('errors.notFound');
    case 'BAD_USER_INPUT':
      return context === 'sign-in' ? t('errors.badInputSignIn') : t('errors.badInput', { message: error.message });
    case 'CONFLICT':
      return t('errors.conflict');
    case 'NETWORK_ERROR':
      return t('errors.network');
    case 'QUERY_TOO_COMPLEX':
      return t('errors.tooComplex');
    default:
      return t('errors.unknownCode', { code: error.code });
  }
}
