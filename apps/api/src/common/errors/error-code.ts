/**
 * The stable `extensions.code` values of GraphQL errors. Clients rely on them: add values, never
 * rename or remove one. Feature exceptions map their own reasons onto these codes.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** The content of an upload is of a type the API does not accept (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** A draft cannot be approved: machine-made sentences without a valid source, or citations not in the record. */
  UNANCHORED_CONTENT = 'UNANCHORED_CONTENT',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The server has no room to store an upload (disk full, quota reached): HTTP 507. */
  INSUFFICIENT_STORAGE = 'INSUFFICIENT_STORAGE',
  /** The response would carry more text than AMICUS_GRAPHQL_MAX_RESPONSE_BYTES. */
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Codes that GraphQL itself (parsing, validation, variable coercion) puts on errors; passed through as they are. */
export const GRAPHQL_PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.QUERY_TOO_COMPLEX,
]);
