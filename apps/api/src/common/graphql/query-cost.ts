// Depth and cost of a GraphQL operation, in time linear in the document: every fragment is measured
// once (memoized) however often it is spread, so a document of fragments that spread each other
// twice (a "fragment bomb") is priced at its true, exponential size without being expanded.
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  GraphQLInterfaceType,
  GraphQLObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  typeFromAST,
  visit,
  BREAK,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values.js';
import { DEFAULT_PAGE_SIZE } from '../pagination/connection.js';

/** What a field's `complexity` (GraphQL field extension) receives when it is a function. */
export interface FieldCostArgs {
  args: Record<string, unknown>;
  childComplexity: number;
}

/** A field's cost: a number, or a function of its arguments and its selection's cost. */
export type FieldCost = number | ((options: FieldCostArgs) => number);

/** Large text fields cost this much, so that many aliases of them are refused before they run. */
export const TEXT_FIELD_COST = 50;
/** A page of text (one page of a document) costs this much. */
export const PAGE_TEXT_COST = 5;

/** Counts of an operation's document, taken before validation. */
export interface DocumentSize {
  /** Fields (aliased or not), fragment spreads and inline fragments in the document as written. */
  nodes: number;
  /** Fields written with an alias. */
  aliases: number;
}

/** Counts selections in one pass over the document, stopping early once `stopAt` nodes are seen. */
export function documentSize(document: DocumentNode, stopAt = Number.POSITIVE_INFINITY): DocumentSize {
  let nodes = 0;
  let aliases = 0;
  const count = () => (++nodes > stopAt ? BREAK : undefined);
  visit(document, {
    Field(node) {
      if (node.alias) aliases++;
      return count();
    },
    FragmentSpread: count,
    InlineFragment: count,
  });
  return { nodes, aliases };
}

/**
 * Depth and estimated cost of `operation`. Cost: 1 per field plus its selection, unless the field
 * declares a `complexity` extension (large texts do); in a connection (a field with `first` or
 * `after`) the `edges` and `nodes` cost their selection × the page size. Fragment spreads cost and reach what their fragment
 * does, computed once per fragment. Throws GraphQLError for variables or arguments that do not
 * coerce. Introspection fields (`__typename`, `__schema`, …) cost 1 each and add no depth.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): { depth: number; cost: number } {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) throw coerced.errors[0];
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, Measured>();
  const inProgress = new Set<string>();

  // `pageSize`: the selection is that of a connection field; its `edges` and `nodes` repeat per item.
  const measure = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, pageSize?: number): Measured => {
    let depth = 0;
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (name.startsWith('__') || !parent) {
          // introspection: costs what it selects, adds no depth
          cost += 1 + (sel.selectionSet ? measure(sel.selectionSet, undefined).cost : 0);
          continue;
        }
        const field = isObjectOrInterface(parent) ? parent.getFields()[name] : undefined;
        if (!field) throw new GraphQLError(`Cannot query field "${name}" on type "${parent.name}"`);
        const args = getArgumentValues(field, sel, variables);
        const page = connectionPageSize(args);
        const child = sel.selectionSet ? measure(sel.selectionSet, getNamedType(field.type), page) : { depth: 0, cost: 0 };
        depth = Math.max(depth, child.depth + 1);
        const own = fieldCost(field, args, child.cost);
        cost += pageSize !== undefined && (name === 'edges' || name === 'nodes') ? own * pageSize : own;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? (typeFromAST(schema, sel.typeCondition) as GraphQLNamedType | undefined) : parent;
        const inner = measure(sel.selectionSet, type, pageSize);
        depth = Math.max(depth, inner.depth);
        cost += inner.cost;
      } else {
        const inner = measureFragment(sel.name.value, pageSize);
        depth = Math.max(depth, inner.depth);
        cost += inner.cost;
      }
    }
    return { depth, cost };
  };

  const measureFragment = (name: string, pageSize: number | undefined): Measured => {
    const key = `${name}@${pageSize ?? ''}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) throw new GraphQLError(`Unknown fragment "${name}"`);
    if (inProgress.has(name)) throw new GraphQLError(`Fragment "${name}" spreads itself`);
    inProgress.add(name);
    const result = measure(fragment.selectionSet, typeFromAST(schema, fragment.typeCondition) as GraphQLNamedType | undefined, pageSize);
    inProgress.delete(name);
    memo.set(key, result);
    return result;
  };

  const root =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) throw new GraphQLError(`The schema has no ${operation.operation} type`);
  return measure(operation.selectionSet, root);
}

function isObjectOrInterface(type: GraphQLNamedType): type is GraphQLObjectType | GraphQLInterfaceType {
  return isObjectType(type) || isInterfaceType(type);
}

interface Measured {
  depth: number;
  cost: number;
}

/** The page size of a connection field (one with `first` or `after`), or undefined for other fields. */
function connectionPageSize(args: Record<string, unknown>): number | undefined {
  if (!('first' in args) && !('after' in args)) return undefined;
  return Math.max(1, typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE);
}

function fieldCost(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, childComplexity: number): number {
  const declared = field.extensions?.complexity as FieldCost | undefined;
  if (typeof declared === 'number') return declared + childComplexity;
  if (typeof declared === 'function') return declared({ args, childComplexity });
  return 1 + childComplexity;
}
