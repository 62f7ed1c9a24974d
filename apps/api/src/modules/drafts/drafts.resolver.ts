import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentPrincipal } from '../../common/auth/auth.decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { groupByKeys } from '../../common/graphql/request-loaders.js';
import { CaseAccessService } from '../cases/case-access.service.js';
import { CaseType } from '../cases/dto/case.type.js';
import { DraftViewerCanType, toDraftViewerCan, viewerAssignedLoader } from '../cases/dto/viewer-can.type.js';
import { JobType, toJobType } from '../jobs/dto/job.type.js';
import { DraftEntity, DraftStatus, DraftVersionEntity } from './draft.entity.js';
import { DraftsService } from './drafts.service.js';
import {
  ApproveDraftArgs,
  CreateDraftInput,
  DraftReviewType,
  DraftType,
  DraftVersionArgs,
  DraftVersionType,
  TemplatesArgs,
  TemplateType,
  toDraftType,
  toDraftVersionType,
  toTemplateType,
  UpdateDraftInput,
} from './dto/draft.type.js';

/** Templates and drafts in GraphQL. Exports of approved drafts are HTTP routes (see DraftsController). */
@Resolver(() => DraftType)
export class DraftsResolver {
  constructor(
    private readonly service: DraftsService,
    private readonly access: CaseAccessService,
  ) {}

  @Query(() => [TemplateType], { description: 'Every loaded template version, by id then version.' })
  templates(@Args() args: TemplatesArgs): TemplateType[] {
    return this.service
      .listTemplates()
      .filter((t) => !args.id || t.id === args.id)
      .map(toTemplateType);
  }

  @Query(() => [DraftType], { description: 'Drafts of a case, newest first; empty when the case does not exist or is not visible.' })
  async drafts(@CurrentPrincipal() principal: Principal, @Args('caseId', { type: () => ID, description: 'Case id.' }) caseId: string): Promise<DraftType[]> {
    return (await this.service.list(principal, caseId)).map(toDraftType);
  }

  @Query(() => DraftType, { nullable: true, description: 'One draft; null when it does not exist or its case is not visible.' })
  async draft(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'Draft id.' }) id: string): Promise<DraftType | null> {
    const d = await this.service.find(principal, id);
    return d ? toDraftType(d) : null;
  }

  @Mutation(() => JobType, {
    description:
      'Starts drafting a document from a template, filled from the case record, the latest (or chosen) summary and the brief, and the values given. Bad input is answered at once; the job’s `result` is `{"draftId": …}` once it succeeded (poll the job or subscribe to jobProgress, then read `draft`).',
  })
  async createDraft(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'Case, template and values.' }) input: CreateDraftInput): Promise<JobType> {
    return toJobType(await this.service.create(principal, input));
  }

  @Mutation(() => DraftType, { description: 'Saves an edit as a new version; CONFLICT when baseVersion is not the current version or the draft is approved.' })
  async updateDraft(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The edit.' }) input: UpdateDraftInput): Promise<DraftType> {
    return toDraftType(await this.service.update(principal, input));
  }

  @Mutation(() => DraftType, {
    description: 'Approves the current version (a judge assigned to the case only). UNANCHORED_CONTENT, with `extensions.offending`, when machine-made sentences lack a valid source or a citation is not in the case documents.',
  })
  async approveDraft(@CurrentPrincipal() principal: Principal, @Args() args: ApproveDraftArgs): Promise<DraftType> {
    return toDraftType(await this.service.approve(principal, args.draftId, args.version));
  }

  @ResolveField('viewerCan', () => DraftViewerCanType, { description: 'What the caller may do with this draft now (the authorization policy and the draft’s state).' })
  async viewerCan(@Parent() d: DraftType, @CurrentPrincipal() principal: Principal, @Context() ctx: GraphQLContext): Promise<DraftViewerCanType> {
    const assigned = await viewerAssignedLoader(ctx, this.access, principal).load(d.caseId);
    return toDraftViewerCan(this.access.permissions(principal, assigned), d.status === DraftStatus.APPROVED);
  }

  @ResolveField('version', () => DraftVersionType, { nullable: true, description: 'One version (default: the current one); null when it does not exist.' })
  async version(@Parent() d: DraftType, @Args() args: DraftVersionArgs, @Context() ctx: GraphQLContext): Promise<DraftVersionType | null> {
    const wanted = args.version ?? d.currentVersion;
    const v = (await this.versionsLoader(ctx).load(d.id)).find((x) => x.version === wanted);
    return v ? toDraftVersionType(v) : null;
  }

  @ResolveField('review', () => DraftReviewType, {
    nullable: true,
    description: 'A version (default: the current one) against the machine-made text, and the signing gate’s answer: what a judge checks before approving. Null when the version does not exist.',
  })
  async review(@CurrentPrincipal() principal: Principal, @Parent() d: DraftType, @Args() args: DraftVersionArgs): Promise<DraftReviewType | null> {
    const r = await this.service.review(principal, d.id, args.version ?? d.currentVersion);
    if (!r) return null;
    return {
      version: r.version,
      identical: r.diff.identical,
      counts: r.diff.counts,
      changes: r.diff.changes,
      unifiedDiff: r.diff.unified,
      gateOk: r.gate.ok,
      offending: r.gate.offending.map((o) => ({ paragraph: o.paragraph, sectionId: o.sectionId, text: o.text, problems: o.problems.map((p) => ({ code: p.code, message: p.message })) })),
    };
  }

  @ResolveField('versions', () => [DraftVersionType], { description: 'Every version, oldest first.' })
  async versions(@Parent() d: DraftType, @Context() ctx: GraphQLContext): Promise<DraftVersionType[]> {
    return (await this.versionsLoader(ctx).load(d.id)).map(toDraftVersionType);
  }

  private versionsLoader(ctx: GraphQLContext): DataLoader<string, DraftVersionEntity[]> {
    return ctx.loaders.get('drafts.versionsByDraftId', () =>
      new DataLoader<string, DraftVersionEntity[]>(async (ids) => groupByKeys(ids, await this.service.versionsOf(ids), (v) => v.draftId)),
    );
  }
}

/** `Case.drafts`: one query per request for every case in it. */
@Resolver(() => CaseType)
export class CaseDraftsResolver {
  constructor(
    private readonly service: DraftsService,
    private readonly access: CaseAccessService,
  ) {}

  @ResolveField('drafts', () => [DraftType], { description: 'Drafts of the case, newest first.' })
  async drafts(@Parent() c: CaseType, @Context() ctx: GraphQLContext): Promise<DraftType[]> {
    const loader = ctx.loaders.get('drafts.byCaseId', () =>
      new DataLoader<string, DraftEntity[]>(async (ids) => groupByKeys(ids, await this.service.ofCases(ids), (d) => d.caseId)),
    );
    return (await loader.load(c.id)).map(toDraftType);
  }
}
