// Pages of the ledger (100 entries) with filters; Previous/Next walk a stack of cursors.
import { computed, reactive, ref, shallowRef } from 'vue';
import type { GraphQLClient } from '../graphql/client';
import { AuditLogDocument, type AuditLogFilterInput, type AuditLogQuery } from '../graphql/generated';

export type LedgerEntry = AuditLogQuery['auditLog']['edges'][number]['node'];
export const LEDGER_PAGE_SIZE = 100;

export interface LedgerFilters {
  caseId: string;
  actorId: string;
  action: string;
  /** yyyy-mm-dd, inclusive, in UTC. */
  from: string;
  to: string;
}

export function ledgerFilterInput(f: LedgerFilters): AuditLogFilterInput {
  return {
    caseId: f.caseId || null,
    actorId: f.actorId || null,
    action: f.action || null,
    from: f.from ? new Date(`${f.from}T00:00:00Z`).toISOString() : null,
    to: f.to ? new Date(`${f.to}T23:59:59.999Z`).toISOString() : null,
  };
}

export function useLedger(client: GraphQLClient, initial: Partial<LedgerFilters> = {}) {
  const filters = reactive<LedgerFilters>({ caseId: '', actorId: '', action: '', from: '', to: '', ...initial });
  const entries = shallowRef<LedgerEntry[]>([]);
  const total = ref<number | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  /** Cursors of the pages before the current one; the current page starts after the last. */
  const cursors = ref<Array<string | null>>([]);
  const nextCursor = ref<string | null>(null);
  const hasNext = ref(false);
  let request = 0;

  async function fetchPage(after: string | null): Promise<boolean> {
    const mine = ++request;
    loading.value = true;
    error.value = null;
    try {
      const { auditLog } = await client.request(AuditLogDocument, { first: LEDGER_PAGE_SIZE, after, filter: ledgerFilterInput(filters) });
      if (mine !== request) return false;
      entries.value = auditLog.edges.map((e) => e.node);
      total.value = auditLog.totalCount;
      nextCursor.value = auditLog.pageInfo.endCursor;
      hasNext.value = auditLog.pageInfo.hasNextPage;
      return true;
    } catch (e) {
      if (mine === request) error.value = e;
      return false;
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  async function reload(): Promise<void> {
    cursors.value = [];
    await fetchPage(null);
  }

  async function next(): Promise<void> {
    if (!hasNext.value) return;
    const after = nextCursor.value;
    if (await fetchPage(after)) cursors.value = [...cursors.value, after];
  }

  async function previous(): Promise<void> {
    if (cursors.value.length === 0) return;
    const stack = cursors.value.slice(0, -1);
    if (await fetchPage(stack.at(-1) ?? null)) cursors.value = stack;
  }

  const range = computed(() => {
    const start = cursors.value.length * LEDGER_PAGE_SIZE;
    return { from: entries.value.length ? start + 1 : 0, to: start + entries.value.length };
  });

  return { filters, entries, total, loading, error, hasNext, hasPrevious: computed(() => cursors.value.length > 0), range, reload, next, previous };
}
