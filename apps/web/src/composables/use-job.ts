// Follows one background job until it reaches a final state, live through the app's job feed
// (the jobProgress subscription, which polls by itself while the connection is down); without a feed
// (isolated tests) by polling job(id). Cancel on request.
import { getCurrentInstance, onScopeDispose, ref, shallowRef } from 'vue';
import type { GraphQLClient } from '../graphql/client';
import { CancelJobDocument, JobStatusDocument, type JobStatusQuery } from '../graphql/generated';
import { useJobFeed, type JobFeed } from './job-feed';

export type JobView = NonNullable<JobStatusQuery['job']>;

export const FINAL_JOB_STATES: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export interface UseJobOptions {
  /** Milliseconds between polls (default 1000). */
  intervalMs?: number;
  /** Called once when the job reaches a final state. */
  onFinished?: (job: JobView) => void;
  /** The live feed to follow jobs with (default: the app's, when there is one). */
  feed?: JobFeed | null;
}

/** "Queued", "Running: scoring (40%)" … for the aria-live progress line. */
export function describeJob(job: Pick<JobView, 'state' | 'progress' | 'stage' | 'errorCode' | 'cancelRequested'>): string {
  switch (job.state) {
    case 'QUEUED':
      return 'Waiting for a worker';
    case 'RUNNING':
      return job.cancelRequested
        ? `Stopping at the next checkpoint (${job.progress}%)`
        : `Running${job.stage ? `: ${job.stage.replace(/[_-]+/g, ' ')}` : ''} (${job.progress}%)`;
    case 'SUCCEEDED':
      return 'Finished';
    case 'CANCELLED':
      return 'Cancelled';
    case 'FAILED':
      return `Failed${job.errorCode ? ` (${job.errorCode})` : ''}`;
    default:
      return job.state;
  }
}

export function useJob(client: GraphQLClient, options: UseJobOptions = {}) {
  const intervalMs = options.intervalMs ?? 1000;
  const feed = options.feed !== undefined ? options.feed : getCurrentInstance() ? useJobFeed() : null;
  let unfollow: (() => void) | null = null;
  const job = shallowRef<JobView | null>(null);
  const error = ref<string | null>(null);
  const cancelling = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;

  function stop(): void {
    generation++;
    unfollow?.();
    unfollow = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function settle(next: JobView, gen: number): void {
    if (gen !== generation) return;
    job.value = next;
    if (FINAL_JOB_STATES.has(next.state)) {
      stop();
      cancelling.value = false;
      options.onFinished?.(next);
    } else if (!feed) {
      timer = setTimeout(() => void poll(gen), intervalMs);
    }
  }

  async function poll(gen: number): Promise<void> {
    if (gen !== generation || !job.value) return;
    try {
      const answer = await client.request(JobStatusDocument, { id: job.value.id });
      if (gen !== generation) return;
      if (!answer.job) {
        error.value = 'The job is no longer visible.';
        stop();
        return;
      }
      error.value = null;
      settle(answer.job, gen);
    } catch {
      if (gen !== generation) return;
      // A dropped poll is retried; the job goes on running on the server.
      error.value = 'Progress could not be read; retrying.';
      timer = setTimeout(() => void poll(gen), intervalMs);
    }
  }

  /** Starts following a job (as returned by the mutation that queued it). */
  function follow(started: JobView): void {
    stop();
    error.value = null;
    cancelling.value = false;
    if (feed) {
      feed.announce(started);
      const gen = generation;
      unfollow = feed.follow(started, (next) => settle({ ...job.value, ...next }, gen));
    }
    settle(started, generation);
  }

  async function cancel(): Promise<void> {
    if (!job.value || FINAL_JOB_STATES.has(job.value.state)) return;
    cancelling.value = true;
    try {
      const answer = await client.request(CancelJobDocument, { id: job.value.id });
      job.value = { ...job.value, ...answer.cancelJob };
      if (FINAL_JOB_STATES.has(answer.cancelJob.state)) settle(job.value, generation);
    } catch {
      cancelling.value = false;
      error.value = 'The job could not be cancelled.';
    }
  }

  onScopeDispose(stop);

  return { job, error, cancelling, follow, cancel, stop };
}
