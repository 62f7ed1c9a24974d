import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import type { Principal } from '../../common/auth/principal.js';
import { isUniqueViolation } from '../../database/errors.js';
import { Connection, paginate } from '../../common/pagination/connection.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { AccessEvents } from '../auth/access-events.js';
import { inTransaction } from '../../database/transaction.js';
import { CreateUserInput, UpdateUserInput, UsersArgs } from './dto/user.inputs.js';
import { PasswordHasher } from './password-hasher.service.js';
import { UserEntity, UserRole } from './user.entity.js';
import { UserErrorReason, UserException } from './users.exception.js';
import { UsersRepository } from './users.repository.js';

const COURT_ROLES = new Set([UserRole.JUDGE, UserRole.CLERK]);

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly accessEvents: AccessEvents,
  ) {}

  /** Creates the bootstrap admin from config when no admin exists yet. */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin) return;
    if ((await this.users.countAdmins()) > 0) return;
    const existing = await this.users.findByEmail(admin.email);
    if (existing) {
      this.logger.warn(`Bootstrap admin not created: ${admin.email} already exists with another role`);
      return;
    }
    await this.createUser({ email: admin.email, displayName: 'Administrator', role: UserRole.ADMIN, password: admin.password }, null, 'bootstrap');
    this.logger.log(`Bootstrap admin ${admin.email} created`);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.users.findByIds(ids);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(email);
  }

  async requireUser(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new UserException(UserErrorReason.USER_NOT_FOUND, 'User not found');
    return user;
  }

  /**
   * Creates or updates the local account of a user the directory just signed in (no local
   * password): role, court and name follow the directory at every sign-in; changes are recorded.
   */
  async syncDirectoryUser(profile: { email: string; displayName: string; role: UserRole; court: string | null }): Promise<UserEntity> {
    const existing = await this.users.findByEmail(profile.email);
    if (!existing) {
      const user = Object.assign(new UserEntity(), { id: randomUUID(), ...profile, passwordHash: null, active: true });
      const saved = await this.users.save(user);
      await this.audit?.record({ action: AuditAction.UserCreated, actor: null, details: { userId: saved.id, email: saved.email, role: saved.role, court: saved.court, via: 'directory' } });
      return saved;
    }
    const before = { role: existing.role, court: existing.court, active: existing.active };
    Object.assign(existing, { displayName: profile.displayName, role: profile.role, court: profile.court, active: true });
    const saved = await this.users.save(existing);
    if (before.role !== saved.role || before.court !== saved.court || before.active !== saved.active) {
      await this.audit?.record({
        action: AuditAction.UserUpdated,
        actor: null,
        details: { change: 'user', userId: saved.id, before, after: { role: saved.role, court: saved.court, active: saved.active }, via: 'directory' },
      });
    }
    return saved;
  }

  /** Deactivates the local account of a directory user the directory no longer admits. */
  async deactivateDirectoryUser(user: UserEntity): Promise<void> {
    if (!user.active) return;
    user.active = false;
    await this.users.save(user);
    await this.audit?.record({ action: AuditAction.UserUpdated, actor: null, details: { change: 'user', userId: user.id, before: { active: true }, after: { active: false }, via: 'directory' } });
  }

  /**
   * Creates a user (admins through GraphQL, the CLI, and the bootstrap) and records it in the
   * ledger: a new account is a grant of access. `actor` is null for the CLI and the bootstrap.
   */
  async createUser(input: CreateUserInput, actor: AuditActor | null = null, via: 'graphql' | 'cli' | 'bootstrap' = 'graphql'): Promise<UserEntity> {
    const court = input.court ?? null;
    const password = input.password ?? null;
    this.checkCourt(input.role, court);
    if (input.role === UserRole.SERVICE && password !== null) {
      throw new UserException(UserErrorReason.PASSWORD_NOT_ALLOWED, 'Service accounts sign in with API keys, not passwords');
    }
    if (input.role !== UserRole.SERVICE && password === null) {
      throw new UserException(UserErrorReason.PASSWORD_REQUIRED, 'A password is required');
    }
    const email = input.email.trim().toLowerCase();
    if (await this.users.findByEmail(email)) throw new UserException(UserErrorReason.EMAIL_TAKEN, 'Email address already in use');
    const user = new UserEntity();
    user.id = randomUUID();
    user.email = email;
    user.displayName = input.displayName.trim();
    user.role = input.role;
    user.court = court;
    user.passwordHash = password === null ? null : await this.hasher.hash(password);
    user.active = true;
    user.locale = null;
    // The bootstrap password sits in a config file: its owner is asked to replace it at first sign-in.
    user.passwordChangeRequired = via === 'bootstrap';
    try {
      return await inTransaction(this.users.repo.manager.connection, async (m) => {
        const saved = await m.save(UserEntity, user);
        await this.audit.record(
          { action: AuditAction.UserCreated, actor, details: { userId: saved.id, email: saved.email, role: saved.role, court: saved.court, via } },
          m,
        );
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new UserException(UserErrorReason.EMAIL_TAKEN, 'Email address already in use');
      throw error;
    }
  }

  async updateUser(actor: Principal, input: UpdateUserInput): Promise<UserEntity> {
    const user = await this.requireUser(input.id);
    const role = input.role ?? user.role;
    const court = input.court === undefined ? user.court : input.court;
    const active = input.active ?? user.active;
    this.checkCourt(role, court);
    if (role === UserRole.SERVICE && user.role !== UserRole.SERVICE && user.passwordHash !== null) {
      throw new UserException(UserErrorReason.PASSWORD_NOT_ALLOWED, 'A user with a password cannot become a service account');
    }
    if (role !== UserRole.SERVICE && user.passwordHash === null) {
      throw new UserException(UserErrorReason.PASSWORD_REQUIRED, 'A service account cannot take a role that signs in with a password');
    }
    const losesAdmin = user.role === UserRole.ADMIN && user.active && (role !== UserRole.ADMIN || !active);
    if (losesAdmin && (await this.users.countActiveAdmins()) <= 1) {
      throw new UserException(UserErrorReason.LAST_ADMIN, 'The last active admin cannot be demoted or deactivated');
    }
    if (losesAdmin && actor.userId === user.id) {
      throw new UserException(UserErrorReason.NOT_ALLOWED, 'Admins cannot demote or deactivate themselves');
    }
    if (input.displayName !== undefined && input.displayName !== null) user.displayName = input.displayName.trim();
    const before = { role: user.role, court: user.court, active: user.active };
    user.role = role;
    user.court = court;
    user.active = active;
    const changed = before.role !== role || before.court !== court || before.active !== active;
    const saved = await inTransaction(this.users.repo.manager.connection, async (m) => {
      const result = await m.save(UserEntity, user);
      if (changed) {
        await this.audit.record(
          { action: AuditAction.PermissionChange, actor: { id: actor.userId, role: actor.role }, details: { change: 'user', userId: user.id, before, after: { role, court, active } } },
          m,
        );
      }
      return result;
    });
    // a deactivated or changed user's open subscriptions re-check at once
    if (changed) this.accessEvents.changed(user.id);
    return saved;
  }

  /**
   * Sets a user's password inside `manager`'s transaction; `changeRequired` asks the user to choose
   * their own at the next sign-in (an admin's reset). Ending the user's sessions and recording the
   * change belong to the caller (the auth module's password change and reset).
   */
  async setPassword(userId: string, password: string, manager: EntityManager, changeRequired = false): Promise<UserEntity> {
    const user = await this.requireUser(userId);
    if (user.role === UserRole.SERVICE) {
      throw new UserException(UserErrorReason.PASSWORD_NOT_ALLOWED, 'Service accounts sign in with API keys, not passwords');
    }
    user.passwordHash = await this.hasher.hash(password);
    user.passwordChangeRequired = changeRequired;
    return manager.save(UserEntity, user);
  }

  /** The signed-in user's interface language; null returns to the browser's. */
  async setLocale(actor: Principal, locale: string | null): Promise<UserEntity> {
    const user = await this.requireUser(actor.userId);
    user.locale = locale;
    return this.users.save(user);
  }

  /** Admins list every user; judges and clerks the users of their own court. */
  list(actor: Principal, args: UsersArgs): Promise<Connection<UserEntity>> {
    if (actor.role === UserRole.SERVICE) throw new UserException(UserErrorReason.NOT_ALLOWED, 'Not allowed');
    const onlyCourt = actor.role === UserRole.ADMIN ? null : (actor.court ?? '\u0000');
    return paginate(this.users.query(args.filter, onlyCourt), args, {
      alias: 'u',
      sortColumn: 'u.email',
      sortValue: (u) => u.email,
      direction: 'ASC',
      idColumn: 'u.id',
      id: (u) => u.id,
    });
  }

  private checkCourt(role: UserRole, court: string | null): void {
    if (COURT_ROLES.has(role) && !court) {
      throw new UserException(UserErrorReason.COURT_REQUIRED, 'Judges and clerks belong to a court');
    }
    if (!COURT_ROLES.has(role) && court) {
      throw new UserException(UserErrorReason.COURT_NOT_ALLOWED, 'Only judges and clerks belong to a court');
    }
  }
}
