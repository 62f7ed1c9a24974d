import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import type { Principal } from '../../common/auth/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { PasswordHasher } from '../users/password-hasher.service.js';
import { UserEntity, UserRole } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { AuthErrorReason, AuthException } from './auth.exception.js';
import { AuthSessionEntity } from './auth-session.entity.js';
import { DirectoryService } from './directory.service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { API_KEY_PREFIX, hashSecret, newSecret, SESSION_TOKEN_PREFIX } from './token.util.js';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: UserEntity;
}

const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(AuthSessionEntity) private readonly sessions: Repository<AuthSessionEntity>,
    @InjectRepository(ApiKeyEntity) private readonly apiKeys: Repository<ApiKeyEntity>,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly audit?: AuditService,
    @Optional() private readonly directory?: DirectoryService,
  ) {}

  /** Verifies a password and opens a session. Rate-limited per email + client address. */
  async login(email: string, password: string, ip: string): Promise<LoginResult> {
    const normalized = email.trim().toLowerCase();
    const retryAfter = this.limiter.retryAfterSeconds(normalized, ip);
    if (retryAfter > 0) {
      throw new AuthException(AuthErrorReason.TOO_MANY_ATTEMPTS, 'Too many failed sign-in attempts; try again later', {
        retryAfterSeconds: retryAfter,
      });
    }
    let user = await this.users.findByEmail(normalized);
    let ok: boolean;
    if (this.directory?.enabled && (!user || (user.passwordHash === null && user.role !== UserRole.SERVICE))) {
      // directory accounts have no local password: the directory decides, and its answer updates the account
      const result = await this.directory.authenticate(normalized, password);
      ok = result.kind === 'profile';
      if (result.kind === 'profile') user = await this.users.syncDirectoryUser(result.profile);
      else if (user && result.reason !== 'credentials') await this.users.deactivateDirectoryUser(user);
    } else {
      ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    }
    if (!user || !ok || !user.active || user.role === UserRole.SERVICE) {
      this.limiter.recordFailure(normalized, ip);
      await this.audit?.record({
        action: AuditAction.SignInFailed,
        actor: user ? { id: user.id, role: user.role } : null,
        details: { email: normalized, ip },
      });
      throw new AuthException(AuthErrorReason.INVALID_CREDENTIALS, 'Wrong email or password');
    }
    this.limiter.recordSuccess(normalized, ip);
    // Sessions of this user that can no longer be used are dropped as new ones open.
    await this.sessions.delete({ userId: user.id, expiresAt: LessThan(new Date()) });
    const token = newSecret(SESSION_TOKEN_PREFIX);
    const session = this.sessions.create({
      id: randomUUID(),
      userId: user.id,
      tokenHash: hashSecret(token),
      expiresAt: new Date(Date.now() + this.config.tokenTtlMs),
      revokedAt: null,
    });
    await this.sessions.save(session);
    await this.audit?.record({ action: AuditAction.SignIn, actor: { id: user.id, role: user.role }, details: { sessionId: session.id, ip } });
    return { token, expiresAt: session.expiresAt, user };
  }

  /** Ends a session (sign-out). */
  async logout(principal: Principal): Promise<void> {
    if (principal.sessionId) await this.sessions.update({ id: principal.sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /**
   * Resolves a bearer token (session token or API key) to the caller. Throws UNAUTHENTICATED for
   * unknown, revoked or expired tokens and for deactivated users.
   */
  async authenticate(token: string): Promise<Principal> {
    if (token.startsWith(SESSION_TOKEN_PREFIX)) return this.authenticateSession(token);
    if (token.startsWith(API_KEY_PREFIX)) return this.authenticateApiKey(token);
    throw new AuthException(AuthErrorReason.INVALID_TOKEN, 'Invalid token');
  }

  private async authenticateSession(token: string): Promise<Principal> {
    const session = await this.sessions.findOneBy({ tokenHash: hashSecret(token) });
    if (!session || session.revokedAt) throw new AuthException(AuthErrorReason.INVALID_TOKEN, 'Invalid token');
    if (session.expiresAt.getTime() <= Date.now()) throw new AuthException(AuthErrorReason.TOKEN_EXPIRED, 'Token expired; sign in again');
    const user = await this.users.findById(session.userId);
    if (!user || !user.active) throw new AuthException(AuthErrorReason.INVALID_TOKEN, 'Invalid token');
    return { userId: user.id, email: user.email, displayName: user.displayName, role: user.role, court: user.court, sessionId: session.id };
  }

  private async authenticateApiKey(token: string): Promise<Principal> {
    const key = await this.apiKeys.findOneBy({ keyHash: hashSecret(token) });
    if (!key || key.revokedAt) throw new AuthException(AuthErrorReason.INVALID_TOKEN, 'Invalid token');
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) throw new AuthException(AuthErrorReason.TOKEN_EXPIRED, 'API key expired');
    const user = await this.users.findById(key.userId);
    if (!user || !user.active || user.role !== UserRole.SERVICE) throw new AuthException(AuthErrorReason.INVALID_TOKEN, 'Invalid token');
    const now = new Date();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.apiKeys.update({ id: key.id }, { lastUsedAt: now });
    }
    return {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      court: null,
      apiKey: { apiKeyId: key.id, courts: key.courts, access: key.access },
    };
  }
}
