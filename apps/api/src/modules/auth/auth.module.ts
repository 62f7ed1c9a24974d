import { DirectoryService } from './directory.service.js';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { ApiKeysService } from './api-keys.service.js';
import { AuthGuard } from './auth.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { AuthSessionEntity } from './auth-session.entity.js';
import { LoginRateLimiter } from './login-rate-limiter.js';

@Module({
  imports: [TypeOrmModule.forFeature([AuthSessionEntity, ApiKeyEntity]), UsersModule],
  providers: [AuthService, ApiKeysService, LoginRateLimiter, DirectoryService, AuthResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
