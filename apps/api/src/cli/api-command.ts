import 'reflect-metadata';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppException } from '../common/errors/app.exception.js';
import type { AppConfig } from '../config/app-config.js';
import { ConfigError, Env, loadConfig, processEnvironment } from '../config/config.loader.js';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { AuditModule } from '../modules/audit/audit.module.js';
import { AccessEventsModule } from '../modules/auth/access-events.js';
import { runAuditVerify } from '../modules/audit/audit-verify.command.js';
import { BackupCommandError, runBackup, runRestore } from '../modules/backup/backup.command.js';
import { MODEL_USAGE, runModelCommand } from '../modules/models/model.command.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../modules/users/dto/user.inputs.js';
import { UserRole } from '../modules/users/user.entity.js';
import { UsersModule } from '../modules/users/users.module.js';
import { UsersService } from '../modules/users/users.service.js';

export interface CommandIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable & { isTTY?: boolean };
  env: Env;
  cwd: string;
}

const USAGE = `Usage:
  admin create --email EMAIL [--password PASSWORD] [--name NAME]
      Creates an admin user. The password comes from --password, else AMICUS_ADMIN_PASSWORD,
      else the first line of standard input.
  audit verify [--json]
      Checks the hash chain of the responsibility ledger; names the first broken entry
      (exit code 1 when broken).
  backup --out FILE
      Writes one archive (.tar.gz) of the database, the stored documents and a manifest of
      sha256 sums.
  restore FILE [--force]
      Checks the archive against its manifest, restores it into the configured database and
      data directory (refusing one that holds data unless --force), then verifies the ledger.
${MODEL_USAGE}`;

@Module({})
class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: CliModule, imports: [ConfigModule.forRoot(config), DatabaseModule, AuditModule, AccessEventsModule, UsersModule] };
  }
}

function parseFlags(args: string[]): Map<string, string> | string {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    const value = args[i + 1];
    if (!name.startsWith('--') || value === undefined || value.startsWith('--')) return `Unexpected argument "${name}"`;
    flags.set(name.slice(2), value);
  }
  return flags;
}

/** The configuration from the command's environment, or undefined after printing every problem. */
function configOrReport(io: CommandIo): AppConfig | undefined {
  try {
    return loadConfig(io.env, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

function readFirstLine(stdin: Readable): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: stdin, terminal: false });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!done) resolve('');
    });
  });
}

async function adminCreate(flags: Map<string, string>, io: CommandIo): Promise<number> {
  const email = flags.get('email');
  if (!email) {
    io.stderr.write(`--email is required\n${USAGE}\n`);
    return 2;
  }
  const config = configOrReport(io);
  if (!config) return 2;
  let password = flags.get('password') ?? config.adminPassword;
  if (password === undefined) {
    if (io.stdin.isTTY) io.stderr.write('Password: ');
    password = (await readFirstLine(io.stdin)).trim();
  }
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    io.stderr.write(`The password must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters\n`);
    return 2;
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    io.stderr.write(`"${email}" is not an email address\n`);
    return 2;
  }
  const ctx = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error'] });
  try {
    const user = await ctx.get(UsersService).createUser({
      email,
      displayName: flags.get('name') ?? 'Administrator',
      role: UserRole.ADMIN,
      password,
    }, null, 'cli');
    io.stdout.write(`Admin ${user.email} created (id ${user.id})\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppException) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await ctx.close();
  }
}

/**
 * Runs an API command line (`admin create …`) and resolves to the exit code. Used by
 * `node dist/cli/main.js` and by the `amicus` CLI, which delegates to it.
 */
export async function runApiCommand(argv: string[], io: Partial<CommandIo> = {}): Promise<number> {
  const full: CommandIo = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    stdin: io.stdin ?? process.stdin,
    env: io.env ?? processEnvironment(),
    cwd: io.cwd ?? process.cwd(),
  };
  const [group, command, ...rest] = argv;
  if (group === 'admin' && command === 'create') {
    const flags = parseFlags(rest);
    if (typeof flags === 'string') {
      full.stderr.write(`${flags}\n${USAGE}\n`);
      return 2;
    }
    const unknown = [...flags.keys()].filter((k) => !['email', 'password', 'name'].includes(k));
    if (unknown.length > 0) {
      full.stderr.write(`Unknown option --${unknown[0]}\n${USAGE}\n`);
      return 2;
    }
    return adminCreate(flags, full);
  }
  if (group === 'audit' && command === 'verify') {
    if (rest.some((a) => a !== '--json')) {
      full.stderr.write(`Unexpected argument "${rest.find((a) => a !== '--json')}"\n${USAGE}\n`);
      return 2;
    }
    try {
      return await runAuditVerify(loadConfig(full.env, full.cwd), full, rest.includes('--json'));
    } catch (error) {
      if (error instanceof ConfigError) {
        full.stderr.write(`${error.message}\n`);
        return 2;
      }
      throw error;
    }
  }
  if (group === 'model') {
    const config = configOrReport(full);
    if (!config) return 2;
    return runModelCommand(config, full, command === undefined ? rest : [command, ...rest]);
  }
  if (group === 'backup' || group === 'restore') {
    const args = command === undefined ? rest : [command, ...rest];
    return runBackupCommand(group, args, full);
  }
  full.stderr.write(`${USAGE}\n`);
  return group === undefined || group === '--help' || group === 'help' ? 0 : 2;
}

async function runBackupCommand(name: 'backup' | 'restore', args: string[], io: CommandIo): Promise<number> {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const config = configOrReport(io);
  if (!config) return 2;
  try {
    if (name === 'backup') {
      if (force || rest.length !== 2 || rest[0] !== '--out') {
        io.stderr.write(`backup needs --out FILE\n${USAGE}\n`);
        return 2;
      }
      return await runBackup(config, io, resolve(io.cwd, rest[1]));
    }
    if (rest.length !== 1 || rest[0].startsWith('--')) {
      io.stderr.write(`restore needs the archive file\n${USAGE}\n`);
      return 2;
    }
    return await runRestore(config, io, resolve(io.cwd, rest[0]), force);
  } catch (error) {
    if (error instanceof BackupCommandError) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
