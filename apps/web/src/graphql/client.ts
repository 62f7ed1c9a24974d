// A small typed GraphQL client over fetch. Documents come from generated.ts, which pairs each
// operation's text with its result and variables types.

/** An operation's source text, tagged with its result and variables types. */
export interface TypedDocument<TResult, TVariables> {
  readonly operationName: string;
  readonly source: string;
  /** Type carriers only; never set at run time. */
  readonly __result?: TResult;
  readonly __variables?: TVariables;
}

/** Codes the client adds for failures that never reached a GraphQL response. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** A failed request, carrying the server's `extensions.code` (or a client code). */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';

  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export interface GraphQLClient {
  request<TResult, TVariables>(document: TypedDocument<TResult, TVariables>, variables: TVariables): Promise<TResult>;
}

export interface GraphQLClientOptions {
  endpoint: string;
  /** The bearer token to send, or null when signed out. */
  getToken: () => string | null;
  /** Called once per failed request whose errors say UNAUTHENTICATED. */
  onUnauthenticated?: () => void;
  fetch?: typeof fetch;
}

interface WireError {
  message?: unknown;
  extensions?: { code?: unknown } & Record<string, unknown>;
}

interface WireResponse {
  data?: unknown;
  errors?: WireError[];
}

function isWireResponse(value: unknown): value is WireResponse {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value);
}

function toRequestError(error: WireError, status: number): GraphQLRequestError {
  const extensions = error.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  const message = typeof error.message === 'string' ? error.message : 'The request failed.';
  return new GraphQLRequestError(code, message, status, extensions);
}

export function createGraphQLClient(options: GraphQLClientOptions): GraphQLClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  return {
    async request<TResult, TVariables>(document: TypedDocument<TResult, TVariables>, variables: TVariables): Promise<TResult> {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      };
      const token = options.getToken();
      if (token) headers.authorization = `Bearer ${token}`;

      let response: Response;
      try {
        response = await doFetch(options.endpoint, {
          method: 'POST',
          headers,
          body: JSON.stringify({ operationName: document.operationName, query: document.source, variables }),
        });
      } catch (cause) {
        throw new GraphQLRequestError('NETWORK_ERROR', `The server could not be reached (${String(cause)}).`);
      }

      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new GraphQLRequestError('BAD_RESPONSE', `The server answered ${response.status} without a GraphQL response.`, response.status);
      }
      if (!isWireResponse(body)) {
        throw new GraphQLRequestError('BAD_RESPONSE', `The server answered ${response.status} without a GraphQL response.`, response.status);
      }

      if (body.errors && body.errors.length > 0) {
        const errors = body.errors.map((e) => toRequestError(e, response.status));
        if (errors.some((e) => e.code === 'UNAUTHENTICATED')) {
          options.onUnauthenticated?.();
          throw errors.find((e) => e.code === 'UNAUTHENTICATED')!;
        }
        throw errors[0];
      }
      if (body.data === undefined || body.data === null) {
        throw new GraphQLRequestError('BAD_RESPONSE', 'The server answered without data.', response.status);
      }
      return body.data as TResult;
    },
  };
}
