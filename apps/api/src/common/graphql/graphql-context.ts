import type { IncomingMessage } from 'node:http';
import type { Principal } from '../auth/principal.js';
import { RequestLoaders } from './request-loaders.js';

/** The HTTP request as the API sees it: the authenticated principal is attached by the AuthGuard. */
export interface ApiRequest extends IncomingMessage {
  ip?: string;
  principal?: Principal | null;
  principalPromise?: Promise<Principal | null>;
}

/** The context of every GraphQL operation. */
export interface GraphQLContext {
  req: ApiRequest;
  loaders: RequestLoaders;
}

export function createGraphQLContext({ req }: { req: ApiRequest }): GraphQLContext {
  return { req, loaders: new RequestLoaders() };
}
