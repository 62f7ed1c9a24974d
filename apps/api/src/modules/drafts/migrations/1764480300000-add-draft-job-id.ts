import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { varchar } from '../../../database/migration-columns.js';

/** Drafts are made by `draft` jobs: the job id is stored on the draft, once per job. */
export class AddDraftJobId1764480300000 implements MigrationInterface {
  name = 'AddDraftJobId1764480300000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('drafts', new TableColumn(varchar('job_id', 36, true)));
    await q.createIndex('drafts', new TableIndex({ name: 'UQ_drafts_job_id', columnNames: ['job_id'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('drafts', 'UQ_drafts_job_id');
    await q.dropColumn('drafts', 'job_id');
  }
}
