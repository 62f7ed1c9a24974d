import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ConnectionType, PageArgs } from '../../../common/pagination/connection.js';
import { AuditRecord } from '../audit.service.js';

export enum AuditExportFormatEnum {
  JSON = 'json',
  CSV = 'csv',
}

registerEnumType(AuditExportFormatEnum, { name: 'AuditExportFormat', description: 'File format of a ledger export.' });

@ObjectType('AuditEntry', { description: 'One entry of the responsibility ledger (append-only, hash-chained).' })
export class AuditEntryType {
  @Field(() => Int, { nullable: true, description: 'Position in the chain, from 1 (admins only; null for other readers, who see only some entries).' })
  seq: number | null;

  @Field({ description: 'When the action happened.' })
  at: Date;

  @Field(() => ID, { nullable: true, description: 'User who acted; null for the system or an unknown user.' })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'Role of the actor at the time (admin, judge, clerk, service).' })
  actorRole: string | null;

  @Field({ description: 'What happened: sign_in, upload, job_succeeded, generation, edit, approval, export, permission_change …' })
  action: string;

  @Field(() => ID, { nullable: true, description: 'Case concerned.' })
  caseId: string | null;

  @Field({ description: 'JSON text with the facts of the action.' })
  details: string;

  @Field(() => [String], { description: 'sha256 digests of the inputs.' })
  inputHashes: string[];

  @Field(() => String, { nullable: true, description: 'sha256 digest of the output.' })
  outputHash: string | null;

  @Field(() => String, { nullable: true, description: 'sha256 of the model used.' })
  modelSha256: string | null;

  @Field(() => String, { nullable: true, description: 'Template used, as id@version.' })
  template: string | null;

  @Field(() => String, { nullable: true, description: 'Hash of the previous entry, 64 zeros for the first (admins only; null for other readers).' })
  prevHash: string | null;

  @Field({ description: 'HMAC-SHA256, with the ledger key kept outside the database, of this entry’s canonical JSON and prevHash (plain sha256 for entries recorded before the chain was keyed).' })
  hash: string;
}

export function toAuditEntryType(r: AuditRecord): AuditEntryType {
  return { ...r, details: JSON.stringify(r.details) };
}

@ObjectType({ description: 'A page of ledger entries, newest first.' })
export class AuditEntryConnection extends ConnectionType(AuditEntryType, 'AuditEntry') {}

@InputType({ description: 'Which ledger entries to return.' })
export class AuditLogFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only entries of this case.' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @Field(() => ID, { nullable: true, description: 'Only entries of this actor.' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @Field({ nullable: true, description: 'Only entries with this action.' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,63}$/)
  action?: string;

  @Field({ nullable: true, description: 'Entries at or after this time.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field({ nullable: true, description: 'Entries before this time.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditLogFilterInput, { nullable: true, description: 'Filter.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilterInput)
  filter?: AuditLogFilterInput;
}

@ArgsType()
export class ExportAuditLogArgs {
  @Field(() => AuditExportFormatEnum, { description: 'JSON or CSV.' })
  @IsEnum(AuditExportFormatEnum)
  format: AuditExportFormatEnum;

  @Field(() => AuditLogFilterInput, { nullable: true, description: 'Filter (all entries when omitted).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilterInput)
  filter?: AuditLogFilterInput;
}

@ObjectType('AuditExport', { description: 'A ledger export, as a document.' })
export class AuditExportType {
  @Field(() => AuditExportFormatEnum, { description: 'Format of `content`.' })
  format: AuditExportFormatEnum;

  @Field({ description: 'Media type of `content`.' })
  contentType: string;

  @Field({ description: 'Suggested file name.' })
  filename: string;

  @Field(() => Int, { description: 'Number of entries exported.' })
  entries: number;

  @Field({ description: 'The document: a JSON array or CSV (RFC 4180) text, oldest entry first.' })
  content: string;
}

@ObjectType('AuditChainVerification', { description: 'Result of checking the whole ledger chain.' })
export class AuditChainVerificationType {
  @Field({ description: 'Whether every entry is intact and linked to its predecessor.' })
  ok: boolean;

  @Field(() => Int, { description: 'Entries verified before the first break (all of them when ok).' })
  entries: number;

  @Field(() => Int, { nullable: true, description: 'Sequence number of the first broken entry.' })
  brokenSeq: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'HASH_MISMATCH, PREV_HASH_MISMATCH, MISSING_ENTRY, KEY_MISMATCH, TAIL_REMOVED (a checkpoint saw entries that are gone), CHECKPOINT_MISMATCH (the chain was rewritten and recomputed) or CHECKPOINT_FORGED.',
  })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'What is wrong, in words.' })
  message: string | null;
}
