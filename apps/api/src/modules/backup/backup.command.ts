// `amicus backup --out FILE` and `amicus restore FILE [--force]`: one consistent archive of an
// installation (database, document store, the ledger's key and checkpoints) with a manifest of sha256 sums, and its way back.
import { spawn } from 'node:child_process';
import { chmod, copyFile, link, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as tar from 'tar';
import type { AppConfig } from '../../config/app-config.js';
import { runAuditVerify } from '../audit/audit-verify.command.js';
import { LocalBlobStore } from '../documents/blob-store.js';
import { createBlobStore } from '../documents/blob-store.factory.js';
import { BackupManifest, BLOBS_DIR, DATABASE_DIR, describeFiles, LEDGER_DIR, listFiles, MANIFEST_FILE, parseManifest, verifyUnpacked } from './backup-manifest.js';

export interface BackupIo {
  stdout: Writable;
  stderr: Writable;
}

/** A failure with the message the command prints and its exit code. */
export class BackupCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const SQLITE_FILE = `${DATABASE_DIR}/amicus.sqlite`;
const PG_FILE = `${DATABASE_DIR}/amicus.pgdump`;
const KEY_FILE = `${LEDGER_DIR}/audit.key`;
const CHECKPOINT_FILE = `${LEDGER_DIR}/audit-checkpoints.jsonl`;

/**
 * Copies the ledger's key file (when the key is kept in a file, not given as AMICUS_AUDIT_KEY) and its
 * checkpoint file into the staging directory. Without them the restored ledger cannot be verified.
 * Returns what was copied.
 */
async function exportLedgerFiles(config: AppConfig, staging: string): Promise<string[]> {
  const copied: string[] = [];
  const wanted: Array<[string, string]> = [[config.audit.checkpointFile, CHECKPOINT_FILE]];
  if (config.audit.key === undefined) wanted.unshift([config.audit.keyFile, KEY_FILE]);
  for (const [from, to] of wanted) {
    if (!existsSync(from)) continue;
    await mkdir(join(staging, LEDGER_DIR), { recursive: true });
    await copyFile(from, join(staging, to));
    copied.push(to === KEY_FILE ? 'the ledger key' : 'the ledger checkpoints');
  }
  return copied;
}

/**
 * Puts the archived key file and checkpoint file where this installation's configuration expects them;
 * an existing checkpoint file (of the ledger being replaced) is renamed aside.
 */
async function importLedgerFiles(config: AppConfig, staging: string, io: BackupIo): Promise<void> {
  if (existsSync(join(staging, KEY_FILE))) {
    if (config.audit.key !== undefined) {
      io.stderr.write(`The archive holds a ledger key file, but AMICUS_AUDIT_KEY is set and is used instead; it must be the archived key for the ledger to verify\n`);
    } else {
      await mkdir(dirname(config.audit.keyFile), { recursive: true });
      await copyFile(join(staging, KEY_FILE), config.audit.keyFile);
      await chmod(config.audit.keyFile, 0o600);
    }
  }
  // the target's checkpoints describe the ledger being replaced: kept beside it, never mixed in
  const checkpoints = config.audit.checkpointFile;
  if (existsSync(checkpoints)) {
    const aside = `${checkpoints}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(checkpoints, aside);
    io.stdout.write(`The checkpoints of the replaced ledger were moved to ${aside}\n`);
  }
  if (existsSync(join(staging, CHECKPOINT_FILE))) {
    await mkdir(dirname(checkpoints), { recursive: true });
    await copyFile(join(staging, CHECKPOINT_FILE), checkpoints);
  }
}

/** Runs a PostgreSQL client program; rejects with its standard error. */
function runTool(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new BackupCommandError(error.code === 'ENOENT' ? `${command} is not installed (the PostgreSQL client tools are needed for a PostgreSQL backup)` : error.message, 2)),
    );
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new BackupCommandError(`${command} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

async function withPg<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Hard-links (or, across file systems, copies) every file of `from` into `to`, keeping the tree. */
async function mirror(from: string, to: string): Promise<number> {
  if (!existsSync(from)) return 0;
  let n = 0;
  for (const path of await listFiles(from)) {
    const target = join(to, path);
    await mkdir(dirname(target), { recursive: true });
    await link(join(from, path), target).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
      await copyFile(join(from, path), target);
    });
    n++;
  }
  return n;
}

/** Copies every stored original into `to` (`<aa>/<sha256>`): hard links from a local store, downloads from S3. */
async function exportBlobs(config: AppConfig, to: string): Promise<number> {
  const store = createBlobStore(config);
  if (store instanceof LocalBlobStore) return mirror(store.root, to);
  let n = 0;
  for await (const sha of store.list()) {
    await mkdir(join(to, sha.slice(0, 2)), { recursive: true });
    await writeFile(join(to, sha.slice(0, 2), sha), await store.read(sha));
    n++;
  }
  return n;
}

/** Puts the archive's originals into the configured store (replacing a local store's directory). */
async function importBlobs(config: AppConfig, from: string): Promise<number> {
  const store = createBlobStore(config);
  if (store instanceof LocalBlobStore) {
    await rm(store.root, { recursive: true, force: true });
    return mirror(from, store.root);
  }
  await mkdir(store.tempDir, { recursive: true });
  let n = 0;
  for (const path of existsSync(from) ? await listFiles(from) : []) {
    const sha256 = basename(path);
    const tempPath = join(store.tempDir, `restore-${sha256}`);
    await copyFile(join(from, path), tempPath);
    await store.commit({ tempPath, sha256, bytes: (await stat(tempPath)).size, sniffed: { mediaType: 'application/octet-stream' } as never });
    n++;
  }
  return n;
}

async function ledgerHead(query: (sql: string) => Promise<Array<Record<string, unknown>>>): Promise<BackupManifest['ledger']> {
  const [row] = await query('SELECT COUNT(*) AS n, MAX(seq) AS last FROM audit_log');
  const last = row?.last === null || row?.last === undefined ? null : Number(row.last);
  const hash = last === null ? null : String((await query(`SELECT hash FROM audit_log WHERE seq = ${last}`))[0]?.hash ?? '') || null;
  return { entries: Number(row?.n ?? 0), lastSeq: last, lastHash: hash };
}

/**
 * Writes the archive. The ledger's key and checkpoint files are copied first (so no checkpoint names
 * an entry the database copy lacks), then the database (SQLite online backup API, or pg_dump's single
 * snapshot), then the document store: blobs are content-addressed and written before the row that
 * names them, so every document in the database copy has its original in the archive.
 */
export async function runBackup(config: AppConfig, io: BackupIo, out: string): Promise<number> {
  const target = resolve(out);
  if (existsSync(target)) throw new BackupCommandError(`${target} exists; choose a new file name`, 2);
  await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(join(dirname(target), '.amicus-backup-'));
  try {
    await mkdir(join(staging, DATABASE_DIR));
    // checkpoints before the database copy: every checkpoint then names entries the copy holds
    const ledgerFiles = await exportLedgerFiles(config, staging);
    let database: BackupManifest['database'];
    let ledger: BackupManifest['ledger'];
    if (config.database.type === 'sqlite') {
      if (!existsSync(config.database.path)) throw new BackupCommandError(`No database at ${config.database.path}`, 2);
      const live = new Database(config.database.path, { readonly: true, fileMustExist: true });
      try {
        await live.backup(join(staging, SQLITE_FILE));
      } finally {
        live.close();
      }
      const copy = new Database(join(staging, SQLITE_FILE), { readonly: true });
      try {
        ledger = await ledgerHead(async (sql) => copy.prepare(sql).all() as Array<Record<string, unknown>>);
      } finally {
        copy.close();
      }
      database = { type: 'sqlite', file: SQLITE_FILE };
    } else {
      const { url, schema } = config.database;
      ledger = await withPg(url, (c) => ledgerHead(async (sql) => (await c.query(schema ? sql.replace(/audit_log/g, `"${schema}".audit_log`) : sql)).rows));
      await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${join(staging, PG_FILE)}`, ...(schema ? [`--schema=${schema}`] : []), `--dbname=${url}`]);
      database = { type: 'postgres', file: PG_FILE, ...(schema ? { schema } : {}) };
    }
    const blobs = await exportBlobs(config, join(staging, BLOBS_DIR));
    const paths = (await listFiles(staging)).filter((p) => p !== MANIFEST_FILE);
    const manifest: BackupManifest = {
      format: 'amicus-backup',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      database,
      ledger,
      files: await describeFiles(staging, paths),
    };
    await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${target}.partial`;
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true, mode: 0o600 } as tar.TarOptionsWithAliasesAsyncFile, [MANIFEST_FILE, ...paths]);
    await chmod(partial, 0o600);
    await rename(partial, target);
    const bytes = (await stat(target)).size;
    io.stdout.write(
      `Backup written to ${target} (${bytes} bytes): ${database.type} database, ${blobs} stored documents${ledgerFiles.map((f) => `, ${f}`).join('')}, ledger at ${ledger.entries} entries${ledger.lastHash ? ` (last ${ledger.lastHash})` : ''}\n`,
    );
    return 0;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function targetContents(config: AppConfig): Promise<string[]> {
  const found: string[] = [];
  if (config.database.type === 'sqlite') {
    if (existsSync(config.database.path) && (await stat(config.database.path)).size > 0) found.push(`the database ${config.database.path}`);
  } else {
    const schema = config.database.schema ?? 'public';
    const tables = await withPg(config.database.url, async (c) =>
      Number((await c.query("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = $1", [schema])).rows[0].n),
    );
    if (tables > 0) found.push(`${tables} tables in PostgreSQL schema ${schema}`);
  }
  const store = createBlobStore(config);
  for await (const sha of store.list()) {
    found.push(`stored documents (${sha.slice(0, 12)}… and maybe more) in the document store`);
    break;
  }
  return found;
}

/**
 * Restores an archive into the configured database and data directory: checks the manifest (a
 * damaged archive changes nothing), refuses a target that holds data unless `force`, restores, then
 * verifies the ledger chain (the exit code of `audit verify`).
 */
export async function runRestore(config: AppConfig, io: BackupIo, file: string, force: boolean): Promise<number> {
  const archive = resolve(file);
  if (!existsSync(archive)) throw new BackupCommandError(`No archive at ${archive}`, 2);
  await mkdir(config.dataDir, { recursive: true });
  const staging = await mkdtemp(join(config.dataDir, '.amicus-restore-'));
  try {
    try {
      await tar.extract({ file: archive, cwd: staging, strict: true, preservePaths: false });
    } catch (error) {
      throw new BackupCommandError(`${basename(archive)} is damaged and cannot be unpacked: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!existsSync(join(staging, MANIFEST_FILE))) throw new BackupCommandError(`${basename(archive)} has no ${MANIFEST_FILE}; it is not an Amicus backup`);
    let manifest: BackupManifest;
    try {
      manifest = parseManifest(await readFile(join(staging, MANIFEST_FILE), 'utf8'));
    } catch (error) {
      throw new BackupCommandError(`${basename(archive)}: ${(error as Error).message}`);
    }
    const problems = await verifyUnpacked(staging, manifest);
    if (problems.length > 0) throw new BackupCommandError(`${basename(archive)} is damaged; nothing was restored:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    if (manifest.database.type !== config.database.type) {
      throw new BackupCommandError(`The archive holds a ${manifest.database.type} database but this installation is configured for ${config.database.type}`, 2);
    }
    if (config.database.type === 'postgres' && (manifest.database.schema ?? 'public') !== (config.database.schema ?? 'public')) {
      throw new BackupCommandError(`The archive holds PostgreSQL schema ${manifest.database.schema ?? 'public'}; DATABASE_URL selects ${config.database.schema ?? 'public'}`, 2);
    }
    const existing = await targetContents(config);
    if (existing.length > 0 && !force) {
      throw new BackupCommandError(`The target is not empty (${existing.join('; ')}); nothing was restored. Use --force to replace it.`);
    }

    if (config.database.type === 'sqlite') {
      const path = config.database.path;
      await mkdir(dirname(path), { recursive: true });
      for (const suffix of ['', '-wal', '-shm']) await rm(`${path}${suffix}`, { force: true });
      await copyFile(join(staging, manifest.database.file), path);
    } else {
      const schema = config.database.schema;
      await withPg(config.database.url, async (c) => {
        if (schema) await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        else await c.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
      });
      await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${config.database.url}`, join(staging, manifest.database.file)]);
    }
    const blobs = await importBlobs(config, join(staging, BLOBS_DIR));
    await importLedgerFiles(config, staging, io);
    io.stdout.write(`Restored ${manifest.database.type} database and ${blobs} stored documents from ${archive} (made ${manifest.createdAt}); verifying the ledger\n`);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return runAuditVerify(config, io);
}
