import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { UserEntity, UserRole } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { inTransaction } from '../../database/transaction.js';
import { AccessEvents } from './access-events.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { AuthErrorReason, AuthException } from './auth.exception.js';
import { CreateApiKeyInput } from './dto/auth.types.js';
import { API_KEY_PREFIX, hashSecret, newSecret } from './token.util.js';

/** API keys of service accounts: created and revoked by admins, stored hashed. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly accessEvents: AccessEvents,
  ) {}

  async create(actor: AuditActor | null, input: CreateApiKeyInput): Promise<{ key: string; apiKey: ApiKeyEntity; user: UserEntity }> {
    const user = await this.users.requireUser(input.userId);
    if (user.role !== UserRole.SERVICE) {
      throw new AuthException(AuthErrorReason.NOT_A_SERVICE_ACCOUNT, 'API keys belong to service accounts (role SERVICE)');
    }
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw new AuthException(AuthErrorReason.INVALID_SCOPE, 'expiresAt must be in the future');
    }
    const courts = [...new Set(input.courts.map((c) => c.trim()))];
    const key = newSecret(API_KEY_PREFIX);
    const entity = this.keys.create({
      id: randomUUID(),
      userId: user.id,
      name: input.name.trim(),
      prefix: key.slice(0, 12),
      keyHash: hashSecret(key),
      courts,
      access: input.access,
      expiresAt: input.expiresAt ?? null,
      lastUsedAt: null,
      revokedAt: null,
    });
    const apiKey = await inTransaction(this.keys.manager.connection, async (m) => {
      const saved = await m.save(ApiKeyEntity, entity);
      await this.audit.record(
        {
          action: AuditAction.ApiKeyCreated,
          actor,
          details: { apiKeyId: saved.id, userId: user.id, name: saved.name, prefix: saved.prefix, courts, access: saved.access, expiresAt: saved.expiresAt },
        },
        m,
      );
      return saved;
    });
    return { key, apiKey, user };
  }

  async revoke(actor: AuditActor | null, id: string): Promise<ApiKeyEntity> {
    const key = await this.keys.findOneBy({ id });
    if (!key) throw new AuthException(AuthErrorReason.API_KEY_NOT_FOUND, 'API key not found');
    if (!key.revokedAt) {
      key.revokedAt = new Date();
      await inTransaction(this.keys.manager.connection, async (m) => {
        await m.save(ApiKeyEntity, key);
        await this.audit.record({ action: AuditAction.ApiKeyRevoked, actor, details: { apiKeyId: key.id, userId: key.userId, prefix: key.prefix } }, m);
      });
      this.accessEvents.changed(key.userId);
    }
    return key;
  }

  list(userId?: string): Promise<ApiKeyEntity[]> {
    return this.keys.find({ where: userId ? { userId } : {}, order: { createdAt: 'DESC', id: 'ASC' } });
  }
}
