import { MigrationInterface, QueryRunner } from 'typeorm';
import { docketKey } from '../docket-key.js';

/**
 * Docket numbers become unique per court regardless of letter case: a `docket_key` column (the
 * number as compared: trimmed, lower case) with a unique index on (court, docket_key). Existing
 * cases get their key; of cases whose numbers differ only in letter case, the oldest keeps it and
 * the others stay without one (they remain readable; an edit of their number gives them one).
 */
export class AddCaseDocketKey1765100060000 implements MigrationInterface {
  name = 'AddCaseDocketKey1765100060000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE cases ADD COLUMN docket_key varchar(64)');
    const param = (n: number) => (queryRunner.connection.options.type === 'postgres' ? `$${n}` : '?');
    const rows = (await queryRunner.query('SELECT id, court, docket_number FROM cases ORDER BY created_at, id')) as Array<{ id: string; court: string; docket_number: string }>;
    const taken = new Set<string>();
    for (const row of rows) {
      const key = docketKey(row.docket_number);
      if (taken.has(`${row.court}\u0000${key}`)) continue;
      taken.add(`${row.court}\u0000${key}`);
      await queryRunner.query(`UPDATE cases SET docket_key = ${param(1)} WHERE id = ${param(2)}`, [key, row.id]);
    }
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_cases_court_docket_key" ON cases (court, docket_key)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "UQ_cases_court_docket_key"');
    await queryRunner.query('ALTER TABLE cases DROP COLUMN docket_key');
  }
}
