import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { bool, varchar } from '../../../database/migration-columns.js';

/**
 * Each user's interface language (so it follows them to another browser), and whether they must choose
 * a new password at their next sign-in (the bootstrap admin, and after an admin sets a password).
 */
export class AddUserPreferences1764480360000 implements MigrationInterface {
  name = 'AddUserPreferences1764480360000';

  async up(q: QueryRunner): Promise<void> {
    const falseDefault = q.connection.driver.normalizeDefault({ default: false, type: 'boolean' } as ColumnMetadata);
    await q.addColumn('users', new TableColumn(varchar('locale', 16, true)));
    await q.addColumn('users', new TableColumn({ ...bool('password_change_required'), default: falseDefault }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('users', 'password_change_required');
    await q.dropColumn('users', 'locale');
  }
}
