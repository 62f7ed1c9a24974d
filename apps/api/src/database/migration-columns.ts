// Column helpers for migrations that run on both SQLite and PostgreSQL. The driver picks the
// dialect's own type names and defaults, so the schema matches what the entities describe.
import type { QueryRunner, TableColumnOptions } from 'typeorm';

/** A 36-character id (UUID assigned by the application). */
export function idColumn(name = 'id', primary = true): TableColumnOptions {
  return { name, type: 'varchar', length: '36', isPrimary: primary };
}

export function varchar(name: string, length: number, nullable = false): TableColumnOptions {
  return { name, type: 'varchar', length: String(length), isNullable: nullable };
}

export function text(name: string, nullable = false): TableColumnOptions {
  return { name, type: 'text', isNullable: nullable };
}

export function bool(name: string): TableColumnOptions {
  return { name, type: 'boolean', isNullable: false };
}

export function integer(name: string, nullable = false): TableColumnOptions {
  return { name, type: 'integer', isNullable: nullable };
}

export function date(name: string, nullable = false): TableColumnOptions {
  return { name, type: 'date', isNullable: nullable };
}

/** A point in time (what a `Date` property maps to on this driver). */
export function timestamp(queryRunner: QueryRunner, name: string, nullable = false): TableColumnOptions {
  const driver = queryRunner.connection.driver;
  return { name, type: driver.normalizeType({ type: Date }), isNullable: nullable };
}

/** A creation/update timestamp that defaults to now, as @CreateDateColumn / @UpdateDateColumn expect. */
export function createdAt(queryRunner: QueryRunner, name = 'created_at'): TableColumnOptions {
  const driver = queryRunner.connection.driver;
  return {
    name,
    type: driver.normalizeType({ type: driver.mappedDataTypes.createDate }),
    precision: driver.mappedDataTypes.createDatePrecision,
    default: driver.mappedDataTypes.createDateDefault,
    isNullable: false,
  };
}

export function updatedAt(queryRunner: QueryRunner, name = 'updated_at'): TableColumnOptions {
  const driver = queryRunner.connection.driver;
  return {
    name,
    type: driver.normalizeType({ type: driver.mappedDataTypes.updateDate }),
    precision: driver.mappedDataTypes.updateDatePrecision,
    default: driver.mappedDataTypes.updateDateDefault,
    isNullable: false,
  };
}
