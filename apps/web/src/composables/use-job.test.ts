import { effectScope } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GraphQLClient, TypedDocument } from '../graphql/client';
import { describeJob, useJob, type JobView } from './use-job';

function job(state: string, progress = 0, extra: Partial<JobView> = {}): JobView {
  return { id: 'j1', type: 'summarize', state: state as JobView['state'], progress, stage: null, errorCode: null, errorMessage: null, cancelRequested: false, result: null, ...extra };
}

/** Answers JobStatus with the next scripted job and CancelJob with a cancelled one, recording each operation. */
function scriptedClient(answers: JobView[]) {
  const calls: string[] = [];
  const client: GraphQLClient = {
    async request<R, V>(doc: TypedDocument<R, V>): Promise<R> {
      calls.push(doc.operationName);
      if (doc.operationName === 'CancelJob') return { cancelJob: { id: 'j1', state: 'CANCELLED', progress: 30, stage: null, cancelRequested: true } } as R;
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return { job: next } as R;
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

describe('useJob', () => {
  it('polls once per interval until the job finishes, then reports it once and stops', async () => {
    const { client, calls } = scriptedClient([job('RUNNING', 40, { stage: 'scoring' }), job('SUCCEEDED', 100)]);
    const finished: JobView[] = [];
    const scope = effectScope();
    const tracker = scope.run(() => useJob(client, { intervalMs: 1000, onFinished: (j) => finished.push(j) }))!;

    tracker.follow(job('QUEUED'));
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(tracker.job.value?.progress).toBe(40);
    expect(describeJob(tracker.job.value!)).toBe('Running: scoring (40%)');
    await vi.advanceTimersByTimeAsync(1000);
    expect(tracker.job.value?.state).toBe('SUCCEEDED');
    expect(finished.map((j) => j.state)).toEqual(['SUCCEEDED']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual(['JobStatus', 'JobStatus']);
    scope.stop();
  });

  it('cancels: the cancelled state ends the polling', async () => {
    const { client, calls } = scriptedClient([job('RUNNING', 30)]);
    const finished: string[] = [];
    const scope = effectScope();
    const tracker = scope.run(() => useJob(client, { intervalMs: 1000, onFinished: (j) => finished.push(j.state) }))!;
    tracker.follow(job('RUNNING', 10));
    await tracker.cancel();
    expect(tracker.job.value?.state).toBe('CANCELLED');
    expect(finished).toEqual(['CANCELLED']);
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toEqual(['CancelJob']);
    scope.stop();
  });

  it('stops polling when its scope is disposed', async () => {
    const { client, calls } = scriptedClient([job('RUNNING', 10), job('RUNNING', 20)]);
    const scope = effectScope();
    const tracker = scope.run(() => useJob(client, { intervalMs: 1000 }))!;
    tracker.follow(job('QUEUED'));
    await vi.advanceTimersByTimeAsync(1000);
    scope.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual(['JobStatus']);
  });

  it('describes each state in plain words', () => {
    expect(describeJob(job('QUEUED'))).toBe('Waiting for a worker');
    expect(describeJob(job('FAILED', 0, { errorCode: 'NOTHING_TO_SUMMARIZE' }))).toBe('Failed (NOTHING_TO_SUMMARIZE)');
    expect(describeJob(job('RUNNING', 50, { cancelRequested: true }))).toBe('Stopping at the next checkpoint (50%)');
  });
});
