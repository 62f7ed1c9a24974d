import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module.js';
import { CaseAccessService } from './case-access.service.js';
import { CaseAssignmentEntity } from './case-assignment.entity.js';
import { CaseNoteEntity } from './case-note.entity.js';
import { CaseNotesResolver } from './case-notes.resolver.js';
import { CaseEntity } from './case.entity.js';
import { CasesRepository } from './cases.repository.js';
import { CasesResolver } from './cases.resolver.js';
import { CasesService } from './cases.service.js';
import { PartyEntity } from './party.entity.js';
import { SealedLookupDenials } from './sealed-lookup-denials.js';

/** Cases, parties, assignments and notes; exports the case-access policy for other feature modules. */
@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity, PartyEntity, CaseAssignmentEntity, CaseNoteEntity]), UsersModule],
  providers: [CaseAccessService, SealedLookupDenials, CasesRepository, CasesService, CasesResolver, CaseNotesResolver],
  exports: [CaseAccessService, CasesService],
})
export class CasesModule {}
