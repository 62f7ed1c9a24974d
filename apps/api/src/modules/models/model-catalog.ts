// The models an installation can run: the shipped model and those installed under the models
// directory (`<AMICUS_MODELS_DIR>/<name>@<version>/`). Which one is active is a fact of the ledger:
// the latest `model_activated` entry, so every API and worker host sharing the database agrees.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelDir as shippedModelDir } from '@amicus/legal-model';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditEntryEntity } from '../audit/audit.entity.js';

export const MODEL_ACTIVATED = AuditAction.ModelActivated;
export const EVALUATION_FILE = 'evaluation.json';
const KEY = /^[A-Za-z0-9._-]{1,100}@[A-Za-z0-9._+-]{1,50}$/;

export interface ModelEntry {
  /** `name@version`. */
  key: string;
  dir: string;
  shipped: boolean;
}

/** What a `model_activated` ledger entry records. */
export interface ActivationDetails {
  model: string;
  sha256: string;
  previous: string | null;
  rollback: boolean;
  forced: boolean;
}

export function isModelKey(value: string): boolean {
  return KEY.test(value);
}

/** `name@version` of the model directory's manifest (read, not verified). */
export function keyOf(dir: string): string {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { name?: unknown; version?: unknown };
  return `${String(m.name)}@${String(m.version)}`;
}

export class ModelCatalog {
  constructor(
    private readonly config: Pick<AppConfig, 'modelsDir' | 'modelDir'>,
    private readonly dataSource: DataSource,
  ) {}

  get modelsDir(): string {
    return this.config.modelsDir;
  }

  /** The shipped model and every installed one, shipped first, then by key. */
  entries(): ModelEntry[] {
    const shipped: ModelEntry = { key: keyOf(shippedModelDir), dir: shippedModelDir, shipped: true };
    const installed = existsSync(this.modelsDir)
      ? readdirSync(this.modelsDir, { withFileTypes: true })
          .filter((d) => d.isDirectory() && isModelKey(d.name) && existsSync(join(this.modelsDir, d.name, 'manifest.json')))
          .map((d) => ({ key: d.name, dir: join(this.modelsDir, d.name), shipped: false }))
          .sort((a, b) => a.key.localeCompare(b.key))
      : [];
    return [shipped, ...installed.filter((e) => e.key !== shipped.key)];
  }

  find(key: string): ModelEntry | undefined {
    return this.entries().find((e) => e.key === key);
  }

  /** The latest activation in the ledger, if any. */
  async activation(): Promise<ActivationDetails | null> {
    const row = await this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .select(['a.details'])
      .where('a.action = :action', { action: MODEL_ACTIVATED })
      .orderBy('a.seq', 'DESC')
      .limit(1)
      .getOne();
    return row ? (JSON.parse(row.details) as ActivationDetails) : null;
  }

  /**
   * The active model: AMICUS_MODEL_DIR when set (it pins the model), else the latest activation,
   * else the shipped model. An activated model missing from this host's models directory is an
   * error naming it (install it on every host that runs jobs).
   */
  async active(): Promise<ModelEntry & { pinned: boolean }> {
    if (this.config.modelDir) return { key: existsSync(join(this.config.modelDir, 'manifest.json')) ? keyOf(this.config.modelDir) : this.config.modelDir, dir: this.config.modelDir, shipped: false, pinned: true };
    const activation = await this.activation();
    if (!activation) return { ...this.entries()[0], pinned: false };
    const entry = this.find(activation.model);
    if (!entry) throw new Error(`The active model ${activation.model} is not installed in ${this.modelsDir} on this host`);
    return { ...entry, pinned: false };
  }
}
