import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UserEntity, UserRole } from '../user.entity.js';

registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'What a user may do.',
  valuesMap: {
    ADMIN: { description: 'Manages users, API keys and every case, sealed or not.' },
    JUDGE: { description: 'Sees unsealed cases of their court and cases assigned to them.' },
    CLERK: { description: 'Manages unsealed cases of their court and cases assigned to them.' },
    SERVICE: { description: 'A case-management system, authenticating with API keys.' },
  },
});

@ObjectType('User', { description: 'A person or service account that can use Amicus.' })
export class UserType {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'Sign-in email address (lowercase).' })
  email: string;

  @Field({ description: 'Name shown to other users.' })
  displayName: string;

  @Field(() => UserRole, { description: 'Role.' })
  role: UserRole;

  @Field(() => String, { nullable: true, description: 'Court of a judge or clerk; null for admins and service accounts.' })
  court: string | null;

  @Field({ description: 'False once deactivated: the user can no longer sign in or use API keys.' })
  active: boolean;

  @Field(() => GraphQLISODateTime, { description: 'When the user was created.' })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Preferred interface language (`en`, `zh-CN`); null: the browser’s language decides.' })
  locale: string | null;

  @Field({ description: 'True until the user chooses a new password (the bootstrap admin, and after an admin sets one).' })
  passwordChangeRequired: boolean;
}

@ObjectType('UserSummary', { description: 'What any user who can see a case may know about another user.' })
export class UserSummaryType {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'Name shown to other users.' })
  displayName: string;

  @Field(() => UserRole, { description: 'Role.' })
  role: UserRole;

  @Field(() => String, { nullable: true, description: 'Court of a judge or clerk.' })
  court: string | null;
}

export function toUserType(u: UserEntity): UserType {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    court: u.court,
    active: u.active,
    createdAt: u.createdAt,
    locale: u.locale,
    passwordChangeRequired: u.passwordChangeRequired,
  };
}

export function toUserSummary(u: UserEntity): UserSummaryType {
  return { id: u.id, displayName: u.displayName, role: u.role, court: u.court };
}
