import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createSummarizer, loadModel, type LoadedModel, type Summarizer } from '@amicus/inference';
import { modelDir as shippedModelDir } from '@amicus/legal-model';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';

/** Where the model of this process stands (reported by `modelState`). */
export type ModelState = 'not_loaded' | 'loading' | 'ready' | 'failed';

export interface ReadyModel {
  model: LoadedModel;
  summarizer: Summarizer;
}

/**
 * The summarization model of this process: loaded once, on first use (so a process that never runs
 * a summary never pays for it), from AMICUS_MODEL_DIR or the shipped model, with
 * AMICUS_INFERENCE_THREADS intra-op threads. Loading verifies the manifest's sha256 of every file;
 * a failed load is not cached, so the next job tries again (after the model is fixed).
 */
@Injectable()
export class ModelProvider implements OnApplicationShutdown {
  private readonly logger = new Logger('Model');
  private loading: Promise<ReadyModel> | undefined;
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

  /** The loaded model and its summarizer (loads it on the first call; concurrent callers share one load). */
  get(): Promise<ReadyModel> {
    if (!this.loading) {
      this.current = 'loading';
      const started = Date.now();
      this.loading = loadModel(this.dir, { intraOpThreads: this.config.inferenceThreads, interOpThreads: 1 }).then(
        (model) => {
          this.current = 'ready';
          this.logger.log(`Model ${model.manifest.name}@${model.manifest.version} loaded from ${this.dir} in ${Date.now() - started} ms (${this.config.inferenceThreads} threads)`);
          return { model, summarizer: createSummarizer(model) };
        },
        (error: unknown) => {
          this.current = 'failed';
          this.loading = undefined;
          throw error;
        },
      );
    }
    return this.loading;
  }

  async onApplicationShutdown(): Promise<void> {
    const loading = this.loading;
    this.loading = undefined;
    if (!loading) return;
    const ready = await loading.catch(() => undefined);
    await ready?.model.release().catch(() => undefined);
    this.current = 'not_loaded';
  }
}
