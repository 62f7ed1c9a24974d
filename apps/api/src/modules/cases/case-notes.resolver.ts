import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentPrincipal } from '../../common/auth/auth.decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { mapConnection } from '../../common/pagination/connection.js';
import { toUserSummary, UserSummaryType } from '../users/dto/user.type.js';
import { UsersService } from '../users/users.service.js';
import { CasesService } from './cases.service.js';
import { AddCaseNoteInput, CaseNotesArgs } from './dto/case.inputs.js';
import { CaseNoteConnection, CaseNoteType, toCaseNoteType } from './dto/case.type.js';

@Resolver(() => CaseNoteType)
export class CaseNotesResolver {
  constructor(
    private readonly cases: CasesService,
    private readonly users: UsersService,
  ) {}

  @Query(() => CaseNoteConnection, { description: 'Notes on a case, newest first. NOT_FOUND when the caller may not see the case.' })
  async caseNotes(@CurrentPrincipal() principal: Principal, @Args() args: CaseNotesArgs): Promise<CaseNoteConnection> {
    return mapConnection(await this.cases.notes(principal, args.caseId, args), (n) => toCaseNoteType(n) as CaseNoteType);
  }

  @Mutation(() => CaseNoteType, { description: 'Adds a note to a case.' })
  async addCaseNote(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'What to create or change.' }) input: AddCaseNoteInput): Promise<CaseNoteType> {
    return toCaseNoteType(await this.cases.addNote(principal, input)) as CaseNoteType;
  }

  @Mutation(() => Boolean, { description: 'Deletes a note (its author or an admin).' })
  async deleteCaseNote(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'Note id.' }) id: string): Promise<boolean> {
    await this.cases.deleteNote(principal, id);
    return true;
  }

  @ResolveField('author', () => UserSummaryType, { description: 'Who wrote the note.' })
  async author(@Parent() note: CaseNoteType, @Context() ctx: GraphQLContext): Promise<UserSummaryType> {
    const loader = ctx.loaders.get('users.summaryById', () =>
      new DataLoader<string, UserSummaryType>(async (ids) => {
        const byId = new Map((await this.users.findByIds(ids)).map((u) => [u.id, toUserSummary(u)]));
        return ids.map((id) => byId.get(id) ?? new Error(`User ${id} not found`));
      }),
    );
    return loader.load(note.authorId);
  }
}
