import { ArgsType, Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDate, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../users/dto/user.inputs.js';
import { UserType } from '../../users/dto/user.type.js';
import { UserSummaryType } from '../../users/dto/user.type.js';
import { ApiKeyAccess, ApiKeyEntity } from '../api-key.entity.js';

registerEnumType(ApiKeyAccess, {
  name: 'ApiKeyAccess',
  description: 'What an API key may do within its courts.',
  valuesMap: {
    READ: { description: 'Read unsealed cases of the key’s courts (and cases assigned to the service account).' },
    READ_WRITE: { description: 'Also create and update cases, parties and notes in those courts.' },
  },
});

@ArgsType()
export class SetUserPasswordArgs {
  @Field(() => ID, { description: 'The user.' })
  @IsUUID()
  id: string;

  @Field({ description: `New password (${PASSWORD_MIN}-${PASSWORD_MAX} characters).` })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field({ description: 'The current password.' })
  @IsString()
  @Length(1, PASSWORD_MAX)
  currentPassword: string;

  @Field({ description: `New password (${PASSWORD_MIN}-${PASSWORD_MAX} characters).` })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  newPassword: string;
}

@ArgsType()
export class LoginArgs {
  @Field({ description: 'Email address.' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'Password.' })
  @IsString()
  @Length(1, 256)
  password: string;
}

@ObjectType('AuthPayload', { description: 'A new sign-in session.' })
export class AuthPayloadType {
  @Field({ description: 'Bearer token: send `Authorization: Bearer <token>`.' })
  token: string;

  @Field(() => GraphQLISODateTime, { description: 'When the token stops working.' })
  expiresAt: Date;

  @Field(() => UserType, { description: 'The signed-in user.' })
  user: UserType;
}

@ObjectType('ApiKey', { description: 'An API key of a service account (the secret itself is shown only once, at creation).' })
export class ApiKeyType {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'Name given by the admin who created it.' })
  name: string;

  @Field({ description: 'The first characters of the key, to tell keys apart.' })
  prefix: string;

  @Field(() => [String], { description: 'Courts the key may access.' })
  courts: string[];

  @Field(() => ApiKeyAccess, { description: 'Read or read/write access.' })
  access: ApiKeyAccess;

  @Field(() => UserSummaryType, { description: 'The service account the key belongs to.' })
  user: UserSummaryType;

  @Field(() => GraphQLISODateTime, { description: 'When the key was created.' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the key stops working, if it expires.' })
  expiresAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the key was last used (to the minute).' })
  lastUsedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the key was revoked; revoked keys no longer work.' })
  revokedAt: Date | null;
}

@ObjectType('CreatedApiKey', { description: 'A new API key. `key` is shown only here; Amicus keeps only its hash.' })
export class CreatedApiKeyType {
  @Field({ description: 'The secret key: send `Authorization: Bearer <key>`.' })
  key: string;

  @Field(() => ApiKeyType, { description: 'The stored key.' })
  apiKey: ApiKeyType;
}

@InputType({ description: 'A new API key for a service account.' })
export class CreateApiKeyInput {
  @Field(() => ID, { description: 'The service account (a user with role SERVICE).' })
  @IsUUID()
  userId: string;

  @Field({ description: 'A name for the key (1-100 characters), e.g. the system that uses it.' })
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => [String], { description: 'Courts the key may access (1-50 court codes).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  courts: string[];

  @Field(() => ApiKeyAccess, { description: 'Read or read/write access.' })
  @IsEnum(ApiKeyAccess)
  access: ApiKeyAccess;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Optional expiry.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  expiresAt?: Date | null;
}

export function toApiKeyType(key: ApiKeyEntity, user: UserSummaryType): ApiKeyType {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    courts: key.courts,
    access: key.access,
    user,
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
  };
}
