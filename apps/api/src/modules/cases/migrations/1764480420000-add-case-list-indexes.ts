import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes for the case list: the visibility rule of judges and clerks (their court) with the default
 * sort (filed date, then id), the status filter with the same sort, and the other two sorts
 * (docket number, title), each ending in the id tie-breaker of the keyset cursor.
 */
const INDEXES = [
  new TableIndex({ name: 'IDX_cases_court_filed_date_id', columnNames: ['court', 'filed_date', 'id'] }),
  new TableIndex({ name: 'IDX_cases_status_filed_date_id', columnNames: ['status', 'filed_date', 'id'] }),
  new TableIndex({ name: 'IDX_cases_docket_number_id', columnNames: ['docket_number', 'id'] }),
  new TableIndex({ name: 'IDX_cases_title_id', columnNames: ['title', 'id'] }),
];

export class AddCaseListIndexes1764480420000 implements MigrationInterface {
  name = 'AddCaseListIndexes1764480420000';

  async up(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.createIndex('cases', index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [...INDEXES].reverse()) await q.dropIndex('cases', index.name!);
  }
}
