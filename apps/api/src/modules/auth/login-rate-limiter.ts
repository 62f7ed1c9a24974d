import { isIPv4, isIPv6 } from 'node:net';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';

/** Which limit refused an attempt. */
export type LimitScope = 'account' | 'address' | 'password_change';

/** An attempt was refused: `retryAfterSeconds` until the next one; `first` for the first refusal of the window. */
export class AttemptRefused {
  constructor(
    readonly scope: LimitScope,
    readonly retryAfterSeconds: number,
    readonly first: boolean,
  ) {}
}

/** A reserved attempt: settle it with `succeeded()` (or leave it counted as a failure). */
export interface AttemptReservation {
  succeeded(): Promise<void>;
}

/**
 * The client address an attempt is counted under: IPv4 (also IPv4-mapped IPv6) as is, IPv6 by its
 * /64 prefix (one host usually owns a whole /64, so its addresses count as one).
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (isIPv6(ip)) {
    const [head, tail = ''] = ip.toLowerCase().split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
    return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
  }
  return ip;
}

/**
 * Limits password attempts (sign-in and password change) with rate-limiter-flexible: in memory by
 * default, in Redis when REDIS_URL is set so that every API process shares the counts.
 * An attempt is reserved (counted) before the password is hashed, so a burst of parallel guesses
 * cannot slip past the limit; a successful attempt gives its point back. Counts are kept per
 * account across all addresses and per client address across all accounts.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleDestroy {
  private readonly redis?: Redis;
  private readonly perAccount: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;
  private readonly passwordChange: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { attempts, windowMs } = config.loginRateLimit;
    const make = (keyPrefix: string, points: number, durationMs: number): RateLimiterAbstract => {
      const options = { keyPrefix, points, duration: Math.ceil(durationMs / 1000) };
      return this.redis ? new RateLimiterRedis({ ...options, storeClient: this.redis }) : new RateLimiterMemory(options);
    };
    if (config.redisUrl) this.redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
    this.perAccount = make(`amicus:login:account:${config.jobs.queueName}`, attempts, windowMs);
    this.perAddress = make(`amicus:login:address:${config.jobs.queueName}`, config.loginRateLimit.addressAttempts, windowMs);
    this.passwordChange = make(`amicus:password-change:${config.jobs.queueName}`, attempts, windowMs);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  /** Reserves one sign-in attempt for `email` from `ip`; throws AttemptRefused when either limit is spent. */
  async reserveSignIn(email: string, ip: string): Promise<AttemptReservation> {
    const account = email.toLowerCase();
    const address = addressKey(ip);
    await this.consume(this.perAccount, account, 'account');
    try {
      await this.consume(this.perAddress, address, 'address');
    } catch (refused) {
      await this.perAccount.reward(account, 1);
      throw refused;
    }
    return {
      succeeded: async () => {
        await this.perAccount.delete(account);
        await this.perAddress.reward(address, 1);
      },
    };
  }

  /** Reserves one current-password check of a password change by `userId`. */
  async reservePasswordChange(userId: string): Promise<AttemptReservation> {
    await this.consume(this.passwordChange, userId, 'password_change');
    return { succeeded: async () => void (await this.passwordChange.delete(userId)) };
  }

  private async consume(limiter: RateLimiterAbstract, key: string, scope: LimitScope): Promise<void> {
    try {
      await limiter.consume(key, 1);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new AttemptRefused(scope, Math.max(1, Math.ceil(error.msBeforeNext / 1000)), error.consumedPoints === limiter.points + 1);
    }
  }
}
