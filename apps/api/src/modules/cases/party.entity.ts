import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseEntity } from './case.entity.js';

export enum PartyRole {
  PLAINTIFF = 'plaintiff',
  DEFENDANT = 'defendant',
  APPELLANT = 'appellant',
  RESPONDENT = 'respondent',
  PETITIONER = 'petitioner',
  APPLICANT = 'applicant',
  CLAIMANT = 'claimant',
  INTERVENER = 'intervener',
  THIRD_PARTY = 'third_party',
  OTHER = 'other',
}

@Entity({ name: 'parties' })
@Index('IDX_parties_case_id', ['caseId'])
export class PartyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_parties_case_id' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: PartyRole;

  @Column({ type: 'varchar', length: 300, nullable: true })
  counsel: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
