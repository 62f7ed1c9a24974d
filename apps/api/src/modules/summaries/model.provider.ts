import { Inject, Injectable, Logger } from '@nestjs/common';
import { modelDir as shippedModelDir } from '@amicus/legal-model';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';

/** Where the model of this process stands (reported by `modelState`). */
export type ModelState = 'not_loaded' | 'loading' | 'ready' | 'failed';

/**
 * The summarization model of this process: which directory (AMICUS_MODEL_DIR or the shipped model)
 * and how many intra-op threads (AMICUS_INFERENCE_THREADS). The model itself is loaded inside the
 * worker threads of the CPU pool (each keeps its own session, loaded on its first summary and
 * verified against the manifest's sha256 of every file); this records how the last load went.
 */
@Injectable()
export class ModelProvider {
  private readonly logger = new Logger('Model');
  private current: ModelState = 'not_loaded';

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The directory the model is loaded from. */
  get dir(): string {
    return this.config.modelDir ?? shippedModelDir;
  }

  /** Intra-op threads the model runs with. */
  get threads(): number {
    return this.config.inferenceThreads;
  }

  get state(): ModelState {
    return this.current;
  }

  /** A summary task is about to use the model. */
  using(): void {
    if (this.current !== 'ready') this.current = 'loading';
  }

  /** A thread ran the model (`model` as its manifest names it). */
  loaded(model: { name: string; version: string }): void {
    if (this.current !== 'ready') this.logger.log(`Model ${model.name}@${model.version} loaded from ${this.dir} (${this.threads} threads)`);
    this.current = 'ready';
  }

  /** A thread could not load the model; the next summary tries again. */
  failed(): void {
    this.current = 'failed';
  }
}
