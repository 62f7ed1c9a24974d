import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentPrincipal } from '../../common/auth/auth.decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { groupByKeys } from '../../common/graphql/request-loaders.js';
import { CaseType } from '../cases/dto/case.type.js';
import { JobType, toJobType } from '../jobs/dto/job.type.js';
import { SummariesArgs, SummarizeCaseArgs, SummarizeDocumentArgs, SummaryType, toSummaryType } from './dto/summary.type.js';
import { SummariesService } from './summaries.service.js';
import { SummaryEntity } from './summary.entity.js';

/** Summaries in GraphQL: start one (a job), list a case's versions, read one. */
@Resolver(() => SummaryType)
export class SummariesResolver {
  constructor(private readonly service: SummariesService) {}

  @Mutation(() => JobType, { description: 'Starts summarizing every extracted document of a case; poll the job (or subscribe to jobProgress), then read `summaries`.' })
  async summarizeCase(@CurrentPrincipal() principal: Principal, @Args() args: SummarizeCaseArgs): Promise<JobType> {
    return toJobType(await this.service.summarizeCase(principal, args.caseId, args.length, args.words));
  }

  @Mutation(() => JobType, { description: 'Starts summarizing one extracted document; the summary is stored as a new version of that document’s summary.' })
  async summarizeDocument(@CurrentPrincipal() principal: Principal, @Args() args: SummarizeDocumentArgs): Promise<JobType> {
    return toJobType(await this.service.summarizeDocument(principal, args.documentId, args.length, args.words));
  }

  @Query(() => [SummaryType], { description: 'Every summary version of a case (or of one of its documents), newest first; empty when the case does not exist or is not visible.' })
  async summaries(@CurrentPrincipal() principal: Principal, @Args() args: SummariesArgs): Promise<SummaryType[]> {
    return (await this.service.list(principal, args.caseId, args.documentId)).map(toSummaryType);
  }

  @Query(() => SummaryType, { nullable: true, description: 'One summary; null when it does not exist or its case is not visible.' })
  async summary(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'Summary id.' }) id: string): Promise<SummaryType | null> {
    const s = await this.service.find(principal, id);
    return s ? toSummaryType(s) : null;
  }
}

/** `Case.summaries`: one query per request for every case in it. */
@Resolver(() => CaseType)
export class CaseSummariesResolver {
  constructor(private readonly service: SummariesService) {}

  @ResolveField('summaries', () => [SummaryType], { description: 'Summary versions of the case and of its documents, newest first.' })
  async summaries(@Parent() c: CaseType, @Context() ctx: GraphQLContext): Promise<SummaryType[]> {
    const loader = ctx.loaders.get('summaries.byCaseId', () =>
      new DataLoader<string, SummaryEntity[]>(async (ids) => groupByKeys(ids, await this.service.ofCases(ids), (s) => s.caseId)),
    );
    return (await loader.load(c.id)).map(toSummaryType);
  }
}
