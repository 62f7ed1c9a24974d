import { Redis } from 'ioredis';

/** How long start-up waits for Redis before giving up. */
export const REDIS_CONNECT_TIMEOUT_MS = 5000;

/** Redis cannot be reached at start-up. */
export class RedisUnreachableError extends Error {
  constructor(url: string, cause: string) {
    super(`Cannot reach Redis at ${redactedUrl(url)} (REDIS_URL) within ${REDIS_CONNECT_TIMEOUT_MS / 1000} s: ${cause}. Start Redis or correct REDIS_URL.`);
    this.name = 'RedisUnreachableError';
  }
}

function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured URL';
  }
}

/**
 * Connects to Redis once and pings it, failing fast with a clear message (instead of the client
 * retrying silently forever) when it does not answer in time.
 */
export async function assertRedisReachable(url: string, timeoutMs = REDIS_CONNECT_TIMEOUT_MS): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  redis.on('error', () => undefined); // reported through the rejected connect below
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer')), timeoutMs);
      }),
    ]);
  } catch (error) {
    throw new RedisUnreachableError(url, error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
    redis.disconnect();
  }
}
