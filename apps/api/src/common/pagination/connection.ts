import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Brackets, QueryFailedError, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputException } from '../errors/app.exception.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow the last edge of this page.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` to get the next page.' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Arguments of every connection field: the Relay forward-pagination pair. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (an `endCursor` or edge `cursor`).' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  after?: string;
}

/**
 * Declares the GraphQL `<Name>Edge` and `<Name>Connection` types for a node type.
 *   @ObjectType({ description: '…' }) export class CaseConnection extends ConnectionType(CaseType, 'Case') {}
 */
export function ConnectionType<T>(nodeType: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `An edge of a ${name} connection.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionBase {
    @Field(() => [EdgeType], { description: 'The items of this page.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page is in the whole list.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list (all pages) that the caller may see.' })
    totalCount: number;
  }
  return ConnectionBase as Type<Connection<T>>;
}

type SortValue = string | number | Date;

export interface KeysetOptions<E> {
  /** Alias of the main entity in the query builder. */
  alias: string;
  /** Sort column as `alias.property`, e.g. `c.filedDate`; values must be non-null (Dates at millisecond precision). */
  sortColumn: string;
  sortValue: (entity: E) => SortValue;
  direction: 'ASC' | 'DESC';
  /** The unique tie-breaker column, e.g. `c.id`. */
  idColumn: string;
  id: (entity: E) => string;
}

/** The cursor of an item: its sort value and id (also used by batched per-parent connections). */
export function encodeCursor(value: SortValue, id: string): string {
  const v = value instanceof Date ? { d: value.toISOString() } : value;
  return Buffer.from(JSON.stringify([v, id]), 'utf8').toString('base64url');
}

/** The sort value and id in a cursor; BAD_USER_INPUT when it is not one. */
export function decodeCursor(cursor: string): [SortValue, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      const [v, id] = parsed as [unknown, string];
      if (typeof v === 'string' || typeof v === 'number') return [v, id];
      if (v && typeof v === 'object' && typeof (v as { d?: unknown }).d === 'string') {
        const d = new Date((v as { d: string }).d);
        if (!Number.isNaN(d.getTime())) return [d, id];
      }
    }
  } catch {
    // fall through
  }
  throw new BadUserInputException('Invalid cursor', { argument: 'after' });
}

/**
 * Whether a cursor's sort value has the type of the sort column (from the entity's metadata): a
 * forged cursor with text where a date or number is sorted is refused the same on both databases.
 */
function fitsSortColumn<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, keyset: KeysetOptions<E>, value: SortValue): boolean {
  const [alias, property] = keyset.sortColumn.split('.');
  const metadata = qb.expressionMap.aliases.find((a) => a.name === alias)?.metadata;
  const column = metadata?.findColumnWithPropertyPath(property);
  if (!column) return true;
  // `type: Date` columns hold points in time; the string 'date' is a calendar date
  const type = column.type === Date ? 'timestamp' : typeof column.type === 'function' ? column.type.name.toLowerCase() : String(column.type).toLowerCase();
  if (type === 'date' && !(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))) return false;
  if (['datetime', 'timestamp', 'timestamptz'].includes(type) && !(value instanceof Date)) return false;
  if (['integer', 'int', 'bigint', 'float', 'double', 'numeric', 'number'].includes(type) && typeof value !== 'number') return false;
  if (['varchar', 'text', 'string', 'uuid', 'character varying'].includes(type) && typeof value !== 'string') return false;
  return true;
}

/**
 * The one pagination helper: keyset (cursor) pagination of a filtered query builder, with the
 * total count of the same filter. Apply access control to `qb` before calling.
 */
export async function paginate<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  args: PageArgs,
  keyset: KeysetOptions<E>,
): Promise<Connection<E>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const totalCount = await qb.clone().getCount();
  const page = qb.clone();
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    if (!fitsSortColumn(qb, keyset, value)) throw new BadUserInputException('Invalid cursor', { argument: 'after' });
    const op = keyset.direction === 'ASC' ? '>' : '<';
    page.andWhere(
      new Brackets((w) => {
        w.where(`${keyset.sortColumn} ${op} :cursorValue`, { cursorValue: value }).orWhere(
          new Brackets((w2) => {
            w2.where(`${keyset.sortColumn} = :cursorValue`, { cursorValue: value }).andWhere(`${keyset.idColumn} ${op} :cursorId`, {
              cursorId: id,
            });
          }),
        );
      }),
    );
  }
  page.orderBy(keyset.sortColumn, keyset.direction).addOrderBy(keyset.idColumn, keyset.direction);
  const rows = first === 0 ? [] : await page.limit(first + 1).getMany().catch((error: unknown) => {
    // a cursor whose value does not fit the sort column (a forged one): PostgreSQL data exception (class 22)
    if (args.after && error instanceof QueryFailedError && /^22/.test(String((error.driverError as { code?: string } | undefined)?.code))) {
      throw new BadUserInputException('Invalid cursor', { argument: 'after' });
    }
    throw error;
  });
  const hasNextPage = rows.length > first;
  const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor(keyset.sortValue(node), keyset.id(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}

/** Maps the nodes of a connection (entity → GraphQL type). */
export function mapConnection<A, B>(connection: Connection<A>, map: (node: A) => B): Connection<B> {
  return {
    ...connection,
    edges: connection.edges.map((e) => ({ cursor: e.cursor, node: map(e.node) })),
  };
}
