import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode, parse } from 'graphql';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { ErrorCode } from '../errors/error-code.js';
import type { GraphQLContext } from './graphql-context.js';
import { documentSize, operationCost } from './query-cost.js';

export type GraphQLLimits = AppConfig['graphql'];

function limitError(code: ErrorCode, message: string, extra: Record<string, number>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status: 400 } } });
}

/**
 * Size checks of a query text before it is validated (validation of a huge document is work too):
 * the parser stops after a bounded number of tokens, then fields, spreads and aliases are counted.
 * Returns the refusal, or null when the document may go on to validation.
 */
export function checkDocumentSize(source: string, limits: GraphQLLimits): GraphQLError | null {
  let document: DocumentNode;
  try {
    // Every node takes at least one token; a few tokens per node is generous for real queries.
    document = parse(source, { noLocation: true, maxTokens: limits.maxNodes * 8 });
  } catch (error) {
    if (error instanceof GraphQLError && /tokens/.test(error.message)) {
      return limitError(ErrorCode.QUERY_TOO_COMPLEX, `The query has more than ${limits.maxNodes * 8} tokens`, { maxNodes: limits.maxNodes });
    }
    return null; // a syntax error: the GraphQL server answers it as GRAPHQL_PARSE_FAILED
  }
  const size = documentSize(document, limits.maxNodes);
  if (size.nodes > limits.maxNodes) {
    return limitError(ErrorCode.QUERY_TOO_COMPLEX, `The query has more than ${limits.maxNodes} fields and fragments`, { maxNodes: limits.maxNodes });
  }
  if (size.aliases > limits.maxAliases) {
    return limitError(ErrorCode.QUERY_TOO_COMPLEX, `The query has ${size.aliases} aliases; at most ${limits.maxAliases} are allowed`, {
      aliases: size.aliases,
      maxAliases: limits.maxAliases,
    });
  }
  return null;
}

/**
 * Depth and cost checks of a validated operation. Any failure to estimate refuses the operation:
 * variables or arguments that do not coerce answer BAD_USER_INPUT, anything else QUERY_TOO_COMPLEX.
 */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: GraphQLLimits,
): GraphQLError | null {
  let measured: { depth: number; cost: number };
  try {
    measured = operationCost(schema, document, operation, variables);
  } catch (error) {
    if (error instanceof GraphQLError) return new GraphQLError(error.message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
    return limitError(ErrorCode.QUERY_TOO_COMPLEX, 'The cost of the query could not be estimated', { maxComplexity: limits.maxComplexity });
  }
  if (measured.depth > limits.maxDepth) {
    return limitError(ErrorCode.QUERY_TOO_DEEP, `Query depth ${measured.depth} exceeds the limit of ${limits.maxDepth}`, {
      depth: measured.depth,
      maxDepth: limits.maxDepth,
    });
  }
  if (!(measured.cost <= limits.maxComplexity)) {
    const complexity = Number.isFinite(measured.cost) ? measured.cost : Number.MAX_SAFE_INTEGER;
    return limitError(ErrorCode.QUERY_TOO_COMPLEX, `Query complexity ${complexity} exceeds the limit of ${limits.maxComplexity}`, {
      complexity,
      maxComplexity: limits.maxComplexity,
    });
  }
  return null;
}

/** Refuses operations deeper or costlier than the configured limits, before they execute. */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin<GraphQLContext> {
  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    const limits = this.config.graphql;
    const schema = this.schemaHost.schema;
    return {
      async didResolveOperation({ document, operation, request }) {
        if (!operation) return;
        const refusal = checkOperation(schema, document, operation, request.variables ?? undefined, limits);
        if (refusal) throw refusal;
      },
    };
  }
}
