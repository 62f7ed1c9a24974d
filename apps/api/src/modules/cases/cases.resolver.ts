import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentPrincipal } from '../../common/auth/auth.decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { groupByKeys } from '../../common/graphql/request-loaders.js';
import { mapConnection } from '../../common/pagination/connection.js';
import { toUserSummary, UserSummaryType } from '../users/dto/user.type.js';
import { CaseAccessService } from './case-access.service.js';
import { caseNotFound } from './cases.exception.js';
import { CaseViewerCanType, toCaseViewerCan, viewerAssignedLoader } from './dto/viewer-can.type.js';
import { CasesService } from './cases.service.js';
import { AddPartyInput, CasesArgs, CaseUserArgs, CreateCaseInput, UpdateCaseInput, UpdatePartyInput } from './dto/case.inputs.js';
import { CaseConnection, CaseType, PartyType, toCaseType, toPartyType } from './dto/case.type.js';

@Resolver(() => CaseType)
export class CasesResolver {
  constructor(
    private readonly service: CasesService,
    private readonly access: CaseAccessService,
  ) {}

  @Query(() => CaseConnection, { description: 'Cases the caller may see; sealed cases appear only to admins and assigned users.' })
  async cases(@CurrentPrincipal() principal: Principal, @Args() args: CasesArgs): Promise<CaseConnection> {
    return mapConnection(await this.service.list(principal, args), toCaseType);
  }

  @Query(() => CaseType, { nullable: true, description: 'One case; null when it does not exist or the caller may not see it.' })
  async case(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'Case id.' }) id: string): Promise<CaseType | null> {
    const c = await this.service.find(principal, id);
    return c ? toCaseType(c) : null;
  }

  @Mutation(() => CaseType, { description: 'Creates a case (admins; clerks in their court; read/write API keys in their courts).' })
  async createCase(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'What to create or change.' }) input: CreateCaseInput): Promise<CaseType> {
    return toCaseType(await this.service.create(principal, input));
  }

  @Mutation(() => CaseType, { description: 'Changes a case’s docket number, title, type, filing date, status or seal.' })
  async updateCase(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'What to create or change.' }) input: UpdateCaseInput): Promise<CaseType> {
    return toCaseType(await this.service.update(principal, input));
  }

  @Mutation(() => CaseType, { description: 'Closes a case.' })
  async closeCase(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'Case id.' }) id: string): Promise<CaseType> {
    return toCaseType(await this.service.close(principal, id));
  }

  @Mutation(() => CaseType, { description: 'Reopens a closed case.' })
  async reopenCase(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'Case id.' }) id: string): Promise<CaseType> {
    return toCaseType(await this.service.reopen(principal, id));
  }

  @Mutation(() => PartyType, { description: 'Adds a party to a case.' })
  async addParty(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'What to create or change.' }) input: AddPartyInput): Promise<PartyType> {
    return toPartyType(await this.service.addParty(principal, input));
  }

  @Mutation(() => PartyType, { description: 'Changes a party’s name, role or counsel.' })
  async updateParty(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'What to create or change.' }) input: UpdatePartyInput): Promise<PartyType> {
    return toPartyType(await this.service.updateParty(principal, input));
  }

  @Mutation(() => CaseType, { description: 'Removes a party from its case; returns the case.' })
  async removeParty(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'Party id.' }) id: string): Promise<CaseType> {
    const caseId = await this.service.removeParty(principal, id);
    const c = await this.service.find(principal, caseId);
    if (!c) throw caseNotFound();
    return toCaseType(c);
  }

  @Mutation(() => CaseType, { description: 'Assigns a judge, clerk or service account to a case (admins; clerks within their court).' })
  async assignUser(@CurrentPrincipal() principal: Principal, @Args() args: CaseUserArgs): Promise<CaseType> {
    return toCaseType(await this.service.assign(principal, args.caseId, args.userId));
  }

  @Mutation(() => CaseType, { description: 'Removes a user’s assignment to a case.' })
  async unassignUser(@CurrentPrincipal() principal: Principal, @Args() args: CaseUserArgs): Promise<CaseType> {
    return toCaseType(await this.service.unassign(principal, args.caseId, args.userId));
  }

  @ResolveField('viewerCan', () => CaseViewerCanType, { description: 'What the caller may do with this case (the authorization policy, evaluated for the caller).' })
  async viewerCan(@Parent() c: CaseType, @CurrentPrincipal() principal: Principal, @Context() ctx: GraphQLContext): Promise<CaseViewerCanType> {
    const assigned = await viewerAssignedLoader(ctx, this.access, principal).load(c.id);
    return toCaseViewerCan(this.access.permissions(principal, assigned));
  }

  @ResolveField('parties', () => [PartyType], { description: 'Parties, in the order they were added.' })
  async parties(@Parent() c: CaseType, @Context() ctx: GraphQLContext): Promise<PartyType[]> {
    const loader = ctx.loaders.get('cases.partiesByCaseId', () =>
      new DataLoader<string, PartyType[]>(async (ids) =>
        groupByKeys(ids, await this.service.partiesOfCases(ids), (p) => p.caseId).map((ps) => ps.map(toPartyType)),
      ),
    );
    return loader.load(c.id);
  }

  @ResolveField('assignees', () => [UserSummaryType], { description: 'Users assigned to the case.' })
  async assignees(@Parent() c: CaseType, @Context() ctx: GraphQLContext): Promise<UserSummaryType[]> {
    const loader = ctx.loaders.get('cases.assigneesByCaseId', () =>
      new DataLoader<string, UserSummaryType[]>(async (ids) =>
        groupByKeys(ids, await this.service.assigneesOfCases(ids), (a) => a.caseId).map((as) => as.map((a) => toUserSummary(a.user))),
      ),
    );
    return loader.load(c.id);
  }
}
