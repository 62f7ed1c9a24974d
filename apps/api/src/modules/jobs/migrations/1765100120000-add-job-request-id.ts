import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { varchar } from '../../../database/migration-columns.js';

/** A job records the id of the HTTP request that queued it, so its log lines can be joined to the request's. */
export class AddJobRequestId1765100120000 implements MigrationInterface {
  name = 'AddJobRequestId1765100120000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('jobs', new TableColumn(varchar('request_id', 64, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('jobs', 'request_id');
  }
}
