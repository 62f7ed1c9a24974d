import { z } from 'zod';

/** A job type: the schema of its payload (checked when it is queued and when it runs) and of its result. */
export interface JobDefinition<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  description: string;
  payload: P;
  result: R;
}

const id = z.string().min(1).max(36);
const count = z.number().int().nonnegative();

/**
 * Every job type of the application, in one place: the API validates payloads against it when it
 * queues a job, workers validate the payload before a handler runs and the result before it is
 * stored, and the GraphQL `Job.result` is the result as this schema describes it.
 */
export const JOB_TYPES = {
  extract: {
    description: 'Extracts the text (OCR where needed) and the entities of an uploaded document.',
    payload: z.object({ documentId: id }).strict(),
    result: z.object({ documentId: id, pages: count, ocrPages: count, entities: count }),
  },
  summarize: {
    description: 'Summarizes the extracted documents of a case (or one document) with the legal model and builds the brief.',
    payload: z
      .object({
        caseId: id,
        /** The one document to summarize; null summarizes every extracted document of the case. */
        documentId: id.nullable(),
        length: z.enum(['short', 'standard', 'detailed']),
        /** A word budget instead of the preset (for the whole case: shared between documents by their length). */
        words: z.number().int().positive().nullish(),
        /** Role of the requester, recorded in the ledger. */
        requesterRole: z.string().max(32).nullish(),
      })
      .strict(),
    result: z.object({ summaryId: id, version: count, words: count, sentences: count }),
  },
  draft: {
    description: 'Renders a court template from the case record and its summary and stores the draft.',
    payload: z
      .object({
        caseId: id,
        templateId: z.string().min(1).max(200),
        templateVersion: z.string().min(1).max(50),
        /** The summary chosen when the job was queued; null when the case had none. */
        summaryId: id.nullable(),
        /** JSON object text: values of the template's user slots. */
        values: z.string().nullable(),
        requesterId: id,
        requesterRole: z.string().max(32).nullish(),
      })
      .strict(),
    result: z.object({ draftId: id }),
  },
} satisfies Record<string, JobDefinition>;

export type JobTypeName = keyof typeof JOB_TYPES;
export type JobPayload<K extends JobTypeName> = z.infer<(typeof JOB_TYPES)[K]['payload']>;
export type JobResult<K extends JobTypeName> = z.infer<(typeof JOB_TYPES)[K]['result']>;

/** A payload or result that does not match its job type's schema: the first problems, readable. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(payload)'}: ${i.message}`)
    .join('; ');
}

/**
 * The job types one queue knows: the application's (`JOB_TYPES`), and for tests of the queue
 * machinery the types they define on their own queue instance.
 */
export class JobTypeRegistry {
  private readonly definitions = new Map<string, JobDefinition>();

  constructor(types: Record<string, JobDefinition> = JOB_TYPES) {
    for (const [name, definition] of Object.entries(types)) this.definitions.set(name, definition);
  }

  define(name: string, definition: JobDefinition): void {
    this.definitions.set(name, definition);
  }

  get(name: string): JobDefinition | undefined {
    return this.definitions.get(name);
  }
}

/**
 * A stored result as its job type's schema describes it (for the GraphQL `Job.result`); a result of a
 * type this build does not define, or one stored before its schema changed, is returned as stored.
 */
export function typedJobResult(type: string, result: unknown): unknown {
  const definition = (JOB_TYPES as Record<string, JobDefinition>)[type];
  const parsed = definition?.result.safeParse(result);
  return parsed?.success ? parsed.data : result;
}
