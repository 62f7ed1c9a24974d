export type EvalErrorCode = 'DATASET_NOT_FOUND' | 'DATASET_CORRUPT' | 'BAD_ARGUMENT' | 'MODEL_UNAVAILABLE';

/** Errors of the evaluation package, with a stable `code`. */
export class EvalError extends Error {
  constructor(
    readonly code: EvalErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EvalError';
  }
}
