import type { CaseBrief, Entity, ExtractOptions, MediaType } from '@amicus/legal-nlp';
import type { SummarizeOptions, SummaryResult } from '@amicus/inference';
import type { MessagePort as WorkerMessagePort } from 'node:worker_threads';
import type { CaseInput, Draft, ExportOptions, SlotValues, Template } from '@amicus/prompts';

/**
 * The CPU work the API hands to its worker threads, one input and output type per task. Inputs and
 * outputs cross the thread boundary by structured clone, so they are plain data.
 */
export interface CpuTasks {
  /** Text extraction (OCR where a page has no text layer) and the entities of the text. */
  extract: {
    input: { bytes: Uint8Array; options: Omit<ExtractOptions, 'onPage'> };
    output: {
      mediaType: MediaType;
      text: string;
      pages: Array<{ number: number; start: number; end: number; ocr: boolean }>;
      ocrPages: number;
      entities: Entity[];
    };
  };
  /** The summarize pipeline over each document, then the brief over all of them, with the thread's own model session. */
  summarize: {
    input: {
      model: { dir: string; intraOpThreads: number };
      documents: Array<{ documentId: string; text: string; options: SummarizeOptions }>;
    };
    output: {
      model: { name: string; version: string; sha256: string };
      /** Per document, in input order: its sentences and words and the seconds inference took, or null when the model found no text in it. */
      documents: Array<(Pick<SummaryResult, 'words' | 'sentences' | 'outcome' | 'language' | 'warnings'> & { seconds: number }) | null>;
      brief: CaseBrief;
    };
  };
  /** The brief of a case's documents (segmentation and entity extraction). */
  brief: {
    input: { documents: Array<{ documentId: string; text: string }> };
    output: CaseBrief;
  };
  /** Fills a template's slots from the case and renders the draft. */
  renderDraft: {
    input: { template: Template; caseInput: CaseInput; values: SlotValues };
    output: Draft;
  };
  /** An approved draft as a DOCX or PDF file. */
  exportDraft: {
    input: { draft: Draft; format: 'docx' | 'pdf'; options: ExportOptions };
    output: Uint8Array;
  };
}

export type CpuTaskName = keyof CpuTasks;

/** What the thread receives: the task, its input, the port it reports progress on and its cancellation flag. */
export interface CpuTaskMessage<K extends CpuTaskName = CpuTaskName> {
  task: K;
  input: CpuTasks[K]['input'];
  progress: WorkerMessagePort;
  /** One Int32 over shared memory: the API thread sets it to 1 to cancel; the task stops at its next checkpoint. */
  cancel: SharedArrayBuffer;
}

/** A progress report from a thread: percent of the task (0-100) and an optional stage label. */
export interface CpuProgress {
  percent: number;
  stage?: string;
}

/** A failure as it crosses the thread boundary (structured clone keeps only name and message of an Error). */
export interface CpuTaskFailure {
  name: string;
  message: string;
  code?: string;
  /** Extra fields of typed errors (a SlotError's missing and invalid slots). */
  details?: Record<string, unknown>;
}

export type CpuTaskReply<K extends CpuTaskName = CpuTaskName> = { ok: true; value: CpuTasks[K]['output'] } | { ok: false; error: CpuTaskFailure };
