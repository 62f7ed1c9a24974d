import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Not, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import type { Principal } from '../../common/auth/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { PasswordHasher } from '../users/password-hasher.service.js';
import { UserEntity, UserRole } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { UserErrorReason, UserException } from '../users/users.exception.js';
import { AccessEvents } from './access-events.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { AuthErrorReason, AuthException } from './auth.exception.js';
import { AuthSessionEntity } from './auth-session.entity.js';
import { DirectoryService } from './directory.service.js';
import { AttemptRefused, AttemptReservation, LoginRateLimiter } from './login-rate-limiter.js';
import { inTransaction } from '../../database/transaction.js';
import { API_KEY_PREFIX, hashSecret, newSecret, SESSION_TOKEN_PREFIX } from './token.util.js';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: UserEntity;
}

const LAST_USED_RESOLUTION_MS = 60_000;

const actorOf = (p: Principal) => ({ id: p.userId, role: p.role });

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(AuthSessionEntity) private readonly sessions: Repository<AuthSessionEntity>,
    @InjectRepository(ApiKeyEntity) private readonly apiKeys: Repository<ApiKeyEntity>,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly accessEvents: AccessEvents,
    @Optional() private readonly directory?: DirectoryService,
  ) {}

  /**
   * Verifies a password and opens a session. The attempt is counted before the password is hashed,
   * per account (from any address) and per client address; a refusal by the limiter is recorded
   * once per window.
   */
  async login(email: string, password: string, ip: string): Promise<LoginResult> {
    const normalized = email.trim().toLowerCase();
    let reservation: AttemptReservation;
    try {
      reservation = await this.limiter.reserveSignIn(normalized, ip);
    } catch (error) {
      if (!(error instanceof AttemptRefused)) throw error;
      if (error.first) {
        await this.audit.record({ action: AuditAction.SignInRefused, actor: null, details: { email: normalized, ip, limit: error.scope } });
      }
      throw new AuthException(AuthErrorReason.TOO_MANY_ATTEMPTS, 'Too many sign-in attempts; try again later', {
        retryAfterSeconds: error.retryAfterSeconds,
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
      await this.audit.record({
        action: AuditAction.SignInFailed,
        actor: user ? { id: user.id, role: user.role } : null,
        details: { email: normalized, ip },
      });
      throw new AuthException(AuthErrorReason.INVALID_CREDENTIALS, 'Wrong email or password');
    }
    await reservation.succeeded();
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
    await inTransaction(this.sessions.manager.connection, async (m) => {
      await m.save(AuthSessionEntity, session);
      await this.audit.record({ action: AuditAction.SignIn, actor: { id: user.id, role: user.role }, details: { sessionId: session.id, ip } }, m);
    });
    return { token, expiresAt: session.expiresAt, user };
  }

  /** Ends a session (sign-out); open subscriptions of the session close. */
  async logout(principal: Principal): Promise<void> {
    if (!principal.sessionId) return;
    const sessionId = principal.sessionId;
    await inTransaction(this.sessions.manager.connection, async (m) => {
      const ended = await m.update(AuthSessionEntity, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
      if (ended.affected) await this.audit.record({ action: AuditAction.SignOut, actor: actorOf(principal), details: { sessionId } }, m);
    });
    this.accessEvents.changed(principal.userId);
  }

  /**
   * Changes the caller's own password. Checks of the current password are limited like sign-ins
   * (per account); the change ends every other session of the user and is recorded.
   */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<UserEntity> {
    let reservation: AttemptReservation;
    try {
      reservation = await this.limiter.reservePasswordChange(principal.userId);
    } catch (error) {
      if (!(error instanceof AttemptRefused)) throw error;
      if (error.first) await this.audit.record({ action: AuditAction.PasswordChangeRefused, actor: actorOf(principal), details: { limit: error.scope } });
      throw new AuthException(AuthErrorReason.TOO_MANY_ATTEMPTS, 'Too many password attempts; try again later', { retryAfterSeconds: error.retryAfterSeconds });
    }
    const user = await this.users.requireUser(principal.userId);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.audit.record({ action: AuditAction.PasswordChangeFailed, actor: actorOf(principal), details: { userId: user.id } });
      throw new UserException(UserErrorReason.WRONG_PASSWORD, 'The current password is wrong');
    }
    await reservation.succeeded();
    if (newPassword === currentPassword) {
      throw new UserException(UserErrorReason.PASSWORD_UNCHANGED, 'The new password must differ from the current one');
    }
    return this.replacePassword(principal, user.id, newPassword, AuditAction.PasswordChanged, principal.sessionId);
  }

  /**
   * Sets another user's password (admins); every session of that user ends, and the user is asked to
   * choose their own password at the next sign-in.
   */
  resetPassword(actor: Principal, userId: string, newPassword: string): Promise<UserEntity> {
    const own = actor.userId === userId;
    return this.replacePassword(actor, userId, newPassword, AuditAction.PasswordReset, own ? actor.sessionId : undefined, !own);
  }

  private async replacePassword(actor: Principal, userId: string, password: string, action: AuditAction, keepSessionId?: string, changeRequired = false): Promise<UserEntity> {
    const user = await inTransaction(this.sessions.manager.connection, async (m) => {
      const saved = await this.users.setPassword(userId, password, m, changeRequired);
      const open = { userId, revokedAt: IsNull(), ...(keepSessionId ? { id: Not(keepSessionId) } : {}) };
      const ended = await m.update(AuthSessionEntity, open, { revokedAt: new Date() });
      await this.audit.record({ action, actor: actorOf(actor), details: { userId, sessionsEnded: ended.affected ?? 0 } }, m);
      return saved;
    });
    this.accessEvents.changed(userId);
    return user;
  }

  /**
   * Whether `principal` still stands as it did when it was resolved: its session or API key is
   * still valid and the user is still active with the same role and court. Subscriptions ask this
   * before every event they deliver.
   */
  async stillValid(principal: Principal): Promise<boolean> {
    if (principal.sessionId) {
      const session = await this.sessions.findOneBy({ id: principal.sessionId });
      if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return false;
    } else if (principal.apiKey) {
      const key = await this.apiKeys.findOneBy({ id: principal.apiKey.apiKeyId });
      if (!key || key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) return false;
    } else {
      return false;
    }
    const user = await this.users.findById(principal.userId);
    return Boolean(user && user.active && user.role === principal.role && (principal.apiKey ? true : user.court === principal.court));
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
