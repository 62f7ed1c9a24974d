import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while serving a request or running a job carries. */
export interface RequestContext {
  /** The HTTP request id (X-Request-Id); a job carries the id of the request that queued it. */
  requestId?: string;
  jobId?: string;
  jobType?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with this context; log lines and queued jobs inside it pick it up. */
export function runInContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The id of the request being served (or of the request that queued the running job). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
