import { AppException } from '../errors/app.exception.js';
import { ErrorCode } from '../errors/error-code.js';

/**
 * The bytes of text one GraphQL response may still carry. Resolvers of large text fields (document
 * texts, pages) charge what they return before returning it, so an operation that asks for the
 * same large text many times is stopped before the response is built, not after.
 */
export class ResponseBudget {
  private used = 0;

  constructor(readonly maxBytes: number) {}

  /** Charges `texts` to the response; throws RESPONSE_TOO_LARGE once the response would exceed the cap. */
  charge(...texts: Array<string | null | undefined>): void {
    for (const text of texts) if (text) this.used += Buffer.byteLength(text, 'utf8');
    if (this.used > this.maxBytes) {
      throw new AppException(
        ErrorCode.RESPONSE_TOO_LARGE,
        `The response would exceed ${this.maxBytes} bytes of text; ask for fewer or smaller fields (pages)`,
        undefined,
        { maxResponseBytes: this.maxBytes },
      );
    }
  }
}
