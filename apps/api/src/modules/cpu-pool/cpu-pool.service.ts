import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ExtractionError, type ExtractionErrorCode } from '@amicus/legal-nlp';
import { SlotError, type SlotProblem } from '@amicus/prompts';
import { Piscina } from 'piscina';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import type { CpuProgress, CpuTaskFailure, CpuTaskMessage, CpuTaskName, CpuTaskReply, CpuTasks } from './cpu-tasks.js';

/** The compiled thread entry beside this file (dist/modules/cpu-pool/cpu-tasks.worker.js). */
const BUILT_WORKER_FILE = fileURLToPath(new URL('./cpu-tasks.worker.js', import.meta.url));
/** An idle thread (and its model session) is kept this long before it is stopped. */
const IDLE_THREAD_MS = 30 * 60_000;

export interface CpuRunOptions {
  /** Aborting it cancels the task: it stops at its next checkpoint (a progress report) and `run` rejects with the abort reason. */
  signal?: AbortSignal;
  /** Progress reports of the task (0-100 of the task itself). */
  onProgress?: (progress: CpuProgress) => void;
}

/** A task failed inside its thread with an error the API has no typed counterpart for. */
export class CpuTaskError extends Error {
  readonly code?: string;

  constructor(readonly failure: CpuTaskFailure) {
    super(failure.message);
    this.name = failure.name;
    if (failure.code) this.code = failure.code;
  }
}

/** The thread running a task stopped (crashed, ran out of memory, was terminated): the task did not finish. */
export class CpuThreadLostError extends Error {
  readonly code = 'WORKER_THREAD_LOST';

  constructor(cause: unknown) {
    super(`The worker thread running the task stopped: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'CpuThreadLostError';
  }
}

/**
 * The pool of worker threads that does the API's CPU work (extraction and OCR, segmentation, the
 * brief, features and inference, draft rendering and export), so the API thread only does I/O and
 * orchestration. Sized from config; each thread keeps its own model session. Progress comes back
 * over a MessagePort per task; cancellation sets a flag in shared memory that the task checks at
 * each progress report. A thread that dies mid-task (crash, out of memory) is replaced by the pool
 * and its task rejects with `CpuThreadLostError`, which a job retries.
 */
@Injectable()
export class CpuPool implements OnApplicationShutdown {
  private readonly pool: Piscina<CpuTaskMessage, CpuTaskReply>;

  private readonly logger = new Logger('CpuPool');

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new Piscina({
      filename: config.cpuPool.workerFile ?? BUILT_WORKER_FILE,
      minThreads: 0,
      maxThreads: config.cpuPool.threads,
      idleTimeout: IDLE_THREAD_MS,
      concurrentTasksPerWorker: 1,
    });
    // a thread that exits mid-task: its task rejects (and is retried by its job); the pool starts a new thread
    this.pool.on('error', (error: Error) => this.logger.error(`A worker thread stopped: ${error.message}`));
  }

  /** Threads in the pool now. */
  get threadCount(): number {
    return this.pool.threads.length;
  }

  /** Tasks waiting for a free thread. */
  get queueSize(): number {
    return this.pool.queueSize;
  }

  /** The pool's threads (for tests that stop one mid-task). */
  get threads(): ReadonlyArray<{ terminate(): Promise<number> }> {
    return this.pool.threads;
  }

  async run<K extends CpuTaskName>(task: K, input: CpuTasks[K]['input'], options: CpuRunOptions = {}): Promise<CpuTasks[K]['output']> {
    const { signal, onProgress } = options;
    signal?.throwIfAborted();
    const channel = new MessageChannel();
    if (onProgress) channel.port1.on('message', (p: CpuProgress) => onProgress(p));
    const cancel = new SharedArrayBuffer(4);
    const onAbort = () => Atomics.store(new Int32Array(cancel), 0, 1);
    signal?.addEventListener('abort', onAbort, { once: true });
    let reply: CpuTaskReply<K>;
    try {
      const message: CpuTaskMessage<K> = { task, input, progress: channel.port2, cancel };
      reply = (await this.pool.run(message, { transferList: [channel.port2] })) as CpuTaskReply<K>;
    } catch (error) {
      throw new CpuThreadLostError(error);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      channel.port1.close();
    }
    if (signal?.aborted) throw signal.reason;
    if (!reply.ok) throw typedError(reply.error);
    return reply.value;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close({ force: true });
  }
}

/** Rebuilds the typed errors callers test for (`isExtractionError`, `SlotError`); others keep their name and code. */
function typedError(failure: CpuTaskFailure): Error {
  if (failure.name === 'ExtractionError' && failure.code) return new ExtractionError(failure.code as ExtractionErrorCode, failure.message);
  if (failure.name === 'SlotError' && failure.details) {
    const d = failure.details as { templateRef?: string; missing?: string[]; invalid?: SlotProblem[] };
    return new SlotError(d.templateRef ?? '', d.missing ?? [], d.invalid ?? []);
  }
  return new CpuTaskError(failure);
}
