import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createSummarizer, loadModel, type LoadedModel, type Summarizer } from '@amicus/inference';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { ModelCatalog } from '../models/model-catalog.js';

/** Where the model of this process stands (reported by `modelState`). */
export type ModelState = 'not_loaded' | 'loading' | 'ready' | 'failed';

export interface ReadyModel {
  model: LoadedModel;
  summarizer: Summarizer;
}

/** How long the active model read from the ledger is trusted before it is read again. */
const ACTIVE_CHECK_MS = 2000;
/** A model replaced by an activation is released this long after the switch (jobs still using it finish). */
const RETIRE_AFTER_MS = 10 * 60_000;

/**
 * The summarization model of this process: loaded on first use (so a process that never runs a
 * summary never pays for it) with AMICUS_INFERENCE_THREADS intra-op threads. Which model is the
 * active one (`amicus model activate`, recorded in the ledger; or AMICUS_MODEL_DIR, which pins it)
 * is checked at each use, so an activation reaches running processes at their next job, without a
 * restart. Loading verifies the manifest's sha256 of every file; a failed load is not cached.
 */
@Injectable()
export class ModelProvider implements OnApplicationShutdown {
  private readonly logger = new Logger('Model');
  private readonly catalog: ModelCatalog;
  private loaded: { dir: string; ready: Promise<ReadyModel> } | undefined;
  private active: { dir: string; at: number } | undefined;
  private readonly retiring = new Set<NodeJS.Timeout>();
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
  private async activeDir(): Promise<string> {
    if (this.active && Date.now() - this.active.at < ACTIVE_CHECK_MS) return this.active.dir;
    const { dir } = await this.catalog.active();
    this.active = { dir, at: Date.now() };
    return dir;
  }

  /** The active model and its summarizer (loads it on first use and after an activation; concurrent callers share one load). */
  async get(): Promise<ReadyModel> {
    const dir = await this.activeDir();
    if (this.loaded?.dir !== dir) {
      const previous = this.loaded;
      this.loaded = { dir, ready: this.load(dir) };
      if (previous) void this.loaded.ready.then(() => this.retire(previous.ready), () => undefined);
    }
    return this.loaded.ready;
  }

  private load(dir: string): Promise<ReadyModel> {
    this.current = 'loading';
    const started = Date.now();
    return loadModel(dir, { intraOpThreads: this.config.inferenceThreads, interOpThreads: 1 }).then(
      (model) => {
        this.current = 'ready';
        this.logger.log(`Model ${model.manifest.name}@${model.manifest.version} loaded from ${dir} in ${Date.now() - started} ms (${this.config.inferenceThreads} threads)`);
        return { model, summarizer: createSummarizer(model) };
      },
      (error: unknown) => {
        this.current = 'failed';
        if (this.loaded?.dir === dir) this.loaded = undefined;
        throw error;
      },
    );
  }

  private retire(ready: Promise<ReadyModel>): void {
    const timer = setTimeout(() => {
      this.retiring.delete(timer);
      void ready.then((r) => r.model.release()).catch(() => undefined);
    }, RETIRE_AFTER_MS);
    timer.unref();
    this.retiring.add(timer);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.retiring) clearTimeout(timer);
    this.retiring.clear();
    const loaded = this.loaded;
    this.loaded = undefined;
    if (!loaded) return;
    const ready = await loaded.ready.catch(() => undefined);
    await ready?.model.release().catch(() => undefined);
    this.current = 'not_loaded';
  }
}
