/** Settings of the worker-thread pool; the config module builds them from the environment. */
export interface CpuPoolConfig {
  /** Threads running CPU work at once (AMICUS_WORKER_THREADS). */
  threads: number;
  /** The thread entry module; default: the compiled `cpu-tasks.worker.js` beside the pool (tests point at their own build). */
  workerFile?: string;
}

/** Default pool size: one thread per concurrently running job plus one for request work (exports, briefs). */
export function defaultWorkerThreads(jobConcurrency: number): number {
  return jobConcurrency + 1;
}
