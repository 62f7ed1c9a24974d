import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { ErrorCode } from '../errors/error-code.js';
import type { GraphQLContext } from './graphql-context.js';

/** Whether `value` (a variable value, any depth) holds a string with a NUL character. */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.values(value).some(hasNul);
  return false;
}

/** Whether a string literal of the document holds a NUL character. */
function documentHasNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}

/**
 * Refuses input with NUL characters (in variables or string literals) as BAD_USER_INPUT before
 * anything runs: no text the API stores or searches can contain one, and PostgreSQL rejects it.
 */
@Plugin()
export class NulInputPlugin implements ApolloServerPlugin<GraphQLContext> {
  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    return {
      async didResolveOperation({ document, request }) {
        if (hasNul(request.variables) || documentHasNul(document)) {
          throw new GraphQLError('Text must not contain NUL characters', { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
        }
      },
    };
  }
}
