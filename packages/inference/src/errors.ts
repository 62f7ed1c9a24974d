/** Stable codes for the errors this package throws; callers switch on `code`, never on messages. */
export type InferenceErrorCode = 'EMPTY_INPUT' | 'NOT_TEXT' | 'MODEL_INTEGRITY' | 'INVALID_OPTIONS';

export class InferenceError extends Error {
  constructor(
    readonly code: InferenceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input holds no text to summarize (empty, whitespace only, or no sentences). */
export class EmptyInputError extends InferenceError {
  constructor(message = 'the input contains no text to summarize') {
    super('EMPTY_INPUT', message);
  }
}

/** The input is not text (binary data, or text decoded from a binary file). */
export class NotTextError extends InferenceError {
  constructor(message = 'the input is not text') {
    super('NOT_TEXT', message);
  }
}

/** A model directory does not match its manifest. `file` names the offending file. */
export class ModelIntegrityError extends InferenceError {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super('MODEL_INTEGRITY', `model file ${file}: ${reason}`);
  }
}

/** Summarization options out of range or contradictory. */
export class InvalidOptionsError extends InferenceError {
  constructor(message: string) {
    super('INVALID_OPTIONS', message);
  }
}
