import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '../../../common/graphql/local-date.scalar.js';
import { ConnectionType } from '../../../common/pagination/connection.js';
import { UserSummaryType } from '../../users/dto/user.type.js';
import { CaseNoteEntity } from '../case-note.entity.js';
import { CaseEntity, CaseStatus } from '../case.entity.js';
import { PartyEntity, PartyRole } from '../party.entity.js';

registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: 'Where a case stands.',
  valuesMap: {
    OPEN: { description: 'Active.' },
    STAYED: { description: 'Proceedings paused.' },
    CLOSED: { description: 'Disposed of; can be reopened.' },
  },
});

registerEnumType(PartyRole, { name: 'PartyRole', description: 'The role of a party in a case.' });

@ObjectType('Party', { description: 'A party to a case.' })
export class PartyType {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'Name of the person or organisation.' })
  name: string;

  @Field(() => PartyRole, { description: 'Role in the case.' })
  role: PartyRole;

  @Field(() => String, { nullable: true, description: 'Counsel representing the party, if any.' })
  counsel: string | null;
}

@ObjectType('Case', { description: 'A court case. Only cases the caller may see are ever returned.' })
export class CaseType {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'Docket (case) number, unique within the court.' })
  docketNumber: string;

  @Field({ description: 'Title, e.g. "Smith v Jones".' })
  title: string;

  @Field({ description: 'Court code.' })
  court: string;

  @Field({ description: 'Kind of case, e.g. civil, criminal, family, appeal.' })
  caseType: string;

  @Field(() => CaseStatus, { description: 'Status.' })
  status: CaseStatus;

  @Field(() => LocalDateScalar, { description: 'Date the case was filed.' })
  filedDate: string;

  @Field({ description: 'Sealed cases are visible only to admins and assigned users.' })
  sealed: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the case was closed (null unless CLOSED).' })
  closedAt: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'When the case was created in Amicus.' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the case record last changed.' })
  updatedAt: Date;
}

@ObjectType({ description: 'A page of cases.' })
export class CaseConnection extends ConnectionType(CaseType, 'Case') {}

@ObjectType('CaseNote', { description: 'A note on a case, visible to everyone who can see the case.' })
export class CaseNoteType {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'Text of the note.' })
  body: string;

  @Field(() => UserSummaryType, { description: 'Who wrote it.' })
  author: UserSummaryType;

  @Field(() => GraphQLISODateTime, { description: 'When it was written.' })
  createdAt: Date;

  authorId: string;
}

@ObjectType({ description: 'A page of case notes.' })
export class CaseNoteConnection extends ConnectionType(CaseNoteType, 'CaseNote') {}

export function toCaseType(c: CaseEntity): CaseType {
  return {
    id: c.id,
    docketNumber: c.docketNumber,
    title: c.title,
    court: c.court,
    caseType: c.caseType,
    status: c.status,
    filedDate: c.filedDate,
    sealed: c.sealed,
    closedAt: c.closedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export function toPartyType(p: PartyEntity): PartyType {
  return { id: p.id, name: p.name, role: p.role, counsel: p.counsel };
}

/** `author` is resolved by a field resolver from `authorId`. */
export function toCaseNoteType(n: CaseNoteEntity): Omit<CaseNoteType, 'author'> & { author?: UserSummaryType } {
  return { id: n.id, body: n.body, authorId: n.authorId, createdAt: n.createdAt };
}
