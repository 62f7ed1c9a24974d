import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateScalar } from '../../../common/graphql/local-date.scalar.js';
import { PageArgs } from '../../../common/pagination/connection.js';
import { CaseStatus } from '../case.entity.js';
import { PartyRole } from '../party.entity.js';

// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;
const PRINTABLE_MESSAGE = { message: '$property must not contain control characters' };

export enum CaseSortField {
  FILED_DATE = 'filedDate',
  DOCKET_NUMBER = 'docketNumber',
  TITLE = 'title',
}
registerEnumType(CaseSortField, { name: 'CaseSortField', description: 'What to sort cases by (ties broken by id).' });

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending.' });

@InputType({ description: 'Which cases to list.' })
export class CaseFilterInput {
  @Field(() => CaseStatus, { nullable: true, description: 'Only cases with this status.' })
  @IsOptional()
  @IsEnum(CaseStatus)
  status?: CaseStatus;

  @Field(() => Boolean, { nullable: true, description: 'Only cases assigned to the caller.' })
  @IsOptional()
  @IsBoolean()
  assignedToMe?: boolean;

  @Field(() => String, { nullable: true, description: 'Text contained in the docket number, title or a party name (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => String, { nullable: true, description: 'Only cases of this court.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  court?: string;
}

@InputType({ description: 'Sort order of a case list.' })
export class CaseSortInput {
  @Field(() => CaseSortField, { description: 'Sort key.' })
  @IsEnum(CaseSortField)
  field: CaseSortField;

  @Field(() => SortDirection, { nullable: true, description: 'Direction (default ASC).' })
  @IsOptional()
  @IsEnum(SortDirection)
  direction?: SortDirection;
}

@ArgsType()
export class CasesArgs extends PageArgs {
  @Field(() => CaseFilterInput, { nullable: true, description: 'Filter.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseFilterInput)
  filter?: CaseFilterInput;

  @Field(() => CaseSortInput, { nullable: true, description: 'Sort order (default: filed date, newest first).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseSortInput)
  sort?: CaseSortInput;
}

@InputType({ description: 'A new party to a case.' })
export class PartyInput {
  @Field({ description: 'Name (1-300 characters).' })
  @IsString()
  @Length(1, 300)
  @Matches(PRINTABLE, PRINTABLE_MESSAGE)
  name: string;

  @Field(() => PartyRole, { description: 'Role in the case.' })
  @IsEnum(PartyRole)
  role: PartyRole;

  @Field(() => String, { nullable: true, description: 'Counsel (up to 300 characters).' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @Matches(PRINTABLE, PRINTABLE_MESSAGE)
  counsel?: string | null;
}

@InputType({ description: 'A new case.' })
export class CreateCaseInput {
  @Field({ description: 'Docket number (1-64 characters), unique within the court.' })
  @IsString()
  @Length(1, 64)
  @Matches(PRINTABLE, PRINTABLE_MESSAGE)
  docketNumber: string;

  @Field({ description: 'Title (1-500 characters).' })
  @IsString()
  @Length(1, 500)
  @Matches(PRINTABLE, PRINTABLE_MESSAGE)
  title: string;

  @Field({ description: 'Court code (1-100 characters). Clerks create cases in their own court only.' })
  @IsString()
  @Length(1, 100)
  @Matches(PRINTABLE, PRINTABLE_MESSAGE)
  court: string;

  @Field({ description: 'Kind of case (1-100 characters).' })
  @IsString()
  @Length(1, 100)
  @Matches(PRINTABLE, PRINTABLE_MESSAGE)
  caseType: string;

  @Field(() => LocalDateScalar, { description: 'Date filed (YYYY-MM-DD).' })
  @IsString()
  filedDate: string;

  @Field(() => Boolean, { nullable: true, description: 'Create the case sealed (admins only; default false).' })
  @IsOptional()
  @IsBoolean()
  sealed?: boolean;

  @Field(() => [PartyInput], { nullable: true, description: 'Parties to add at once (up to 100).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PartyInput)
  parties?: PartyInput[];
}

@InputType({ description: 'Changes to a case; omitted fields stay as they are.' })
export class UpdateCaseInput {
  @Field(() => ID, { description: 'The case.' })
  @IsString()
  @MaxLength(64)
  id: string;

  @Field(() => String, { nullable: true, description: 'New docket number.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @Matches(PRINTABLE, PRINTABLE_MESSAGE)
  docketNumber?: string;

  @Field(() => String, { nullable: true, description: 'New title.' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @Matches(PRINTABLE, PRINTABLE_MESSAGE)
  title?: string;

  @Field(() => String, { nullable: true, description: 'New kind of case.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(PRINTABLE, PRINTABLE_MESSAGE)
  caseType?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'New filing date.' })
  @IsOptional()
  @IsString()
  filedDate?: string;

  @Field(() => CaseStatus, { nullable: true, description: 'OPEN or STAYED (use closeCase / reopenCase to close and reopen).' })
  @IsOptional()
  @IsEnum(CaseStatus)
  status?: CaseStatus;

  @Field(() => Boolean, { nullable: true, description: 'Seal or unseal (admins and assigned judges only).' })
  @IsOptional()
  @IsBoolean()
  sealed?: boolean;
}

@InputType({ description: 'A party to add to a case.' })
export class AddPartyInput extends PartyInput {
  @Field(() => ID, { description: 'The case.' })
  @IsString()
  @MaxLength(64)
  caseId: string;
}

@InputType({ description: 'Changes to a party; omitted fields stay as they are.' })
export class UpdatePartyInput {
  @Field(() => ID, { description: 'The party.' })
  @IsString()
  @MaxLength(64)
  id: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @Matches(PRINTABLE, PRINTABLE_MESSAGE)
  name?: string;

  @Field(() => PartyRole, { nullable: true, description: 'New role.' })
  @IsOptional()
  @IsEnum(PartyRole)
  role?: PartyRole;

  @Field(() => String, { nullable: true, description: 'New counsel (null clears it).' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @Matches(PRINTABLE, PRINTABLE_MESSAGE)
  counsel?: string | null;
}

@ArgsType()
export class CaseUserArgs {
  @Field(() => ID, { description: 'The case.' })
  @IsString()
  @MaxLength(64)
  caseId: string;

  @Field(() => ID, { description: 'The user.' })
  @IsUUID()
  userId: string;
}

@InputType({ description: 'A note to add to a case.' })
export class AddCaseNoteInput {
  @Field(() => ID, { description: 'The case.' })
  @IsString()
  @MaxLength(64)
  caseId: string;

  @Field({ description: 'Text (1-10000 characters).' })
  @IsString()
  @Length(1, 10000)
  body: string;
}

@ArgsType()
export class CaseNotesArgs extends PageArgs {
  @Field(() => ID, { description: 'The case.' })
  @IsString()
  @MaxLength(64)
  caseId: string;
}
