import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { ExtractionError } from './errors.js';

const require = createRequire(import.meta.url);

/**
 * Directory holding `eng.traineddata.gz` inside the installed `@tesseract.js-data/eng` package
 * (the LSTM "best_int" model). Nothing is fetched over the network.
 */
export function englishLangPath(): string {
  const pkg = require.resolve('@tesseract.js-data/eng/package.json');
  return path.join(path.dirname(pkg), '4.0.0_best_int');
}

export interface OcrOptions {
  /** Where tesseract.js may keep its working files; defaults to a directory under the OS temp dir. */
  cachePath?: string;
  /** Milliseconds allowed for one page; the OCR worker is stopped when it runs over. */
  pageTimeoutMs: number;
}

export interface OcrText {
  text: string;
  confidence: number;
}

/** One tesseract.js worker, created lazily and reused for every page of a document. */
export class OcrEngine {
  private worker: Promise<Worker> | null = null;
  constructor(private readonly options: OcrOptions) {}

  private start(): Promise<Worker> {
    if (!this.worker) {
      const cachePath = this.options.cachePath ?? path.join(tmpdir(), 'amicus-ocr');
      mkdirSync(cachePath, { recursive: true });
      this.worker = createWorker('eng', OEM.LSTM_ONLY, {
        langPath: englishLangPath(),
        cachePath,
        cacheMethod: 'none',
        gzip: true,
      }).then(async (worker) => {
        await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '1', user_defined_dpi: '300' });
        return worker;
      });
    }
    return this.worker;
  }

  /** Recognise the text of one image (PNG, JPEG, TIFF or BMP bytes). */
  async recognize(image: Buffer, label: string): Promise<OcrText> {
    const worker = await this.start();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new ExtractionError('TIMEOUT', `OCR of ${label} took longer than ${this.options.pageTimeoutMs} ms`));
      }, this.options.pageTimeoutMs);
    });
    try {
      const { data } = await Promise.race([worker.recognize(image), timeout]);
      return { text: data.text, confidence: data.confidence };
    } catch (err) {
      // A timed-out or failed worker may be mid-recognition: discard it.
      await this.terminate();
      if (err instanceof ExtractionError) throw err;
      throw new ExtractionError('CORRUPT_FILE', `The image of ${label} could not be read: ${(err as Error).message ?? String(err)}`, {
        cause: err,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      try {
        await (await worker).terminate();
      } catch {
        // already gone
      }
    }
  }
}
