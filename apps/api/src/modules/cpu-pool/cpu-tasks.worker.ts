// The code that runs inside the API's worker threads (one module instance per thread). It imports
// only the packages that do the work, never the API's own modules, so a thread stays small. Each
// thread loads its own model session on its first summarize task and keeps it.
import { buildBrief, extractEntities, extractText } from '@amicus/legal-nlp';
import { createSummarizer, loadModel, type LoadedModel, type Summarizer } from '@amicus/inference';
import { draftToDocx, draftToPdf, renderTemplate, slotsFromCase } from '@amicus/prompts';
import type { CpuProgress, CpuTaskFailure, CpuTaskMessage, CpuTaskName, CpuTaskReply, CpuTasks } from './cpu-tasks.js';

/**
 * Reports progress and is the task's cancellation checkpoint: it throws once the API thread has
 * set the cancellation flag. A task is never stopped by terminating its thread, because a thread
 * stopped inside a native model call can take the process down with it.
 */
type Report = (progress: CpuProgress) => void;
type Runner<K extends CpuTaskName> = (input: CpuTasks[K]['input'], report: Report) => Promise<CpuTasks[K]['output']>;

let session: { key: string; ready: Promise<{ model: LoadedModel; summarizer: Summarizer }> } | undefined;

/** This thread's model session (loaded once per directory and thread count; a failed load is retried next time). */
function model(dir: string, intraOpThreads: number): Promise<{ model: LoadedModel; summarizer: Summarizer }> {
  const key = `${dir}\u0000${intraOpThreads}`;
  if (session?.key !== key) {
    const previous = session?.ready;
    const ready = loadModel(dir, { intraOpThreads, interOpThreads: 1 }).then((m) => ({ model: m, summarizer: createSummarizer(m) }));
    session = { key, ready };
    ready.catch(() => {
      if (session?.ready === ready) session = undefined;
    });
    void previous?.then((p) => p.model.release()).catch(() => undefined);
  }
  return session.ready;
}

const runners: { [K in CpuTaskName]: Runner<K> } = {
  async extract({ bytes, options }, report) {
    const extracted = await extractText(bytes, {
      ...options,
      onPage: ({ page, pages, ocr }) => report({ percent: Math.floor((100 * (page - 1)) / Math.max(1, pages)), stage: `${ocr ? 'ocr page' : 'page'} ${page}/${pages}` }),
    });
    report({ percent: 100, stage: 'entities' });
    return {
      mediaType: extracted.mediaType,
      text: extracted.text,
      pages: extracted.pages.map((p) => ({ number: p.number, start: p.start, end: p.end, ocr: p.ocr })),
      ocrPages: extracted.ocrPages,
      entities: extractEntities(extracted.text),
    };
  },

  async summarize({ model: where, documents }, report) {
    report({ percent: 0, stage: 'loading the model' });
    let loaded: LoadedModel;
    let summarizer: Summarizer;
    try {
      ({ model: loaded, summarizer } = await model(where.dir, where.intraOpThreads));
    } catch (error) {
      throw modelLoadError(error);
    }
    const out: CpuTasks['summarize']['output']['documents'] = [];
    for (let i = 0; i < documents.length; i++) {
      report({ percent: Math.round((90 * i) / documents.length), stage: documents.length > 1 ? `summarizing document ${i + 1} of ${documents.length}` : 'summarizing' });
      const doc = documents[i];
      if (doc.text.trim() === '') {
        out.push(null);
        continue;
      }
      try {
        const started = process.hrtime.bigint();
        const result = await summarizer.summarize(doc.text, doc.options);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        out.push({ seconds, words: result.words, sentences: result.sentences, outcome: result.outcome, language: result.language, warnings: result.warnings });
      } catch (error) {
        const code = (error as { code?: unknown })?.code;
        if (code === 'EMPTY_INPUT' || code === 'NOT_TEXT') out.push(null);
        else throw error;
      }
    }
    report({ percent: 90, stage: 'building the brief' });
    const brief = buildBrief(documents.map((d) => ({ documentId: d.documentId, text: d.text })));
    return { model: { name: loaded.manifest.name, version: loaded.manifest.version, sha256: loaded.sha256 }, documents: out, brief };
  },

  async brief({ documents }, report) {
    report({ percent: 0 });
    return buildBrief(documents);
  },

  async renderDraft({ template, caseInput, values }) {
    return renderTemplate(template, { ...slotsFromCase(caseInput, template), ...values });
  },

  async exportDraft({ draft, format, options }) {
    const bytes = format === 'docx' ? await draftToDocx(draft, options) : await draftToPdf(draft, options);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
};

/** A failed model load, told apart from failures of the summarizer itself. */
function modelLoadError(cause: unknown): Error {
  const error = new Error(`The model could not be loaded: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  error.name = 'ModelLoadError';
  const code = (cause as { code?: unknown })?.code;
  Object.assign(error, { code: typeof code === 'string' ? code : 'MODEL_UNAVAILABLE' });
  return error;
}

function failure(error: unknown): CpuTaskFailure {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  const details: Record<string, unknown> = {};
  for (const key of ['missing', 'invalid', 'templateRef'] as const) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (value !== undefined) details[key] = value;
  }
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}), ...(Object.keys(details).length ? { details } : {}) };
}

/** Piscina calls this with each task; failures come back as data so their codes survive the boundary. */
export default async function run(message: CpuTaskMessage): Promise<CpuTaskReply> {
  const flag = new Int32Array(message.cancel);
  const report: Report = (p) => {
    if (Atomics.load(flag, 0) === 1) {
      const error = new Error('The task was cancelled');
      error.name = 'CpuTaskCancelled';
      throw error;
    }
    message.progress.postMessage(p);
  };
  try {
    const runner = runners[message.task] as Runner<CpuTaskName>;
    if (!runner) throw new Error(`Unknown CPU task "${String(message.task)}"`);
    return { ok: true, value: await runner(message.input, report) };
  } catch (error) {
    return { ok: false, error: failure(error) };
  } finally {
    message.progress.close();
  }
}
