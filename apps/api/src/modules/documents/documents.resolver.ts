import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentPrincipal } from '../../common/auth/auth.decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { PAGE_TEXT_COST, TEXT_FIELD_COST } from '../../common/graphql/query-cost.js';
import { groupByKeys } from '../../common/graphql/request-loaders.js';
import { Connection, DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor, mapConnection } from '../../common/pagination/connection.js';
import { CaseType } from '../cases/dto/case.type.js';
import { JobType, toJobType } from '../jobs/dto/job.type.js';
import { DocumentMentionEntity, DocumentPageEntity } from './document.entity.js';
import { pageLookup } from './document-pages.js';
import { CaseBriefType, toCaseBriefType } from './dto/case-brief.type.js';
import { joinPages } from './documents.repository.js';
import { DocumentsService } from './documents.service.js';
import {
  CaseDocumentsArgs,
  DocumentConnection,
  DocumentEntitiesArgs,
  DocumentMentionType,
  DocumentPageConnection,
  DocumentPagesArgs,
  DocumentTextArgs,
  DocumentType,
  toDocumentMentionType,
  toDocumentPageType,
  toDocumentType,
} from './dto/document.type.js';

/** Documents in GraphQL: `document(id)`, `Case.documents` and the fields of `Document`, all batched per request. */
@Resolver(() => DocumentType)
export class DocumentsResolver {
  constructor(private readonly service: DocumentsService) {}

  @Query(() => DocumentType, { nullable: true, description: 'One document; null when it does not exist or its case is not visible to the caller.' })
  async document(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'Document id.' }) id: string,
  ): Promise<DocumentType | null> {
    const d = await this.service.find(principal, id);
    return d ? toDocumentType(d) : null;
  }

  @Query(() => CaseBriefType, {
    nullable: true,
    description: 'The structured brief of a case from its extracted documents (court, numbers, parties, judges, timeline, issues, outcome, authorities, statutes), each field with its sources; null when the case does not exist or is not visible.',
  })
  async caseBrief(
    @CurrentPrincipal() principal: Principal,
    @Args('caseId', { type: () => ID, description: 'Case id.' }) caseId: string,
  ): Promise<CaseBriefType | null> {
    const built = await this.service.caseBrief(principal, caseId);
    if (!built) return null;
    return toCaseBriefType(built.brief, built.documents.map((d) => d.documentId), pageLookup(built.documents));
  }

  @ResolveField('job', () => JobType, { nullable: true, description: 'The extraction job, with its state and progress.' })
  async job(@Parent() d: DocumentType, @Context() ctx: GraphQLContext): Promise<JobType | null> {
    if (!d.jobId) return null;
    const loader = ctx.loaders.get('documents.jobById', () =>
      new DataLoader<string, JobType | null>(async (ids) => {
        const jobs = new Map((await this.service.jobsByIds(ids)).map((j) => [j.id, toJobType(j)]));
        return ids.map((id) => jobs.get(id) ?? null);
      }),
    );
    return loader.load(d.jobId);
  }

  @ResolveField('text', () => String, {
    nullable: true,
    complexity: ({ args, childComplexity }) => childComplexity + (args.page ? PAGE_TEXT_COST : TEXT_FIELD_COST),
    description: 'The extracted text: the whole document, or one page. Null until extraction is done, or for a page that does not exist.',
  })
  async text(@Parent() d: DocumentType, @Args() args: DocumentTextArgs, @Context() ctx: GraphQLContext): Promise<string | null> {
    const pages = await this.pagesLoader(ctx).load(d.id);
    if (pages.length === 0) return null;
    const text = args.page === undefined || args.page === null ? joinPages(pages) : (pages.find((p) => p.number === args.page)?.text ?? null);
    ctx.responseBudget.charge(text);
    return text;
  }

  @ResolveField('pageTexts', () => DocumentPageConnection, { description: 'Pages with their text, in order (empty until extraction is done).' })
  async pageTexts(@Parent() d: DocumentType, @Args() args: DocumentPagesArgs, @Context() ctx: GraphQLContext): Promise<Connection<ReturnType<typeof toDocumentPageType>>> {
    const pages = await this.pagesLoader(ctx).load(d.id);
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const after = args.after ? Number(decodeCursor(args.after)[0]) : 0;
    const rest = pages.filter((p) => p.number > after);
    const edges = rest.slice(0, first).map((p) => ({ cursor: encodeCursor(p.number, d.id), node: toDocumentPageType(p) }));
    ctx.responseBudget.charge(...edges.map((e) => e.node.text));
    return {
      edges,
      pageInfo: { hasNextPage: rest.length > first, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
      totalCount: pages.length,
    };
  }

  @ResolveField('entities', () => [DocumentMentionType], { description: 'Entities found in the text, in text order (empty until extraction is done).' })
  async entities(@Parent() d: DocumentType, @Args() args: DocumentEntitiesArgs, @Context() ctx: GraphQLContext): Promise<DocumentMentionType[]> {
    const loader = ctx.loaders.get('documents.mentionsByDocumentId', () =>
      new DataLoader<string, DocumentMentionEntity[]>(async (ids) => groupByKeys(ids, await this.service.mentionsOf(ids), (m) => m.documentId)),
    );
    const mentions = await loader.load(d.id);
    return mentions.filter((m) => (!args.type || m.type === args.type) && (!args.page || m.page === args.page)).map(toDocumentMentionType);
  }

  private pagesLoader(ctx: GraphQLContext): DataLoader<string, DocumentPageEntity[]> {
    return ctx.loaders.get('documents.pagesByDocumentId', () =>
      new DataLoader<string, DocumentPageEntity[]>(async (ids) => groupByKeys(ids, await this.service.pagesOf(ids), (p) => p.documentId)),
    );
  }
}

/** `Case.documents`: one query per request for all cases in it (with the same page arguments). */
@Resolver(() => CaseType)
export class CaseDocumentsResolver {
  constructor(private readonly service: DocumentsService) {}

  @ResolveField('documents', () => DocumentConnection, { description: 'Documents of the case, oldest first.' })
  async documents(@Parent() c: CaseType, @Args() args: CaseDocumentsArgs, @Context() ctx: GraphQLContext): Promise<Connection<DocumentType>> {
    const key = `documents.byCaseId:${args.first ?? ''}:${args.after ?? ''}`;
    const loader = ctx.loaders.get(key, () =>
      new DataLoader<string, Connection<DocumentType>>(async (ids) =>
        (await this.service.pageOfCases(ids, args)).map((conn) => mapConnection(conn, toDocumentType)),
      ),
    );
    return loader.load(c.id);
  }
}
