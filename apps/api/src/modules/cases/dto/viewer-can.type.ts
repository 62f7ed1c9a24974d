import { Field, ObjectType } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { Principal } from '../../../common/auth/principal.js';
import type { GraphQLContext } from '../../../common/graphql/graphql-context.js';
import { CaseAccessService, CaseAction } from '../case-access.service.js';

@ObjectType('CaseViewerCan', {
  description:
    'What the caller may do with this case under the authorization policy (the same rules the API enforces). State rules still apply: a closed case is reopened before it is edited.',
})
export class CaseViewerCanType {
  @Field({ description: 'See the case (always true for a case the caller receives).' })
  view: boolean;
  @Field({ description: 'Change its fields, status and parties (updateCase, closeCase, addParty …).' })
  edit: boolean;
  @Field({ description: 'Seal or unseal it.' })
  seal: boolean;
  @Field({ description: 'Assign and unassign users.' })
  assign: boolean;
  @Field({ description: 'Add notes.' })
  addNote: boolean;
  @Field({ description: 'Upload documents.' })
  upload: boolean;
  @Field({ description: 'Start summaries of the case or its documents.' })
  summarize: boolean;
  @Field({ description: 'Start drafts from templates.' })
  draft: boolean;
  @Field({ description: 'Edit its drafts (new versions).' })
  editDraft: boolean;
  @Field({ description: 'Approve its drafts (a judge assigned to the case).' })
  approve: boolean;
  @Field({ description: 'Export its approved drafts.' })
  export: boolean;
  @Field({ description: 'Cancel or retry its jobs.' })
  manageJobs: boolean;
  @Field({ description: 'Read its ledger entries.' })
  readLedger: boolean;
}

export function toCaseViewerCan(allowed: Record<CaseAction, boolean>): CaseViewerCanType {
  return {
    view: allowed[CaseAction.VIEW],
    edit: allowed[CaseAction.EDIT],
    seal: allowed[CaseAction.SEAL],
    assign: allowed[CaseAction.ASSIGN],
    addNote: allowed[CaseAction.ADD_NOTE],
    upload: allowed[CaseAction.UPLOAD],
    summarize: allowed[CaseAction.SUMMARIZE],
    draft: allowed[CaseAction.DRAFT],
    editDraft: allowed[CaseAction.EDIT_DRAFT],
    approve: allowed[CaseAction.APPROVE],
    export: allowed[CaseAction.EXPORT],
    manageJobs: allowed[CaseAction.MANAGE_JOBS],
    readLedger: allowed[CaseAction.READ_LEDGER],
  };
}

@ObjectType('DraftViewerCan', { description: 'What the caller may do with this draft now: the authorization policy and the draft’s state together.' })
export class DraftViewerCanType {
  @Field({ description: 'See the draft (always true for a draft the caller receives).' })
  view: boolean;
  @Field({ description: 'Save a new version (not once it is approved).' })
  edit: boolean;
  @Field({ description: 'Approve it (a judge assigned to the case; not once it is approved).' })
  approve: boolean;
  @Field({ description: 'Export it (once it is approved).' })
  export: boolean;
}

/** A draft's `viewerCan` from the case permissions and whether the draft is approved. */
export function toDraftViewerCan(allowed: Record<CaseAction, boolean>, approved: boolean): DraftViewerCanType {
  return {
    view: allowed[CaseAction.VIEW],
    edit: allowed[CaseAction.EDIT_DRAFT] && !approved,
    approve: allowed[CaseAction.APPROVE] && !approved,
    export: allowed[CaseAction.EXPORT] && approved,
  };
}

/** Whether the caller is assigned to a case, batched per request (for `viewerCan`). */
export function viewerAssignedLoader(ctx: GraphQLContext, access: CaseAccessService, principal: Principal): DataLoader<string, boolean> {
  return ctx.loaders.get('cases.viewerAssigned', () =>
    new DataLoader<string, boolean>(async (ids) => {
      const assigned = await access.assignedAmong(principal, ids);
      return ids.map((id) => assigned.has(id));
    }),
  );
}

