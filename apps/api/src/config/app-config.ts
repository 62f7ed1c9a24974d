// The typed configuration of the API. Built once at boot by `loadConfig` (config.loader.ts);
// nothing else in the API reads the process environment.

import type { CpuPoolConfig } from '../modules/cpu-pool/cpu-pool.config.js';
import type { AuditConfig } from '../modules/audit/audit.config.js';
import type { DocumentsConfig } from '../modules/documents/documents.config.js';
import type { JobsConfig } from '../modules/jobs/jobs.config.js';
import type { LogLevelName } from '../common/logging/log-level.js';

export type NodeEnv = 'development' | 'production' | 'test';

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | { type: 'postgres'; url: string; schema?: string };

export interface PasswordHashingConfig {
  /** argon2id memory cost in KiB. */
  memoryKib: number;
  /** argon2id iterations. */
  timeCost: number;
  parallelism: number;
}

export interface RateLimitConfig {
  /** Password attempts allowed per window for one account, from any address (a success gives its attempt back). */
  attempts: number;
  /** Sign-in attempts allowed per window from one client address (an IPv6 /64), for any account. */
  addressAttempts: number;
  windowMs: number;
}

/**
 * A class rather than an interface only so that it exists at run time: constructor parameters
 * typed `AppConfig` (injected with `@Inject(APP_CONFIG)`) then compile file by file too. Never
 * instantiated; config objects are plain objects built by `loadConfig`.
 */
export class AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  redisUrl?: string;
  /** Lifetime of a sign-in token in milliseconds. */
  tokenTtlMs: number;
  bootstrapAdmin?: { email: string; password: string };
  /** AMICUS_ADMIN_PASSWORD, used by `admin create` when --password is not given. */
  adminPassword?: string;
  graphql: {
    maxDepth: number;
    maxComplexity: number;
    /** Fields, fragment spreads and inline fragments a query may contain as written (checked before validation). */
    maxNodes: number;
    /** Aliased fields a query may contain. */
    maxAliases: number;
    /** Bytes of text (documents, pages, exports) one response may carry. */
    maxResponseBytes: number;
  };
  maxRequestBytes: number;
  loginRateLimit: RateLimitConfig;
  passwordHashing: PasswordHashingConfig;
  /** Directory of the summarization model (AMICUS_MODEL_DIR); default: the shipped model of @amicus/legal-model. */
  modelDir?: string;
  /** Installed models, one `<name>@<version>` directory each (AMICUS_MODELS_DIR; default `<dataDir>/models`). */
  modelsDir: string;
  inferenceThreads: number;
  /** Directory of the court's own draft templates (AMICUS_TEMPLATES_DIR), read besides the shipped ones. */
  templatesDir?: string;
  /** Disclosure line printed on exported drafts with machine-made text (AMICUS_DISCLOSURE_TEXT); default: @amicus/prompts' line. */
  disclosureText?: string;
  /** Serve the built web app (when its dist directory exists). */
  serveWeb: boolean;
  /** Directory of the built web app; default: the @amicus/web package's dist directory. */
  webDir?: string;
  /** Durable jobs: backend (BullMQ when REDIS_URL is set), worker concurrency, leases, retries. */
  jobs: JobsConfig;
  /** Worker threads that run the CPU work (extraction, OCR, the model, briefs, rendering, export). */
  cpuPool: CpuPoolConfig;
  /** Document upload limit and extraction limits (pages, time). */
  documents: DocumentsConfig;
  /** The ledger's key (outside the database) and its checkpoint file. */
  audit: AuditConfig;
  /** Level of the JSON log (AMICUS_LOG_LEVEL); `info` and above never carry case text, passwords or tokens. */
  logLevel: LogLevelName;
  /** Directory sign-in (AMICUS_LDAP_URL and the rest); unset: local accounts only. */
  ldap?: LdapConfig;
  /** `GET /metrics`: open, or behind this bearer token (AMICUS_METRICS_TOKEN). */
  metrics: { token?: string };
}

/** Directory sign-in over LDAP / Active Directory (AMICUS_LDAP_*). */
export interface LdapConfig {
  url: string;
  /** Service account that searches for users (unset: anonymous search). */
  bindDn?: string;
  bindPassword?: string;
  userBase: string;
  /** `{email}` is replaced by the escaped address; only enabled accounts should match. */
  userFilter: string;
  /** Where groups with `member: <user DN>` are searched (besides the user's memberOf). */
  groupBase?: string;
  /** Group DN (lower case) → role and court; a user in no mapped group is refused. */
  groupMap: Record<string, { role: 'admin' | 'judge' | 'clerk'; court?: string }>;
}

/** Injection token of the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Production floor for argon2id parameters (OWASP: m=19 MiB, t=2). */
export const PRODUCTION_ARGON2_MIN = { memoryKib: 19456, timeCost: 2 } as const;
