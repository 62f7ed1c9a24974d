// The case list: filters, sort, cursor pagination, and the loading/error state around them.
import { computed, reactive, ref, shallowRef } from 'vue';
import type { GraphQLClient } from '../graphql/client';
import {
  CaseListDocument,
  type CaseFilterInput,
  type CaseListQuery,
  type CaseListQueryVariables,
  type CaseSortInput,
  type CaseStatus,
} from '../graphql/generated';

export type CaseSummary = CaseListQuery['cases']['edges'][number]['node'];

/** One of the sort orders offered to the user. */
export type CaseSortKey = 'filed-desc' | 'filed-asc' | 'docket-asc' | 'title-asc';

export const caseSortOptions: ReadonlyArray<{ key: CaseSortKey; sort: CaseSortInput }> = [
  { key: 'filed-desc', sort: { field: 'FILED_DATE', direction: 'DESC' } },
  { key: 'filed-asc', sort: { field: 'FILED_DATE', direction: 'ASC' } },
  { key: 'docket-asc', sort: { field: 'DOCKET_NUMBER', direction: 'ASC' } },
  { key: 'title-asc', sort: { field: 'TITLE', direction: 'ASC' } },
];

export interface CaseListFilters {
  search: string;
  status: CaseStatus | '';
  assignedToMe: boolean;
  sort: CaseSortKey;
}

export const defaultCaseListFilters: Readonly<CaseListFilters> = { search: '', status: '', assignedToMe: false, sort: 'filed-desc' };

export const DEFAULT_PAGE_SIZE = 25;

/** The GraphQL variables for a set of filters; empty filters are left out. */
export function caseListVariables(filters: CaseListFilters, first: number, after: string | null = null): CaseListQueryVariables {
  const filter: CaseFilterInput = {};
  const search = filters.search.trim();
  if (search) filter.search = search;
  if (filters.status) filter.status = filters.status;
  if (filters.assignedToMe) filter.assignedToMe = true;
  const sort = (caseSortOptions.find((o) => o.key === filters.sort) ?? caseSortOptions[0]).sort;
  return { first, ...(after ? { after } : {}), ...(Object.keys(filter).length > 0 ? { filter } : {}), sort };
}

export function useCaseList(client: GraphQLClient, initial: Partial<CaseListFilters> = {}, pageSize = DEFAULT_PAGE_SIZE) {
  const filters = reactive<CaseListFilters>({ ...defaultCaseListFilters, ...initial });
  const cases = shallowRef<CaseSummary[]>([]);
  const totalCount = ref<number | null>(null);
  const endCursor = ref<string | null>(null);
  const hasNextPage = ref(false);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  /** Each request takes a number; an answer to anything but the latest request is dropped. */
  let latest = 0;

  async function fetchPage(after: string | null): Promise<number | null> {
    const ticket = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const { cases: page } = await client.request(CaseListDocument, caseListVariables(filters, pageSize, after));
      if (ticket !== latest) return null;
      const nodes = page.edges.map((e) => e.node);
      const firstNew = after ? cases.value.length : 0;
      cases.value = after ? [...cases.value, ...nodes.filter((n) => !cases.value.some((c) => c.id === n.id))] : nodes;
      totalCount.value = page.totalCount;
      endCursor.value = page.pageInfo.endCursor;
      hasNextPage.value = page.pageInfo.hasNextPage;
      return firstNew;
    } catch (e) {
      if (ticket === latest) error.value = e;
      return null;
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  /** Loads the first page for the current filters, replacing what is shown. */
  function reload(): Promise<number | null> {
    return fetchPage(null);
  }

  /** Appends the next page; resolves to the index of the first new case (null if nothing was loaded). */
  function loadMore(): Promise<number | null> {
    if (!hasNextPage.value || !endCursor.value || loading.value) return Promise.resolve(null);
    return fetchPage(endCursor.value);
  }

  const isFiltered = computed(() => filters.search.trim() !== '' || filters.status !== '' || filters.assignedToMe);

  return { filters, cases, totalCount, hasNextPage, loading, error, isFiltered, reload, loadMore };
}
