import { effectScope } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GraphQLClient, TypedDocument } from '../graphql/client';
import type { CaseDocumentsQuery, CaseDocumentsQueryVariables } from '../graphql/generated';
import { useCaseDocuments, type CaseDocument } from './use-case-documents';

function doc(id: string, extractionStatus: string): CaseDocument {
  return {
    id,
    title: `Document ${id}`,
    kind: 'JUDGMENT',
    filedDate: null,
    bytes: 10,
    mediaType: 'text/plain',
    originalName: `${id}.txt`,
    pages: extractionStatus === 'DONE' ? 1 : null,
    ocr: false,
    extractionStatus: extractionStatus as CaseDocument['extractionStatus'],
    extractionError: null,
    createdAt: '2026-01-01T00:00:00Z',
    job: null,
  };
}

function answer(nodes: CaseDocument[], hasNextPage = false, endCursor: string | null = null): CaseDocumentsQuery {
  return { case: { id: 'c1', documents: { totalCount: nodes.length, pageInfo: { hasNextPage, endCursor }, edges: nodes.map((node) => ({ node })) } } };
}

/** Answers each request with the next scripted answer, recording the variables. */
function scriptedClient(answers: CaseDocumentsQuery[]) {
  const calls: CaseDocumentsQueryVariables[] = [];
  const client: GraphQLClient = {
    async request<R, V>(_doc: TypedDocument<R, V>, variables: V): Promise<R> {
      calls.push(variables as CaseDocumentsQueryVariables);
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return next as R;
    },
  };
  return { client, calls };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useCaseDocuments', () => {
  it('reads every page, then re-reads each interval only while a document is being extracted', async () => {
    const { client, calls } = scriptedClient([
      answer([doc('a', 'DONE')], true, 'cur-a'),
      answer([doc('b', 'RUNNING')]),
      answer([doc('a', 'DONE'), doc('b', 'DONE')]),
    ]);
    const scope = effectScope();
    const docs = scope.run(() => useCaseDocuments(client, { intervalMs: 1000 }))!;
    await docs.load('c1');
    expect(calls.map((c) => c.after ?? null)).toEqual([null, 'cur-a']);
    expect(docs.documents.value.map((d) => d.id)).toEqual(['a', 'b']);
    expect(docs.pending.value).toBe(true);
    expect(docs.extracted.value.map((d) => d.id)).toEqual(['a']);

    await vi.advanceTimersByTimeAsync(1000);
    expect(docs.pending.value).toBe(false);
    expect(docs.extracted.value.map((d) => d.id)).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(3);
    scope.stop();
  });

  it('keeps the last list and reports a failed read', async () => {
    const { client } = scriptedClient([answer([doc('a', 'DONE')])]);
    const scope = effectScope();
    const docs = scope.run(() => useCaseDocuments(client))!;
    await docs.load('c1');
    await docs.refresh();
    expect(docs.documents.value.map((d) => d.id)).toEqual(['a']);
    expect(docs.error.value).toMatch(/Something went wrong/);
    scope.stop();
  });
});
