import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { ModelCatalog } from '../models/model-catalog.js';

/** Where the model of this process stands (reported by `modelState`). */
export type ModelState = 'not_loaded' | 'loading' | 'ready' | 'failed';

/** How long the active model read from the ledger is trusted before it is read again. */
const ACTIVE_CHECK_MS = 2000;

/**
 * The summarization model of this process: which directory and how many intra-op threads
 * (AMICUS_INFERENCE_THREADS). Which model is the active one (`amicus model activate`, recorded in the
 * ledger; or AMICUS_MODEL_DIR, which pins it) is checked at each summary, so an activation reaches
 * running processes at their next job, without a restart. The model itself is loaded inside the
 * worker threads of the CPU pool (each keeps its own session per directory, loaded on its first
 * summary and verified against the manifest's sha256 of every file); this records how the last load went.
 */
@Injectable()
export class ModelProvider {
  private readonly logger = new Logger('Model');
  private readonly catalog: ModelCatalog;
  private active: { dir: string; at: number } | undefined;
  private loadedDir: string | undefined;
  private current: ModelState = 'not_loaded';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.catalog = new ModelCatalog(config, dataSource);
  }

  /** Intra-op threads the model runs with. */
  get threads(): number {
    return this.config.inferenceThreads;
  }

  get state(): ModelState {
    return this.current;
  }

  /** The directory of the active model (read from the ledger at most every ACTIVE_CHECK_MS). */
  async dir(): Promise<string> {
    if (this.active && Date.now() - this.active.at < ACTIVE_CHECK_MS) return this.active.dir;
    const { dir } = await this.catalog.active();
    this.active = { dir, at: Date.now() };
    return dir;
  }

  /** A summary task is about to use the model in `dir`. */
  using(dir: string): void {
    if (this.current !== 'ready' || this.loadedDir !== dir) this.current = 'loading';
  }

  /** A thread ran the model in `dir` (`model` as its manifest names it). */
  loaded(dir: string, model: { name: string; version: string }): void {
    if (this.current !== 'ready' || this.loadedDir !== dir) this.logger.log(`Model ${model.name}@${model.version} loaded from ${dir} (${this.threads} threads)`);
    this.loadedDir = dir;
    this.current = 'ready';
  }

  /** The model could not be found or loaded; the next summary tries again. */
  failed(): void {
    this.current = 'failed';
  }
}
