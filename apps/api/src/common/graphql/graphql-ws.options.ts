import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { ApiRequest, GraphQLContext } from './graphql-context.js';
import type { AppConfig } from '../../config/app-config.js';
import { RequestLoaders } from './request-loaders.js';
import { ResponseBudget } from './response-budget.js';

/** Resolves a bearer token to a principal; throws when the token is invalid or expired. */
export interface TokenAuthenticator {
  authenticate(token: string): Promise<unknown>;
}

/** The bearer token a graphql-ws client sends in `connectionParams` (`{ authorization: 'Bearer …' }` or `{ token }`). */
export function tokenFromConnectionParams(params: Readonly<Record<string, unknown>> | undefined): string | null {
  const raw = params?.authorization ?? params?.Authorization ?? params?.token;
  if (typeof raw !== 'string') return null;
  const m = /^(?:Bearer\s+)?(\S+)\s*$/i.exec(raw.trim());
  return m ? m[1] : null;
}

/**
 * graphql-ws server options: the connection is refused unless `connectionParams` carry a valid
 * bearer token. Each operation then gets a context whose `req` carries the same Authorization header,
 * so the global AuthGuard authenticates subscriptions exactly as it does HTTP requests (an expired
 * token fails the next subscribe).
 */
export function graphqlWsOptions(
  auth: TokenAuthenticator,
  limits: AppConfig['graphql'],
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): Partial<ServerOptions> {
  // errors of subscriptions get the same stable extensions.code as errors over HTTP
  const format = (error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError =>
    formatError(error instanceof GraphQLError ? error.toJSON() : error, error);
  return {
    onError: (_ctx, _id, _payload, errors) => errors.map(format),
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(format) } : result),
    onConnect: async (ctx) => {
      const token = tokenFromConnectionParams(ctx.connectionParams);
      if (!token) return false;
      try {
        await auth.authenticate(token);
        return true;
      } catch {
        return false;
      }
    },
    context: (ctx): GraphQLContext => {
      const token = tokenFromConnectionParams(ctx.connectionParams);
      const upgrade = (ctx.extra as { request?: ApiRequest }).request;
      const req = {
        headers: { ...(upgrade?.headers ?? {}), authorization: token ? `Bearer ${token}` : undefined },
        socket: upgrade?.socket,
        ip: upgrade?.socket?.remoteAddress,
      } as unknown as ApiRequest;
      return { req, loaders: new RequestLoaders(), responseBudget: new ResponseBudget(limits.maxResponseBytes) };
    },
  };
}
