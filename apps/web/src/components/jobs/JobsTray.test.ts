// @vitest-environment happy-dom
// The jobs tray against a real graphql-ws server (in this process, over a real WebSocket): live
// progress, the connection dropping (reconnecting, then polling job(id) meanwhile), and coming back.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { flushPromises, mount } from '@vue/test-utils';
import { buildSchema, graphql } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import WebSocket, { WebSocketServer } from 'ws';
import { createJobFeed, jobFeedKey, type JobFeed } from '../../composables/job-feed';
import { graphqlClientKey } from '../../graphql/api';
import type { GraphQLClient } from '../../graphql/client';
import { i18n } from '../../i18n/instance';
import JobsTray from './JobsTray.vue';

const schema = buildSchema(`
  type Job { id: ID! type: String! state: String! progress: Int! stage: String errorCode: String errorMessage: String cancelRequested: Boolean! result: String caseId: ID createdAt: String! }
  type JobEdge { node: Job! }
  type JobConnection { edges: [JobEdge!]! }
  type JobProgress { jobId: ID! type: String! state: String! progress: Int! stage: String errorCode: String at: String! }
  type Query { job(id: ID!): Job jobs(first: Int): JobConnection! }
  type Mutation { cancelJob(id: ID!): Job! retryJob(id: ID!): Job! }
  type Subscription { jobProgress(jobId: ID!): JobProgress! }
`);

/** The server side: one job whose state the test moves on, and the subscribers to tell. */
function jobServer() {
  const job = { id: 'job-1', type: 'summarize', state: 'RUNNING', progress: 10, stage: 'scoring', errorCode: null, errorMessage: null, cancelRequested: false, result: null, caseId: 'case-1', createdAt: new Date().toISOString() };
  const subscribers = new Set<(event: unknown) => void>();
  const root = {
    job: () => job,
    jobs: () => ({ edges: [{ node: job }] }),
    jobProgress: () => {
      const queue: unknown[] = [];
      let wake: (() => void) | null = null;
      const push = (e: unknown) => {
        queue.push(e);
        wake?.();
      };
      subscribers.add(push);
      return (async function* () {
        try {
          for (;;) {
            while (queue.length > 0) yield { jobProgress: queue.shift() };
            await new Promise<void>((r) => (wake = r));
          }
        } finally {
          subscribers.delete(push);
        }
      })();
    },
  };
  return {
    job,
    subscribers,
    /** Moves the job on and tells live subscribers (none while the connection is down). */
    advance(state: string, progress: number) {
      Object.assign(job, { state, progress });
      for (const s of subscribers) s({ jobId: job.id, type: job.type, state, progress, stage: job.stage, errorCode: null, at: new Date().toISOString() });
    },
    client: {
      async request(document: { source: string }, variables: unknown) {
        const result = await graphql({ schema, source: document.source, rootValue: root, variableValues: variables as Record<string, unknown> });
        if (result.errors?.length) throw result.errors[0];
        return result.data as never;
      },
    } satisfies GraphQLClient,
    root,
  };
}

interface Listening {
  http: Server;
  wss: WebSocketServer;
}

async function listen(server: ReturnType<typeof jobServer>, port = 0): Promise<Listening & { port: number }> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  useServer({ schema, roots: { subscription: { jobProgress: server.root.jobProgress } } }, wss);
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return { http, wss, port: (http.address() as AddressInfo).port };
}

async function stop(l: Listening): Promise<void> {
  for (const c of l.wss.clients) c.terminate();
  await new Promise<void>((resolve) => l.wss.close(() => resolve()));
  await new Promise<void>((resolve) => l.http.close(() => resolve()));
}

const until = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
    await flushPromises();
  }
};

let feed: JobFeed | null = null;
let running: Listening | null = null;
afterEach(async () => {
  feed?.dispose();
  if (running) await stop(running);
  feed = null;
  running = null;
});

describe('JobsTray', () => {
  it('shows progress live, polls while the connection is down, and goes live again once it is back', async () => {
    const server = jobServer();
    const first = await listen(server);
    running = first;
    feed = createJobFeed({
      client: server.client,
      url: `ws://127.0.0.1:${first.port}/graphql`,
      getToken: () => 'token',
      webSocketImpl: WebSocket,
      fallbackAfterMs: 150,
      pollMs: 80,
      maxRetryWaitMs: 150,
    });
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/cases/:id', name: 'case', component: { template: '<p />' } }] });
    const tray = mount(JobsTray, {
      global: { plugins: [createPinia(), i18n, router], provide: { [graphqlClientKey as symbol]: server.client, [jobFeedKey as symbol]: feed } },
    });
    const progress = () => Number(tray.find('progress').element.getAttribute('value') ?? (tray.find('progress').element as HTMLProgressElement).value);
    const mode = () => tray.get('[data-testid="jobs-mode"]').text();

    await until(() => tray.find('[data-testid="jobs-tray"]').exists());
    expect(tray.text()).toContain('Summarizing');
    await until(() => mode() === 'Live' && server.subscribers.size === 1);
    server.advance('RUNNING', 40);
    await until(() => progress() === 40);

    // The connection drops: the tray says it is reconnecting, then reads the job by polling.
    await stop(first);
    running = null;
    await until(() => mode() === 'Reconnecting…' || mode() === 'Checking every few seconds');
    await until(() => mode() === 'Checking every few seconds');
    server.advance('RUNNING', 70);
    await until(() => progress() === 70);

    // The server is back on the same address: live again, and the final state arrives by subscription.
    running = await listen(server, first.port);
    await until(() => mode() === 'Live' && server.subscribers.size === 1, 8000);
    server.advance('SUCCEEDED', 100);
    await until(() => tray.find('[data-job-state="SUCCEEDED"]').exists());
    expect(tray.text()).toContain('Done');
    tray.unmount();
  }, 20_000);
});
