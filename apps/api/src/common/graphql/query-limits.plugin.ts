import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  isLeafType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { createRequire } from 'node:module';
import type * as QueryComplexity from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { DEFAULT_PAGE_SIZE } from '../pagination/connection.js';
import { ErrorCode } from '../errors/error-code.js';
import type { GraphQLContext } from './graphql-context.js';

// The CommonJS build on purpose: its ESM build imports `graphql/index.mjs`, a second graphql
// instance beside the CommonJS one that NestJS and Apollo load, and schemas do not cross instances.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof QueryComplexity;

/**
 * Scalar and enum fields are columns of a row already loaded with their parent: they cost nothing.
 * What costs is loading objects and lists, so a page of 100 ledger entries with all their fields fits.
 */
const leafEstimator: ComplexityEstimator = ({ field, args }) => {
  if ('first' in args || 'after' in args) return undefined;
  return isLeafType(getNamedType(field.type)) ? 0 : undefined;
};

/** Fields with a `first` argument cost their children times the page size. */
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  if (!('first' in args) && !('after' in args)) return undefined;
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + childComplexity * Math.max(1, first);
};

/** Depth of the deepest selection, fragments included; introspection fields are not counted. */
export function queryDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const visit = (set: SelectionSetNode, depth: number, seen: Set<string>): number => {
    let max = depth;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        if (sel.selectionSet) max = Math.max(max, visit(sel.selectionSet, depth + 1, seen));
        else max = Math.max(max, depth + 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, visit(sel.selectionSet, depth, seen));
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (frag && !seen.has(name)) max = Math.max(max, visit(frag.selectionSet, depth, new Set([...seen, name])));
      }
    }
    return max;
  };
  return visit(operation.selectionSet, 0, new Set());
}

function limitError(code: ErrorCode, message: string, extra: Record<string, number>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status: 400 } } });
}

/** Refuses operations deeper or costlier than the configured limits, before they execute. */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin<GraphQLContext> {
  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    const { maxDepth, maxComplexity } = this.config.graphql;
    const schema = this.schemaHost.schema;
    return {
      async didResolveOperation({ document, operation, request }) {
        if (!operation) return;
        const depth = queryDepth(document, operation);
        if (depth > maxDepth) {
          throw limitError(ErrorCode.QUERY_TOO_DEEP, `Query depth ${depth} exceeds the limit of ${maxDepth}`, { depth, maxDepth });
        }
        let complexity: number;
        try {
          complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), connectionEstimator, leafEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch (error) {
          // Variables that do not coerce: execution refuses them (BAD_USER_INPUT) before any resolver runs.
          if (error instanceof GraphQLError) return;
          throw error;
        }
        if (complexity > maxComplexity) {
          throw limitError(ErrorCode.QUERY_TOO_COMPLEX, `Query complexity ${complexity} exceeds the limit of ${maxComplexity}`, {
            complexity,
            maxComplexity,
          });
        }
      },
    };
  }
}
