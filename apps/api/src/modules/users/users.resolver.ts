import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { ArgsType, Field, ObjectType } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ConnectionType, mapConnection } from '../../common/pagination/connection.js';
import { CreateUserInput, UpdateUserInput, UsersArgs } from './dto/user.inputs.js';
import { toUserType, UserType } from './dto/user.type.js';
import { UserRole } from './user.entity.js';
import { UsersService } from './users.service.js';

@ObjectType({ description: 'A page of users.' })
export class UserConnection extends ConnectionType(UserType, 'User') {}

/** Interface languages the web app offers. */
export const SUPPORTED_LOCALES = ['en', 'zh-CN'] as const;

@ArgsType()
class SetLocaleArgs {
  @Field(() => String, { nullable: true, description: `Language tag (${SUPPORTED_LOCALES.join(', ')}); null: follow the browser.` })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES, { message: `locale must be one of ${SUPPORTED_LOCALES.join(', ')}` })
  locale: string | null;
}

@Resolver(() => UserType)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Query(() => UserType, { description: 'The signed-in user (or the service account of an API key).' })
  async me(@CurrentPrincipal() principal: Principal): Promise<UserType> {
    return toUserType(await this.service.requireUser(principal.userId));
  }

  @Query(() => UserConnection, { description: 'Users: admins see all; judges and clerks see the users of their court.' })
  @Roles(UserRole.ADMIN, UserRole.JUDGE, UserRole.CLERK)
  async users(@CurrentPrincipal() principal: Principal, @Args() args: UsersArgs): Promise<UserConnection> {
    return mapConnection(await this.service.list(principal, args), toUserType);
  }

  @Query(() => UserType, { nullable: true, description: 'One user by id (admins only); null when there is none.' })
  @Roles(UserRole.ADMIN)
  async user(@Args('id', { type: () => ID, description: 'User id.' }) id: string): Promise<UserType | null> {
    const user = await this.service.findById(id);
    return user ? toUserType(user) : null;
  }

  @Mutation(() => UserType, { description: 'Creates a user (admins only).' })
  @Roles(UserRole.ADMIN)
  async createUser(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'What to create or change.' }) input: CreateUserInput,
  ): Promise<UserType> {
    return toUserType(await this.service.createUser(input, { id: principal.userId, role: principal.role }));
  }

  @Mutation(() => UserType, { description: 'Changes a user’s name, role, court or active flag (admins only).' })
  @Roles(UserRole.ADMIN)
  async updateUser(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'What to create or change.' }) input: UpdateUserInput): Promise<UserType> {
    return toUserType(await this.service.updateUser(principal, input));
  }

  @Mutation(() => UserType, { description: 'Deactivates a user: sign-in, sessions and API keys stop working (admins only).' })
  @Roles(UserRole.ADMIN)
  async deactivateUser(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'User id.' }) id: string,
  ): Promise<UserType> {
    return toUserType(await this.service.updateUser(principal, { id, active: false }));
  }

  @Mutation(() => UserType, { description: 'Stores the signed-in user’s interface language, so that it follows them to another browser.' })
  @Roles(UserRole.ADMIN, UserRole.JUDGE, UserRole.CLERK)
  async setLocale(@CurrentPrincipal() principal: Principal, @Args() args: SetLocaleArgs): Promise<UserType> {
    return toUserType(await this.service.setLocale(principal, args.locale ?? null));
  }
}
