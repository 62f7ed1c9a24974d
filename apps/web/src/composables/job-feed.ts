// Live job progress for the whole app: one graphql-ws connection carries a `jobProgress` subscription
// per followed job. While the connection is down the client keeps reconnecting (with back-off) and,
// after a short grace period, reads the followed jobs by polling `job(id)` instead; once the
// connection is back, every followed job is read once (to catch up) and polling stops.
import { createClient, type Client } from 'graphql-ws';
import { inject, ref, type InjectionKey, type Ref } from 'vue';
import type { GraphQLClient } from '../graphql/client';
import { JobProgressDocument, JobStatusDocument, type JobProgressSubscription, type JobStatusQuery } from '../graphql/generated';

export type JobStatus = NonNullable<JobStatusQuery['job']>;
/** When a followed job is read once, in case it ended before its subscription was in place. */
const SETTLE_AFTER_MS = 500;

export type JobEvent = JobProgressSubscription['jobProgress'];
/** connecting: first connection; live: subscribed; reconnecting: lost, retrying; polling: retrying and polling meanwhile. */
export type FeedMode = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'polling';

export const FINAL_STATES: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export interface JobFeedOptions {
  client: GraphQLClient;
  /** ws:// or wss:// address of /graphql. */
  url: string;
  getToken: () => string | null;
  /** WebSocket implementation (Node has none built in before 22). */
  webSocketImpl?: unknown;
  /** Milliseconds without a connection before polling starts (default 3000). */
  fallbackAfterMs?: number;
  /** Milliseconds between polls while polling (default 2000). */
  pollMs?: number;
  /** Longest wait between reconnection attempts (default 10000). */
  maxRetryWaitMs?: number;
}

type Listener = (status: JobStatus) => void;

export interface JobFeed {
  mode: Ref<FeedMode>;
  /** Follows a job until it is final; `listener` gets every change. Returns a function that stops following. */
  follow(job: JobStatus, listener: Listener): () => void;
  /** Jobs started in this browser are announced so the jobs tray shows them at once. */
  announce(job: JobStatus & { caseId?: string | null }): void;
  onAnnounce(listener: (job: JobStatus & { caseId?: string | null }) => void): () => void;
  dispose(): void;
}

export const jobFeedKey: InjectionKey<JobFeed> = Symbol('job-feed');

/** The app's job feed where one was provided (null in isolated component tests). */
export function useJobFeed(): JobFeed | null {
  return inject(jobFeedKey, null);
}

export function createJobFeed(options: JobFeedOptions): JobFeed {
  const fallbackAfterMs = options.fallbackAfterMs ?? 3000;
  const pollMs = options.pollMs ?? 2000;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 10_000;
  const mode = ref<FeedMode>('idle');
  const followed = new Map<string, { status: JobStatus; listeners: Set<Listener>; unsubscribe: (() => void) | null }>();
  const announceListeners = new Set<(job: JobStatus & { caseId?: string | null }) => void>();
  let fallbackTimer: ReturnType<typeof setTimeout> | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | null = null;
  let everConnected = false;

  const ws: Client = createClient({
    url: options.url,
    lazy: true,
    lazyCloseTimeout: 1000,
    connectionParams: () => {
      const token = options.getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    retryAttempts: Number.MAX_SAFE_INTEGER,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      await new Promise((resolve) => setTimeout(resolve, Math.min(maxRetryWaitMs, 500 * 2 ** Math.min(retries, 5))));
    },
    ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
    on: {
      connecting: () => {
        if (mode.value === 'idle') mode.value = 'connecting';
      },
      connected: () => {
        everConnected = true;
        mode.value = 'live';
        clearFallback();
        stopPolling();
        // Events sent while the connection was down are not replayed: read each job once.
        void pollOnce();
      },
      closed: () => {
        if (followed.size === 0) {
          mode.value = 'idle';
          clearFallback();
          stopPolling();
          return;
        }
        if (mode.value !== 'polling') mode.value = everConnected ? 'reconnecting' : 'connecting';
        armFallback();
      },
    },
  });

  function armFallback(): void {
    if (fallbackTimer !== null || mode.value === 'polling') return;
    fallbackTimer = setTimeout(() => {
      fallbackTimer = null;
      if (mode.value === 'live' || followed.size === 0) return;
      mode.value = 'polling';
      schedulePoll();
    }, fallbackAfterMs);
  }

  function clearFallback(): void {
    if (fallbackTimer !== null) clearTimeout(fallbackTimer);
    fallbackTimer = null;
  }

  function stopPolling(): void {
    if (pollTimer !== null) clearTimeout(pollTimer);
    pollTimer = null;
  }

  function schedulePoll(): void {
    stopPolling();
    pollTimer = setTimeout(async () => {
      pollTimer = null;
      await pollOnce();
      if (mode.value === 'polling' && followed.size > 0) schedulePoll();
    }, pollMs);
  }

  async function pollOnce(): Promise<void> {
    await Promise.all(
      [...followed.keys()].map(async (id) => {
        try {
          const { job } = await options.client.request(JobStatusDocument, { id });
          if (job) deliver(job);
        } catch {
          // The next poll (or the reconnected subscription) tries again.
        }
      }),
    );
  }

  function deliver(status: JobStatus): void {
    const entry = followed.get(status.id);
    if (!entry) return;
    const changed = JSON.stringify(entry.status) !== JSON.stringify(status);
    entry.status = status;
    if (changed || FINAL_STATES.has(status.state)) for (const l of [...entry.listeners]) l(status);
    if (FINAL_STATES.has(status.state)) drop(status.id);
  }

  async function onEvent(event: JobEvent): Promise<void> {
    const entry = followed.get(event.jobId);
    if (!entry) return;
    if (FINAL_STATES.has(event.state)) {
      // The final state carries the result and the error message, which only job(id) has.
      try {
        const { job } = await options.client.request(JobStatusDocument, { id: event.jobId });
        if (job) {
          deliver(job);
          return;
        }
      } catch {
        // Fall through with what the event says.
      }
    }
    deliver({ ...entry.status, state: event.state, progress: event.progress, stage: event.stage ?? null, errorCode: event.errorCode ?? null });
  }

  /**
   * Reads a followed job once and delivers it if it has ended: a job that ends before its subscription
   * is in place on the server sends no event, and a subscription the server ends sends no final one.
   */
  async function settle(id: string, ended = false): Promise<void> {
    if (!followed.has(id)) return;
    try {
      const { job } = await options.client.request(JobStatusDocument, { id });
      if (job && FINAL_STATES.has(job.state)) return deliver(job);
    } catch {
      // The subscription or polling still reports it.
    }
    // a subscription that ended before its job did: polling follows the job from here
    if (ended) armFallback();
  }

  function drop(id: string): void {
    const entry = followed.get(id);
    if (!entry) return;
    followed.delete(id);
    entry.unsubscribe?.();
    if (followed.size === 0) {
      clearFallback();
      stopPolling();
    }
  }

  return {
    mode,
    follow(job, listener) {
      let entry = followed.get(job.id);
      if (!entry) {
        entry = { status: job, listeners: new Set(), unsubscribe: null };
        followed.set(job.id, entry);
        entry.unsubscribe = ws.subscribe<JobProgressSubscription>(
          { query: JobProgressDocument.source, variables: { jobId: job.id } },
          {
            next: ({ data }) => {
              if (data) void onEvent(data.jobProgress);
            },
            // A refused subscription (the job is gone or not visible): polling reads what is left.
            error: () => armFallback(),
            complete: () => void settle(job.id, true),
          },
        );
        if (!FINAL_STATES.has(job.state)) setTimeout(() => void settle(job.id), SETTLE_AFTER_MS);
        if (mode.value === 'polling') schedulePoll();
      }
      entry.listeners.add(listener);
      if (FINAL_STATES.has(job.state)) queueMicrotask(() => deliver(job));
      return () => {
        const current = followed.get(job.id);
        if (!current) return;
        current.listeners.delete(listener);
        if (current.listeners.size === 0) drop(job.id);
      };
    },
    announce(job) {
      for (const l of announceListeners) l(job);
    },
    onAnnounce(listener) {
      announceListeners.add(listener);
      return () => announceListeners.delete(listener);
    },
    dispose() {
      for (const id of [...followed.keys()]) drop(id);
      clearFallback();
      stopPolling();
      void ws.dispose();
    },
  };
}
