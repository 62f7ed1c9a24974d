import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** `manifest.json` at the root of a backup archive: what it holds and the sha256 of every file. */
export interface BackupManifest {
  format: 'amicus-backup';
  formatVersion: 1;
  createdAt: string;
  database: { type: 'sqlite' | 'postgres'; file: string; schema?: string };
  /** Ledger head at the time of the backup (entries and hash of the last one). */
  ledger: { entries: number; lastSeq: number | null; lastHash: string | null };
  files: Array<{ path: string; bytes: number; sha256: string }>;
}

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_DIR = 'database';
export const BLOBS_DIR = 'blobs';
/** The ledger's key file and its checkpoint file (both kept outside the database). */
export const LEDGER_DIR = 'ledger';

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Every regular file under `root`, as archive paths (forward slashes), sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

/** Hashes the listed files of a staging directory into manifest entries. */
export async function describeFiles(root: string, paths: string[]): Promise<BackupManifest['files']> {
  const files: BackupManifest['files'] = [];
  for (const path of paths) {
    const full = join(root, path);
    files.push({ path, bytes: (await stat(full)).size, sha256: await sha256File(full) });
  }
  return files;
}

/**
 * Checks an unpacked archive against its manifest. Returns the problems (empty when intact): a file
 * missing, changed (size or sha256) or not listed.
 */
export async function verifyUnpacked(root: string, manifest: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  const present = new Set((await listFiles(root)).filter((p) => p !== MANIFEST_FILE));
  for (const f of manifest.files) {
    if (!present.delete(f.path)) {
      problems.push(`${f.path}: missing from the archive`);
      continue;
    }
    const full = join(root, f.path);
    if ((await stat(full)).size !== f.bytes || (await sha256File(full)) !== f.sha256) problems.push(`${f.path}: sha256 differs from the manifest`);
  }
  for (const extra of present) problems.push(`${extra}: not listed in the manifest`);
  return problems;
}

/** Parses manifest.json text; throws a message naming what is wrong. */
export function parseManifest(text: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('manifest.json is not JSON');
  }
  const m = value as Partial<BackupManifest>;
  if (m.format !== 'amicus-backup' || m.formatVersion !== 1) throw new Error('manifest.json is not an Amicus backup manifest (format amicus-backup, version 1)');
  if (!m.database || (m.database.type !== 'sqlite' && m.database.type !== 'postgres') || typeof m.database.file !== 'string') {
    throw new Error('manifest.json names no database file');
  }
  if (!Array.isArray(m.files) || m.files.some((f) => typeof f?.path !== 'string' || typeof f.sha256 !== 'string' || typeof f.bytes !== 'number' || f.path.includes('..'))) {
    throw new Error('manifest.json has a malformed file list');
  }
  return m as BackupManifest;
}
