import { describe, expect, it } from 'vitest';
import type { GraphQLClient, TypedDocument } from '../graphql/client';
import type { CaseListQuery, CaseListQueryVariables } from '../graphql/generated';
import { caseListVariables, defaultCaseListFilters, useCaseList, type CaseSummary } from './use-case-list';

function node(id: string): CaseSummary {
  return { id, docketNumber: `D-${id}`, title: `Case ${id}`, court: 'High Court', caseType: 'CIVIL', status: 'OPEN', filedDate: '2025-01-02', sealed: false };
}

function page(ids: string[], totalCount: number, endCursor: string | null, hasNextPage: boolean): CaseListQuery {
  return { cases: { totalCount, pageInfo: { endCursor, hasNextPage }, edges: ids.map((id) => ({ cursor: `c-${id}`, node: node(id) })) } };
}

/** A client whose answers the test releases one by one, recording the variables of each request. */
function scriptedClient() {
  const calls: Array<{ variables: CaseListQueryVariables; resolve: (r: CaseListQuery) => void; reject: (e: unknown) => void }> = [];
  const client: GraphQLClient = {
    request<R, V>(_doc: TypedDocument<R, V>, variables: V): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        calls.push({ variables: variables as CaseListQueryVariables, resolve: resolve as (r: CaseListQuery) => void, reject });
      });
    },
  };
  return { client, calls };
}

describe('caseListVariables', () => {
  it('leaves out empty filters and always sends a sort', () => {
    expect(caseListVariables({ ...defaultCaseListFilters }, 25)).toEqual({ first: 25, sort: { field: 'FILED_DATE', direction: 'DESC' } });
  });

  it('sends trimmed search, status, assigned-to-me, the chosen sort and the cursor', () => {
    expect(caseListVariables({ search: '  smith ', status: 'CLOSED', assignedToMe: true, sort: 'docket-asc' }, 10, 'abc')).toEqual({
      first: 10,
      after: 'abc',
      filter: { search: 'smith', status: 'CLOSED', assignedToMe: true },
      sort: { field: 'DOCKET_NUMBER', direction: 'ASC' },
    });
  });
});

describe('useCaseList', () => {
  it('loads the first page, then appends the next page after the end cursor', async () => {
    const { client, calls } = scriptedClient();
    const list = useCaseList(client, {}, 2);

    const first = list.reload();
    expect(list.loading.value).toBe(true);
    calls[0].resolve(page(['1', '2'], 3, 'cur-2', true));
    await expect(first).resolves.toBe(0);
    expect(list.cases.value.map((c) => c.id)).toEqual(['1', '2']);
    expect(list.totalCount.value).toBe(3);
    expect(list.hasNextPage.value).toBe(true);

    const more = list.loadMore();
    expect(calls[1].variables.after).toBe('cur-2');
    calls[1].resolve(page(['3'], 3, 'cur-3', false));
    await expect(more).resolves.toBe(2);
    expect(list.cases.value.map((c) => c.id)).toEqual(['1', '2', '3']);
    expect(list.hasNextPage.value).toBe(false);
    expect(list.loading.value).toBe(false);

    await expect(list.loadMore()).resolves.toBeNull();
    expect(calls).toHaveLength(2);
  });

  it('drops the answer to an older request when the filters changed meanwhile', async () => {
    const { client, calls } = scriptedClient();
    const list = useCaseList(client);
    const stale = list.reload();
    list.filters.search = 'smith';
    const fresh = list.reload();
    expect(calls[1].variables.filter).toEqual({ search: 'smith' });

    calls[1].resolve(page(['s1'], 1, null, false));
    await fresh;
    calls[0].resolve(page(['a', 'b', 'c'], 40, 'x', true));
    await expect(stale).resolves.toBeNull();

    expect(list.cases.value.map((c) => c.id)).toEqual(['s1']);
    expect(list.totalCount.value).toBe(1);
    expect(list.loading.value).toBe(false);
  });

  it('keeps what is shown and exposes the error when a request fails', async () => {
    const { client, calls } = scriptedClient();
    const list = useCaseList(client, { status: 'OPEN' });
    const first = list.reload();
    calls[0].resolve(page(['1'], 2, 'c1', true));
    await first;

    const more = list.loadMore();
    const failure = new Error('offline');
    calls[1].reject(failure);
    await expect(more).resolves.toBeNull();
    expect(list.error.value).toBe(failure);
    expect(list.cases.value.map((c) => c.id)).toEqual(['1']);
    expect(list.loading.value).toBe(false);
    expect(list.isFiltered.value).toBe(true);
  });
});
