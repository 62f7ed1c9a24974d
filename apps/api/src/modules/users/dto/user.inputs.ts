import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../common/pagination/connection.js';
import { UserRole } from '../user.entity.js';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

@InputType({ description: 'A new user. Judges and clerks need a court; service accounts have no password.' })
export class CreateUserInput {
  @Field({ description: 'Sign-in email address; stored lowercase, unique.' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'Name shown to other users (1-200 characters).' })
  @IsString()
  @Length(1, 200)
  displayName: string;

  @Field(() => UserRole, { description: 'Role.' })
  @IsEnum(UserRole)
  role: UserRole;

  @Field(() => String, { nullable: true, description: 'Court code of a judge or clerk (1-100 characters).' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  court?: string | null;

  @Field(() => String, { nullable: true, description: `Password (${PASSWORD_MIN}-${PASSWORD_MAX} characters); not allowed for service accounts.` })
  @IsOptional()
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password?: string | null;
}

@InputType({ description: 'Changes to a user; omitted fields stay as they are.' })
export class UpdateUserInput {
  @Field(() => ID, { description: 'The user to change.' })
  @IsUUID()
  id: string;

  @Field(() => String, { nullable: true, description: 'New display name.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  displayName?: string;

  @Field(() => UserRole, { nullable: true, description: 'New role.' })
  @IsOptional()
  @IsEnum(UserRole)
  role?: UserRole;

  @Field(() => String, { nullable: true, description: 'New court (null to clear, for admins and service accounts).' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  court?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Reactivate (true) or deactivate (false).' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType({ description: 'Which users to list.' })
export class UserFilterInput {
  @Field(() => UserRole, { nullable: true, description: 'Only users with this role.' })
  @IsOptional()
  @IsEnum(UserRole)
  role?: UserRole;

  @Field(() => String, { nullable: true, description: 'Only users of this court.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  court?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or deactivated (false) users.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => String, { nullable: true, description: 'Text contained in the email or display name (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserFilterInput, { nullable: true, description: 'Filter.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFilterInput)
  filter?: UserFilterInput;
}
