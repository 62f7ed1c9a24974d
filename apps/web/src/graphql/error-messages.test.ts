import { describe, expect, it } from 'vitest';
import { GraphQLRequestError } from './client';
import { describeError } from './error-messages';

describe('describeError', () => {
  it('says the credentials are wrong for a failed sign-in, whichever code the API uses', () => {
    for (const code of ['INVALID_CREDENTIALS', 'UNAUTHENTICATED']) {
      expect(describeError(new GraphQLRequestError(code, 'x'), 'sign-in')).toBe('The email address or password is not correct.');
    }
  });

  it('says the session ended when a signed-in request is UNAUTHENTICATED', () => {
    expect(describeError(new GraphQLRequestError('UNAUTHENTICATED', 'x'), 'load')).toMatch(/session has ended/);
  });

  it('tells a rate-limited user how long to wait when the API says so', () => {
    expect(describeError(new GraphQLRequestError('RATE_LIMITED', 'x', 200, { retryAfter: 42 }), 'sign-in')).toBe(
      'Too many sign-in attempts. Try again in 42 seconds.',
    );
    expect(describeError(new GraphQLRequestError('RATE_LIMITED', 'x', 200, { retryAfter: 600 }), 'sign-in')).toBe(
      'Too many sign-in attempts. Try again in 10 minutes.',
    );
    expect(describeError(new GraphQLRequestError('RATE_LIMITED', 'x'), 'sign-in')).toBe('Too many sign-in attempts. Wait a few minutes and try again.');
  });

  it('explains a conflict without server text', () => {
    expect(describeError(new GraphQLRequestError('CONFLICT', 'version 3 is not the current version 4'), 'load')).toMatch(/changed by someone else/);
  });

  it('names unknown codes without echoing server text', () => {
    const message = describeError(new GraphQLRequestError('INTERNAL_SERVER_ERROR', 'at Object.<anonymous> (/srv/x.js:1:1)'), 'load');
    expect(message).toContain('INTERNAL_SERVER_ERROR');
    expect(message).not.toContain('/srv/x.js');
    expect(describeError(new TypeError('boom'), 'load')).not.toContain('boom');
  });
});
