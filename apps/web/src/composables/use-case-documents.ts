// The documents of a case, re-read every second while any of them is still being extracted.
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { GraphQLClient } from '../graphql/client';
import { describeError } from '../graphql/error-messages';
import { CaseDocumentsDocument, type CaseDocumentsQuery } from '../graphql/generated';

export type CaseDocument = NonNullable<CaseDocumentsQuery['case']>['documents']['edges'][number]['node'];

/** Documents read per request (the API's query-complexity limit counts each node's fields). */
const PAGE_SIZE = 25;

const PENDING = new Set(['QUEUED', 'RUNNING']);

export function useCaseDocuments(client: GraphQLClient, options: { intervalMs?: number } = {}) {
  const intervalMs = options.intervalMs ?? 1000;
  const documents = shallowRef<CaseDocument[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let caseId: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;

  const pending = computed(() => documents.value.some((d) => PENDING.has(d.extractionStatus)));
  const extracted = computed(() => documents.value.filter((d) => d.extractionStatus === 'DONE'));

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  async function fetchAll(id: string): Promise<CaseDocument[]> {
    const all: CaseDocument[] = [];
    let after: string | null = null;
    for (;;) {
      const answer: CaseDocumentsQuery = await client.request(CaseDocumentsDocument, { caseId: id, first: PAGE_SIZE, after });
      if (!answer.case) return all;
      all.push(...answer.case.documents.edges.map((e) => e.node));
      if (!answer.case.documents.pageInfo.hasNextPage) return all;
      after = answer.case.documents.pageInfo.endCursor ?? null;
      if (after === null) return all;
    }
  }

  async function refresh(): Promise<void> {
    if (!caseId) return;
    const gen = ++generation;
    clearTimer();
    loading.value = documents.value.length === 0;
    try {
      const list = await fetchAll(caseId);
      if (gen !== generation) return;
      documents.value = list;
      error.value = null;
    } catch (e) {
      if (gen !== generation) return;
      error.value = describeError(e, 'load');
    } finally {
      if (gen === generation) {
        loading.value = false;
        if (pending.value) timer = setTimeout(() => void refresh(), intervalMs);
      }
    }
  }

  function load(id: string): Promise<void> {
    caseId = id;
    documents.value = [];
    return refresh();
  }

  onScopeDispose(() => {
    generation++;
    clearTimer();
  });

  return { documents, loading, error, pending, extracted, load, refresh };
}
