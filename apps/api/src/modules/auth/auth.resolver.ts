import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Public, Roles } from '../../common/auth/auth.decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { toUserSummary, toUserType, UserType } from '../users/dto/user.type.js';
import { UserRole } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { ApiKeysService } from './api-keys.service.js';
import { AuthService } from './auth.service.js';
import {
  ApiKeyType,
  AuthPayloadType,
  ChangePasswordArgs,
  CreateApiKeyInput,
  CreatedApiKeyType,
  LoginArgs,
  SetUserPasswordArgs,
  toApiKeyType,
} from './dto/auth.types.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly keys: ApiKeysService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadType, { description: 'Signs in with email and password; returns a bearer token that expires.' })
  async login(@Args() args: LoginArgs, @Context() ctx: GraphQLContext): Promise<AuthPayloadType> {
    const ip = ctx.req.ip ?? ctx.req.socket.remoteAddress ?? 'unknown';
    const result = await this.auth.login(args.email, args.password, ip);
    return { token: result.token, expiresAt: result.expiresAt, user: toUserType(result.user) };
  }

  @Mutation(() => Boolean, { description: 'Ends the current sign-in session; its token stops working.' })
  async logout(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    await this.auth.logout(principal);
    return true;
  }

  @Mutation(() => UserType, { description: 'Changes the signed-in user’s own password; the user’s other sessions end. Attempts are limited like sign-ins.' })
  @Roles(UserRole.ADMIN, UserRole.JUDGE, UserRole.CLERK)
  async changePassword(@CurrentPrincipal() principal: Principal, @Args() args: ChangePasswordArgs): Promise<UserType> {
    return toUserType(await this.auth.changePassword(principal, args.currentPassword, args.newPassword));
  }

  @Mutation(() => UserType, { description: 'Sets a user’s password; every session of that user ends (admins only).' })
  @Roles(UserRole.ADMIN)
  async setUserPassword(@CurrentPrincipal() principal: Principal, @Args() args: SetUserPasswordArgs): Promise<UserType> {
    return toUserType(await this.auth.resetPassword(principal, args.id, args.password));
  }

  @Query(() => [ApiKeyType], { description: 'API keys, newest first, optionally of one service account (admins only).' })
  @Roles(UserRole.ADMIN)
  async apiKeys(
    @Args('userId', { type: () => ID, nullable: true, description: 'Only keys of this service account.' }) userId?: string,
  ): Promise<ApiKeyType[]> {
    const keys = await this.keys.list(userId ?? undefined);
    const users = new Map((await this.users.findByIds([...new Set(keys.map((k) => k.userId))])).map((u) => [u.id, u]));
    return keys.flatMap((k) => {
      const u = users.get(k.userId);
      return u ? [toApiKeyType(k, toUserSummary(u))] : [];
    });
  }

  @Mutation(() => CreatedApiKeyType, { description: 'Creates an API key for a service account; the key is returned only this once (admins only).' })
  @Roles(UserRole.ADMIN)
  async createApiKey(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'What to create or change.' }) input: CreateApiKeyInput,
  ): Promise<CreatedApiKeyType> {
    const { key, apiKey, user } = await this.keys.create({ id: principal.userId, role: principal.role }, input);
    return { key, apiKey: toApiKeyType(apiKey, toUserSummary(user)) };
  }

  @Mutation(() => ApiKeyType, { description: 'Revokes an API key; it stops working at once (admins only).' })
  @Roles(UserRole.ADMIN)
  async revokeApiKey(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'API key id.' }) id: string,
  ): Promise<ApiKeyType> {
    const key = await this.keys.revoke({ id: principal.userId, role: principal.role }, id);
    const user = await this.users.requireUser(key.userId);
    return toApiKeyType(key, toUserSummary(user));
  }
}
