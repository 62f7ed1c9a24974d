import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { AppConfig, DatabaseConfig, LdapConfig, NodeEnv, PRODUCTION_ARGON2_MIN } from './app-config.js';
import { defaultJobConcurrency, defaultJobsConfig } from '../modules/jobs/jobs.config.js';
import { DEFAULT_MAX_UPLOAD_BYTES, defaultDocumentsConfig, type DocumentsConfig } from '../modules/documents/documents.config.js';
import { CpuPoolConfig, defaultWorkerThreads } from '../modules/cpu-pool/cpu-pool.config.js';
import type { AuditConfig } from '../modules/audit/audit.config.js';
import { LOG_LEVELS } from '../common/logging/log-level.js';

export type Env = Record<string, string | undefined>;

/** Thrown when the environment does not describe a valid configuration; lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DURATION = /^(\d+)\s*(ms|s|m|h|d)$/;
const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const BYTES = /^(\d+)\s*(b|kb|mb)?$/i;
const BYTE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The largest size any byte setting accepts (64 GiB). */
const MAX_BYTES = 64 * 1024 * 1024 * 1024;

/** Parses "90s", "15m", "12h", "7d" or a number of milliseconds ("500ms"). */
export function parseDuration(value: string): number | undefined {
  const m = DURATION.exec(value.trim());
  if (!m) return undefined;
  return Number(m[1]) * DURATION_UNITS[m[2]];
}

/** The value types of variables, as zod schemas over the trimmed text. */
const integer = (min: number, max: number) => z.string().regex(/^\d+$/).transform(Number).pipe(z.number().min(min).max(max));
const duration = (minMs: number) =>
  z
    .string()
    .transform((v, ctx) => parseDuration(v) ?? (ctx.addIssue({ code: 'custom', message: 'not a duration' }), z.NEVER))
    // at most 365 days: timers overflow past 2^31 ms and longer settings are mistakes
    .pipe(z.number().min(minMs).max(365 * 86_400_000));
const byteSize = (min: number, max: number) =>
  z
    .string()
    .regex(BYTES)
    .transform((v) => {
      const [, n, unit] = BYTES.exec(v) as RegExpExecArray;
      return Number(n) * BYTE_UNITS[(unit ?? 'b').toLowerCase()];
    })
    .pipe(z.number().min(min).max(max));

/**
 * Reads variables one by one, each through a zod schema; a value that does not parse is recorded as a
 * problem naming the variable, what it must be and what it was, and the fallback is used so that every
 * other variable is still checked.
 */
class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  /** A secret exactly as given: never trimmed (spaces can be part of a password or key). */
  secret(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v === '' ? undefined : v;
  }

  /** The variable parsed by `schema`, or `fallback` when it is unset; `expected` says what it must be. */
  parse<T>(name: string, schema: z.ZodType<T, string>, fallback: T, expected: string): T {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const parsed = schema.safeParse(v);
    if (parsed.success) return parsed.data;
    this.problems.push(`${name} must be ${expected} (got "${v}")`);
    return fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    return this.parse(name, integer(min, max), fallback, `an integer from ${min} to ${max}`);
  }

  duration(name: string, fallback: string, minMs: number): number {
    const ms = parseDuration(fallback) ?? minMs;
    return this.parse(name, duration(minMs), ms, `a duration such as 30m, 12h or 7d, from ${minMs} ms to 365 days`);
  }

  bytes(name: string, fallback: number, min: number, max = MAX_BYTES): number {
    return this.parse(name, byteSize(min, max), fallback, `a size in bytes such as 1048576, 512kb or 1mb, from ${min} to ${max}`);
  }

  oneOf<const T extends string>(name: string, values: readonly T[], fallback: T): T {
    return this.parse(name, z.enum(values), fallback, values.length === 2 ? values.join(' or ') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`);
  }
}

function parseDatabase(r: Reader, dataDir: string): DatabaseConfig {
  const url = r.raw('DATABASE_URL');
  if (url === undefined) return { type: 'sqlite', path: resolve(dataDir, 'amicus.sqlite') };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    r.problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL (or unset for SQLite)');
    return { type: 'sqlite', path: resolve(dataDir, 'amicus.sqlite') };
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    r.problems.push(`DATABASE_URL must be a postgres:// or postgresql:// URL (or unset for SQLite); got protocol "${parsed.protocol}"`);
    return { type: 'sqlite', path: resolve(dataDir, 'amicus.sqlite') };
  }
  // `?schema=name` selects a PostgreSQL schema; the rest of the URL goes to the driver as is.
  const schema = parsed.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    r.problems.push(`DATABASE_URL schema parameter must be a lowercase identifier (got "${schema}")`);
  }
  parsed.searchParams.delete('schema');
  return { type: 'postgres', url: parsed.toString(), ...(schema ? { schema } : {}) };
}

const DIRECTORY_ROLES = ['admin', 'judge', 'clerk'];

function parseLdap(r: Reader): LdapConfig | undefined {
  const url = r.raw('AMICUS_LDAP_URL');
  if (url === undefined) return undefined;
  if (!/^ldaps?:\/\/[^/\s]+\/?$/.test(url)) r.problems.push(`AMICUS_LDAP_URL must be ldap://host:port or ldaps://host:port (got "${url}")`);
  const bindDn = r.raw('AMICUS_LDAP_BIND_DN');
  const bindPassword = r.secret('AMICUS_LDAP_BIND_PASSWORD');
  if ((bindDn === undefined) !== (bindPassword === undefined)) r.problems.push('AMICUS_LDAP_BIND_DN and AMICUS_LDAP_BIND_PASSWORD must be set together');
  const userBase = r.raw('AMICUS_LDAP_USER_BASE');
  if (userBase === undefined) r.problems.push('AMICUS_LDAP_USER_BASE is required with AMICUS_LDAP_URL');
  const userFilter = r.raw('AMICUS_LDAP_USER_FILTER') ?? '(&(objectClass=inetOrgPerson)(mail={email}))';
  if (!userFilter.includes('{email}')) r.problems.push('AMICUS_LDAP_USER_FILTER must contain {email}');
  const groupMap: LdapConfig['groupMap'] = {};
  const rawMap = r.raw('AMICUS_LDAP_GROUP_MAP');
  try {
    const parsed = JSON.parse(rawMap ?? '') as Record<string, { role?: unknown; court?: unknown }>;
    for (const [dn, v] of Object.entries(parsed)) {
      const role = String(v?.role);
      const court = v?.court === undefined ? undefined : String(v.court);
      if (!DIRECTORY_ROLES.includes(role)) throw new Error(`role of ${dn} must be admin, judge or clerk`);
      if (role !== 'admin' && !court) throw new Error(`${dn} maps to ${role} and needs a court`);
      groupMap[dn.toLowerCase()] = { role: role as 'admin' | 'judge' | 'clerk', ...(role !== 'admin' && court ? { court } : {}) };
    }
    if (Object.keys(groupMap).length === 0) throw new Error('it maps no group');
  } catch (error) {
    r.problems.push(`AMICUS_LDAP_GROUP_MAP must be a JSON object of group DN → {"role": "judge", "court": "HC"}: ${(error as Error).message}`);
  }
  const groupBase = r.raw('AMICUS_LDAP_GROUP_BASE');
  return {
    url,
    ...(bindDn && bindPassword ? { bindDn, bindPassword } : {}),
    userBase: userBase ?? '',
    userFilter,
    ...(groupBase ? { groupBase } : {}),
    groupMap,
  };
}

/**
 * Reads and validates the configuration. Throws ConfigError naming every bad variable.
 * @param env the environment (process.env at boot)
 * @param cwd the directory relative paths are resolved against
 */
export function loadConfig(env: Env, cwd: string = process.cwd()): AppConfig {
  const r = new Reader(env);

  // production unless told otherwise: what a court starts is production-safe (`npm run dev` sets development)
  const nodeEnv: NodeEnv = r.oneOf('NODE_ENV', ['development', 'production', 'test'], 'production');

  const port = r.int('PORT', 3000, 0, 65535);
  const dataDirRaw = r.raw('AMICUS_DATA_DIR') ?? './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  const database = parseDatabase(r, dataDir);

  const redisUrl = r.raw('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    r.problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  }

  const tokenTtlMs = r.duration('AMICUS_TOKEN_TTL', '12h', 60_000);

  const adminEmail = r.raw('AMICUS_BOOTSTRAP_ADMIN_EMAIL');
  const adminPassword = r.secret('AMICUS_BOOTSTRAP_ADMIN_PASSWORD');
  let bootstrapAdmin: AppConfig['bootstrapAdmin'];
  if (adminEmail !== undefined || adminPassword !== undefined) {
    if (adminEmail === undefined || adminPassword === undefined) {
      r.problems.push('AMICUS_BOOTSTRAP_ADMIN_EMAIL and AMICUS_BOOTSTRAP_ADMIN_PASSWORD must be set together');
    } else {
      if (!EMAIL.test(adminEmail)) r.problems.push(`AMICUS_BOOTSTRAP_ADMIN_EMAIL is not an email address (got "${adminEmail}")`);
      if (adminPassword.length < 12) r.problems.push('AMICUS_BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters');
      bootstrapAdmin = { email: adminEmail.toLowerCase(), password: adminPassword };
    }
  }

  const maxDepth = r.int('AMICUS_GRAPHQL_MAX_DEPTH', 10, 2, 100);
  const maxComplexity = r.int('AMICUS_GRAPHQL_MAX_COMPLEXITY', 2000, 10, 1_000_000);
  const maxNodes = r.int('AMICUS_GRAPHQL_MAX_NODES', 2000, 10, 100_000);
  const maxAliases = r.int('AMICUS_GRAPHQL_MAX_ALIASES', 100, 0, 10_000);
  const maxResponseBytes = r.bytes('AMICUS_GRAPHQL_MAX_RESPONSE_BYTES', 64 * 1024 * 1024, 1024);
  const maxRequestBytes = r.bytes('AMICUS_MAX_REQUEST_BYTES', 1024 * 1024, 1024);

  let loginRateLimit = { attempts: 10, addressAttempts: r.int('AMICUS_LOGIN_ADDRESS_ATTEMPTS', 50, 1, 1_000_000), windowMs: 15 * 60_000 };
  const rate = r.raw('AMICUS_LOGIN_RATE_LIMIT');
  if (rate !== undefined) {
    const m = /^(\d+)\s*\/\s*(.+)$/.exec(rate);
    const windowMs = m ? parseDuration(m[2]) : undefined;
    if (!m || windowMs === undefined || Number(m[1]) < 1 || windowMs < 1000) {
      r.problems.push(`AMICUS_LOGIN_RATE_LIMIT must look like 10/15m (failed attempts per window) (got "${rate}")`);
    } else {
      loginRateLimit = { ...loginRateLimit, attempts: Number(m[1]), windowMs };
    }
  }

  const memoryKib = r.int('AMICUS_ARGON2_MEMORY_KIB', PRODUCTION_ARGON2_MIN.memoryKib, 1024, 4 * 1024 * 1024);
  const timeCost = r.int('AMICUS_ARGON2_TIME_COST', PRODUCTION_ARGON2_MIN.timeCost, 1, 100);
  if (nodeEnv === 'production' && (memoryKib < PRODUCTION_ARGON2_MIN.memoryKib || timeCost < PRODUCTION_ARGON2_MIN.timeCost)) {
    r.problems.push(
      `AMICUS_ARGON2_MEMORY_KIB must be at least ${PRODUCTION_ARGON2_MIN.memoryKib} and AMICUS_ARGON2_TIME_COST at least ${PRODUCTION_ARGON2_MIN.timeCost} in production`,
    );
  }

  const modelDir = r.raw('AMICUS_MODEL_DIR');
  if (modelDir !== undefined) {
    const dir = isAbsolute(modelDir) ? modelDir : resolve(cwd, modelDir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) r.problems.push(`AMICUS_MODEL_DIR must be an existing model directory (got "${modelDir}")`);
    else if (!existsSync(resolve(dir, 'manifest.json'))) r.problems.push(`AMICUS_MODEL_DIR has no manifest.json: not a model directory (${dir})`);
  }
  const inferenceThreads = r.int('AMICUS_INFERENCE_THREADS', Math.max(1, Math.min(4, availableParallelism())), 1, 256);

  const templatesDirRaw = r.raw('AMICUS_TEMPLATES_DIR');
  const templatesDir = templatesDirRaw === undefined ? undefined : isAbsolute(templatesDirRaw) ? templatesDirRaw : resolve(cwd, templatesDirRaw);
  if (templatesDir !== undefined && !(existsSync(templatesDir) && statSync(templatesDir).isDirectory())) {
    r.problems.push(`AMICUS_TEMPLATES_DIR must be an existing directory (got "${templatesDirRaw}")`);
  }
  const disclosureText = r.raw('AMICUS_DISCLOSURE_TEXT');
  if (disclosureText !== undefined && disclosureText.length > 1000) r.problems.push('AMICUS_DISCLOSURE_TEXT must be at most 1000 characters');

  const serveWeb = r.oneOf('AMICUS_SERVE_WEB', ['true', 'false'], 'true') === 'true';

  const jobs = defaultJobsConfig({
    ...(redisUrl ? { redisUrl } : {}),
    concurrency: r.int('AMICUS_JOB_CONCURRENCY', defaultJobConcurrency(), 1, 256),
    leaseMs: r.duration('AMICUS_JOB_LEASE', '30s', 1000),
    maxAttempts: r.int('AMICUS_JOB_MAX_ATTEMPTS', 3, 1, 100),
    backoffBaseMs: r.duration('AMICUS_JOB_BACKOFF', '2s', 1),
    pollIntervalMs: r.duration('AMICUS_JOB_POLL_INTERVAL', '1s', 10),
    queueName: r.raw('AMICUS_JOB_QUEUE') ?? 'amicus-jobs',
  });
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(jobs.queueName)) r.problems.push(`AMICUS_JOB_QUEUE must be 1-100 letters, digits, - or _ (got "${jobs.queueName}")`);

  const cpuPool: CpuPoolConfig = { threads: r.int('AMICUS_WORKER_THREADS', defaultWorkerThreads(jobs.concurrency), 1, 256) };

  let blobStore: DocumentsConfig['blobStore'] = { type: 'local' };
  const blobUrl = r.raw('AMICUS_BLOB_URL');
  if (blobUrl !== undefined) {
    const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(blobUrl);
    const endpoint = r.raw('AMICUS_S3_ENDPOINT');
    if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) r.problems.push(`AMICUS_S3_ENDPOINT must be an http:// or https:// URL (got "${endpoint}")`);
    const accessKeyId = r.raw('AMICUS_S3_ACCESS_KEY_ID');
    const secretAccessKey = r.secret('AMICUS_S3_SECRET_ACCESS_KEY');
    if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) r.problems.push('AMICUS_S3_ACCESS_KEY_ID and AMICUS_S3_SECRET_ACCESS_KEY must be set together');
    const pathStyle = r.oneOf('AMICUS_S3_FORCE_PATH_STYLE', ['true', 'false'], endpoint ? 'true' : 'false');
    if (!m) {
      r.problems.push(`AMICUS_BLOB_URL must look like s3://bucket/prefix (got "${blobUrl}")`);
    } else {
      const prefix = (m[2] ?? '').replace(/^\/+|\/+$/g, '');
      blobStore = {
        type: 's3',
        bucket: m[1],
        prefix: prefix ? `${prefix}/` : '',
        ...(endpoint ? { endpoint } : {}),
        region: r.raw('AMICUS_S3_REGION') ?? 'us-east-1',
        ...(accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : {}),
        forcePathStyle: pathStyle === 'true',
      };
    }
  }

  const documents = defaultDocumentsConfig({
    blobStore,
    maxUploadBytes: r.bytes('AMICUS_MAX_UPLOAD_BYTES', DEFAULT_MAX_UPLOAD_BYTES, 1024),
    maxPages: r.int('AMICUS_EXTRACT_MAX_PAGES', 2000, 1, 100_000),
    extractTimeoutMs: r.duration('AMICUS_EXTRACT_TIMEOUT', '10m', 1000),
    ocrPageTimeoutMs: r.duration('AMICUS_OCR_PAGE_TIMEOUT', '60s', 1000),
  });

  const audit = parseAudit(r, cwd, dataDir);
  const logLevel = r.oneOf('AMICUS_LOG_LEVEL', LOG_LEVELS, 'info');
  const metricsToken = r.secret('AMICUS_METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16) r.problems.push('AMICUS_METRICS_TOKEN must be at least 16 characters');

  const ldap = parseLdap(r);

  if (r.problems.length > 0) throw new ConfigError(r.problems);

  return {
    nodeEnv,
    port,
    dataDir,
    database,
    ...(redisUrl ? { redisUrl } : {}),
    tokenTtlMs,
    ...(bootstrapAdmin ? { bootstrapAdmin } : {}),
    ...(r.secret('AMICUS_ADMIN_PASSWORD') ? { adminPassword: r.secret('AMICUS_ADMIN_PASSWORD') } : {}),
    graphql: { maxDepth, maxComplexity, maxNodes, maxAliases, maxResponseBytes },
    maxRequestBytes,
    loginRateLimit,
    passwordHashing: { memoryKib, timeCost, parallelism: 1 },
    ...(modelDir ? { modelDir: isAbsolute(modelDir) ? modelDir : resolve(cwd, modelDir) } : {}),
    modelsDir: r.raw('AMICUS_MODELS_DIR') ? resolve(cwd, r.raw('AMICUS_MODELS_DIR') as string) : resolve(dataDir, 'models'),
    inferenceThreads,
    ...(templatesDir ? { templatesDir } : {}),
    ...(disclosureText ? { disclosureText } : {}),
    serveWeb,
    ...(r.raw('AMICUS_WEB_DIR') ? { webDir: resolve(cwd, r.raw('AMICUS_WEB_DIR') as string) } : {}),
    jobs,
    cpuPool,
    documents,
    audit,
    logLevel,
    ...(ldap ? { ldap } : {}),
    metrics: metricsToken ? { token: metricsToken } : {},
  };
}

function parseAudit(r: Reader, cwd: string, dataDir: string): AuditConfig {
  const path = (name: string, fallback: string) => {
    const v = r.raw(name);
    return v === undefined ? fallback : isAbsolute(v) ? v : resolve(cwd, v);
  };
  const key = r.secret('AMICUS_AUDIT_KEY');
  if (key !== undefined && Buffer.byteLength(key, 'utf8') < 32) r.problems.push('AMICUS_AUDIT_KEY must be at least 32 bytes (for example 64 hex digits)');
  const keyFile = path('AMICUS_AUDIT_KEY_FILE', resolve(dataDir, 'audit.key'));
  if (key === undefined && r.raw('AMICUS_AUDIT_KEY_FILE') !== undefined) {
    if (!existsSync(keyFile) || !statSync(keyFile).isFile()) r.problems.push(`AMICUS_AUDIT_KEY_FILE must be an existing file (got "${keyFile}")`);
    else if (statSync(keyFile).size < 32) r.problems.push(`AMICUS_AUDIT_KEY_FILE must hold a key of at least 32 bytes (${keyFile})`);
  }
  return {
    ...(key !== undefined ? { key } : {}),
    keyFile,
    checkpointFile: path('AMICUS_AUDIT_CHECKPOINT_FILE', resolve(dataDir, 'audit-checkpoints.jsonl')),
    checkpointIntervalMs: r.duration('AMICUS_AUDIT_CHECKPOINT_INTERVAL', '10s', 100),
  };
}

/** The environment of this process (the only read of process.env in the API). */
export function processEnvironment(): Env {
  return process.env;
}

/** The configuration of this process, read from its environment. */
export function loadConfigFromProcess(): AppConfig {
  return loadConfig(process.env, process.cwd());
}
