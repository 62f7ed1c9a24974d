import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { dataSourceOptions } from '../../database/data-source-options.js';
import { readCheckpoints } from './audit-checkpoints.js';
import { AuditService } from './audit.service.js';
import { loadLedgerKey } from './ledger-key.js';

/**
 * `audit verify [--json]`: walks the whole ledger chain (keyed with the ledger key) and compares it
 * with the signed checkpoints outside the database. Exit code 0 when intact, 1 when a link is
 * broken (the first broken entry is named), 2 when the ledger cannot be read or there is no Amicus
 * database where the configuration points. Changes nothing and creates nothing.
 */
export async function runAuditVerify(config: AppConfig, io: { stdout: Writable; stderr: Writable }, json = false): Promise<number> {
  const db = config.database;
  // Opening a SQLite file that is not there would create an empty one: say so instead.
  if (db.type === 'sqlite' && (db.path === ':memory:' || !existsSync(db.path))) {
    io.stderr.write(`No Amicus database was found at ${db.path}. Set AMICUS_DATA_DIR to the data directory (or AMICUS_DATABASE_URL for PostgreSQL).\n`);
    return 2;
  }
  const dataSource = new DataSource({ ...dataSourceOptions(config), migrationsRun: false, logging: false });
  try {
    await dataSource.initialize();
  } catch (error) {
    io.stderr.write(`Cannot open the database: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    const runner = dataSource.createQueryRunner();
    const hasLedger = await runner.hasTable('audit_log').finally(() => runner.release());
    if (!hasLedger) {
      io.stderr.write(`No Amicus ledger was found in the database at ${db.type === 'sqlite' ? db.path : 'the configured PostgreSQL URL'}: it has no audit_log table.\n`);
      return 2;
    }
    const key = loadLedgerKey(config.audit, false);
    const result = await new AuditService(dataSource, key).verifyChain(readCheckpoints(config.audit.checkpointFile, key));
    if (json) io.stdout.write(`${JSON.stringify(result)}\n`);
    else if (result.ok && result.checkpoints === 0) {
      io.stdout.write(
        `Audit chain intact: ${result.entries} entries, last #${result.lastSeq} ${result.lastHash}. ` +
          `No checkpoints in ${config.audit.checkpointFile}: a removed tail cannot be detected.\n`,
      );
    } else if (result.ok) io.stdout.write(`Audit chain intact: ${result.entries} entries, last #${result.lastSeq} ${result.lastHash}, ${result.checkpoints} checkpoints match\n`);
    else io.stdout.write(`Audit chain BROKEN at entry #${result.seq} (${result.reason}): ${result.message}. ${result.entries} entries before it verified.\n`);
    return result.ok ? 0 : 1;
  } catch (error) {
    io.stderr.write(`Cannot read the audit ledger: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  } finally {
    await dataSource.destroy();
  }
}
