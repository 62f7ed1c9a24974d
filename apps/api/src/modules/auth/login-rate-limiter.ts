import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';

/**
 * Counts failed sign-ins per email + client address in a fixed window held in memory (one API
 * process). A success clears the count. Checked before the password is verified.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly windows = new Map<string, { failures: number; resetAt: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private key(email: string, ip: string): string {
    return `${email.toLowerCase()}\u0000${ip}`;
  }

  /** Seconds until the caller may try again, or 0 when an attempt is allowed now. */
  retryAfterSeconds(email: string, ip: string, now = Date.now()): number {
    const w = this.windows.get(this.key(email, ip));
    if (!w || w.resetAt <= now) return 0;
    return w.failures >= this.config.loginRateLimit.attempts ? Math.ceil((w.resetAt - now) / 1000) : 0;
  }

  recordFailure(email: string, ip: string, now = Date.now()): void {
    const key = this.key(email, ip);
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) this.windows.set(key, { failures: 1, resetAt: now + this.config.loginRateLimit.windowMs });
    else w.failures += 1;
    if (this.windows.size > 100_000) this.prune(now);
  }

  recordSuccess(email: string, ip: string): void {
    this.windows.delete(this.key(email, ip));
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}
