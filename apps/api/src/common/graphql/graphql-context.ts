import type { IncomingMessage } from 'node:http';
import type { Principal } from '../auth/principal.js';
import { RequestLoaders } from './request-loaders.js';
import { ResponseBudget } from './response-budget.js';

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
  /** Bytes of large text the response may still carry. */
  responseBudget: ResponseBudget;
}

/** The context factory of GraphQL over HTTP; `maxResponseBytes` caps the text of one response. */
export function graphQLContextFactory(maxResponseBytes: number): (args: { req: ApiRequest }) => GraphQLContext {
  return ({ req }) => ({ req, loaders: new RequestLoaders(), responseBudget: new ResponseBudget(maxResponseBytes) });
}
