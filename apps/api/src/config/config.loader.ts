import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { AppConfig, DatabaseConfig, LdapConfig, NodeEnv, PRODUCTION_ARGON2_MIN } from './app-config.js';
import { defaultJobConcurrency, defaultJobsConfig } from '../modules/jobs/jobs.config.js';
import { DEFAULT_MAX_UPLOAD_BYTES, defaultDocumentsConfig, type DocumentsConfig } from '../modules/documents/documents.config.js';
import { LOG_LEVELS, type LogLevelName } from '../common/logging/log-level.js';

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

/** Parses "90s", "15m", "12h", "7d" or a number of milliseconds ("500ms"). */
export function parseDuration(value: string): number | undefined {
  const m = DURATION.exec(value.trim());
  if (!m) return undefined;
  return Number(m[1]) * DURATION_UNITS[m[2]];
}

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got "${v}")`);
      return fallback;
    }
    return Number(v);
  }

  duration(name: string, fallback: string, minMs: number): number {
    const v = this.raw(name) ?? fallback;
    const ms = parseDuration(v);
    if (ms === undefined || ms < minMs) {
      this.problems.push(`${name} must be a duration such as 30m, 12h or 7d, at least ${minMs} ms (got "${v}")`);
      return parseDuration(fallback) ?? minMs;
    }
    return ms;
  }

  bytes(name: string, fallback: number, min: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const m = BYTES.exec(v);
    const n = m ? Number(m[1]) * BYTE_UNITS[(m[2] ?? 'b').toLowerCase()] : NaN;
    if (!Number.isFinite(n) || n < min) {
      this.problems.push(`${name} must be a size in bytes such as 1048576, 512kb or 1mb, at least ${min} (got "${v}")`);
      return fallback;
    }
    return n;
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
  const bindPassword = r.raw('AMICUS_LDAP_BIND_PASSWORD');
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

  const nodeEnvRaw = r.raw('NODE_ENV') ?? 'development';
  let nodeEnv: NodeEnv = 'development';
  if (nodeEnvRaw === 'development' || nodeEnvRaw === 'production' || nodeEnvRaw === 'test') nodeEnv = nodeEnvRaw;
  else r.problems.push(`NODE_ENV must be development, production or test (got "${nodeEnvRaw}")`);

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
  const adminPassword = r.raw('AMICUS_BOOTSTRAP_ADMIN_PASSWORD');
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
  const maxComplexity = r.int('AMICUS_GRAPHQL_MAX_COMPLEXITY', 1000, 10, 1_000_000);
  const maxRequestBytes = r.bytes('AMICUS_MAX_REQUEST_BYTES', 1024 * 1024, 1024);

  let loginRateLimit = { attempts: 10, windowMs: 15 * 60_000 };
  const rate = r.raw('AMICUS_LOGIN_RATE_LIMIT');
  if (rate !== undefined) {
    const m = /^(\d+)\s*\/\s*(.+)$/.exec(rate);
    const windowMs = m ? parseDuration(m[2]) : undefined;
    if (!m || windowMs === undefined || Number(m[1]) < 1 || windowMs < 1000) {
      r.problems.push(`AMICUS_LOGIN_RATE_LIMIT must look like 10/15m (failed attempts per window) (got "${rate}")`);
    } else {
      loginRateLimit = { attempts: Number(m[1]), windowMs };
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
  const inferenceThreads = r.int('AMICUS_INFERENCE_THREADS', Math.max(1, Math.min(4, availableParallelism())), 1, 256);

  const templatesDirRaw = r.raw('AMICUS_TEMPLATES_DIR');
  const templatesDir = templatesDirRaw === undefined ? undefined : isAbsolute(templatesDirRaw) ? templatesDirRaw : resolve(cwd, templatesDirRaw);
  if (templatesDir !== undefined && !(existsSync(templatesDir) && statSync(templatesDir).isDirectory())) {
    r.problems.push(`AMICUS_TEMPLATES_DIR must be an existing directory (got "${templatesDirRaw}")`);
  }
  const disclosureText = r.raw('AMICUS_DISCLOSURE_TEXT');
  if (disclosureText !== undefined && disclosureText.length > 1000) r.problems.push('AMICUS_DISCLOSURE_TEXT must be at most 1000 characters');

  const serveWebRaw = r.raw('AMICUS_SERVE_WEB') ?? 'true';
  if (serveWebRaw !== 'true' && serveWebRaw !== 'false') r.problems.push(`AMICUS_SERVE_WEB must be true or false (got "${serveWebRaw}")`);

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

  let blobStore: DocumentsConfig['blobStore'] = { type: 'local' };
  const blobUrl = r.raw('AMICUS_BLOB_URL');
  if (blobUrl !== undefined) {
    const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(blobUrl);
    const endpoint = r.raw('AMICUS_S3_ENDPOINT');
    if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) r.problems.push(`AMICUS_S3_ENDPOINT must be an http:// or https:// URL (got "${endpoint}")`);
    const accessKeyId = r.raw('AMICUS_S3_ACCESS_KEY_ID');
    const secretAccessKey = r.raw('AMICUS_S3_SECRET_ACCESS_KEY');
    if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) r.problems.push('AMICUS_S3_ACCESS_KEY_ID and AMICUS_S3_SECRET_ACCESS_KEY must be set together');
    const pathStyle = r.raw('AMICUS_S3_FORCE_PATH_STYLE') ?? (endpoint ? 'true' : 'false');
    if (pathStyle !== 'true' && pathStyle !== 'false') r.problems.push(`AMICUS_S3_FORCE_PATH_STYLE must be true or false (got "${pathStyle}")`);
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

  const logLevel = (r.raw('AMICUS_LOG_LEVEL') ?? 'info') as LogLevelName;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) r.problems.push(`AMICUS_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  const metricsToken = r.raw('AMICUS_METRICS_TOKEN');
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
    ...(r.raw('AMICUS_ADMIN_PASSWORD') ? { adminPassword: r.raw('AMICUS_ADMIN_PASSWORD') } : {}),
    graphql: { maxDepth, maxComplexity },
    maxRequestBytes,
    loginRateLimit,
    passwordHashing: { memoryKib, timeCost, parallelism: 1 },
    ...(modelDir ? { modelDir: isAbsolute(modelDir) ? modelDir : resolve(cwd, modelDir) } : {}),
    modelsDir: r.raw('AMICUS_MODELS_DIR') ? resolve(cwd, r.raw('AMICUS_MODELS_DIR') as string) : resolve(dataDir, 'models'),
    inferenceThreads,
    ...(templatesDir ? { templatesDir } : {}),
    ...(disclosureText ? { disclosureText } : {}),
    serveWeb: serveWebRaw !== 'false',
    ...(r.raw('AMICUS_WEB_DIR') ? { webDir: resolve(cwd, r.raw('AMICUS_WEB_DIR') as string) } : {}),
    jobs,
    documents,
    logLevel,
    ...(ldap ? { ldap } : {}),
    metrics: metricsToken ? { token: metricsToken } : {},
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
