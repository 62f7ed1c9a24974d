// What the signed-in user may do, in one place. The API decides every action; the UI only offers
// what it would allow. Rules mirror the API's policy (admins; clerks in their court; assigned users;
// judges approve what they are assigned). When the API reports `viewerCan` on Case and Draft, this
// is the one file to switch over to it.
import { computed, type ComputedRef, type Ref } from 'vue';
import { useSessionStore } from '../stores/session';

export interface CaseLike {
  court: string;
  status: string;
  sealed: boolean;
  assignees: ReadonlyArray<{ id: string }>;
}

export interface CasePermissions {
  /** Is the user assigned to the case. */
  assigned: boolean;
  edit: boolean;
  seal: boolean;
  assign: boolean;
  upload: boolean;
  summarize: boolean;
  draft: boolean;
  approve: boolean;
  note: boolean;
}

export function useAppPermissions() {
  const session = useSessionStore();
  const role = computed(() => session.user?.role ?? null);
  return {
    isAdmin: computed(() => role.value === 'ADMIN'),
    /** Admins create cases anywhere, clerks in their own court. */
    canCreateCase: computed(() => role.value === 'ADMIN' || (role.value === 'CLERK' && !!session.user?.court)),
    canSeeLedger: computed(() => role.value === 'ADMIN'),
  };
}

export function useCasePermissions(record: Ref<CaseLike | null | undefined>): ComputedRef<CasePermissions> {
  const session = useSessionStore();
  return computed(() => {
    const user = session.user;
    const c = record.value;
    const none: CasePermissions = { assigned: false, edit: false, seal: false, assign: false, upload: false, summarize: false, draft: false, approve: false, note: false };
    if (!user || !c) return none;
    const admin = user.role === 'ADMIN';
    const clerk = user.role === 'CLERK';
    const judge = user.role === 'JUDGE';
    const assigned = c.assignees.some((a) => a.id === user.id);
    const change = admin || clerk || assigned;
    const open = c.status !== 'CLOSED';
    return {
      assigned,
      edit: admin || clerk || (judge && assigned),
      seal: admin || (judge && assigned),
      assign: admin || clerk,
      upload: change && open,
      summarize: (change || judge) && open,
      draft: change && open,
      approve: judge && assigned,
      note: admin || clerk || judge,
    };
  });
}
