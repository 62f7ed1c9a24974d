// Document upload over XMLHttpRequest (fetch has no upload progress): progress events, cancel, and
// the API's typed errors turned into an UploadError with a plain-language message.

export type DocumentKindValue = 'complaint' | 'motion' | 'order' | 'judgment' | 'exhibit' | 'other';

export interface UploadRequest {
  caseId: string;
  file: File;
  title: string;
  kind: DocumentKindValue;
  /** `YYYY-MM-DD`, or empty for none. */
  filedDate: string;
  token: string | null;
}

export interface UploadedDocument {
  id: string;
  title: string;
  extractionStatus: string;
  jobId: string | null;
}

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0–100. */
  percent: number;
}

/** Stable codes: the API's `reason` where it gives one (FILE_TOO_LARGE, UNSUPPORTED_TYPE …), else its code. */
export class UploadError extends Error {
  override readonly name = 'UploadError';

  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    /** The form field the API named, when the problem is with one field. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface UploadHandle {
  promise: Promise<UploadedDocument>;
  abort(): void;
}

interface WireBody {
  document?: { id?: unknown; title?: unknown; extractionStatus?: unknown; jobId?: unknown };
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown; reason?: unknown; field?: unknown; limit?: unknown } }>;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The error for a failed upload answer (status and parsed JSON body, if any). */
export function uploadErrorFromResponse(status: number, body: unknown): UploadError {
  const wire = (typeof body === 'object' && body !== null ? body : {}) as WireBody;
  const first = wire.errors?.[0];
  const ext = first?.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : '';
  const reason = typeof ext.reason === 'string' ? ext.reason : '';
  const field = typeof ext.field === 'string' ? ext.field : undefined;
  const serverMessage = typeof first?.message === 'string' ? first.message : '';

  if (status === 413 || reason === 'FILE_TOO_LARGE') {
    const limit = Number(ext.limit);
    const tail = Number.isFinite(limit) && limit > 0 ? ` The limit is ${formatBytes(limit)}.` : '';
    return new UploadError('FILE_TOO_LARGE', `The file is too large to upload.${tail}`, status);
  }
  if (status === 415 || reason === 'UNSUPPORTED_TYPE') {
    return new UploadError(
      'UNSUPPORTED_TYPE',
      'Amicus cannot read this kind of file. Upload a PDF, a Word document (.docx), plain text, HTML, or a PNG, JPEG or TIFF image.',
      status,
    );
  }
  if (reason === 'DUPLICATE_DOCUMENT') return new UploadError(reason, 'This file is already a document of this case.', status);
  if (reason === 'EMPTY_FILE') return new UploadError(reason, 'The file is empty.', status, 'file');
  if (code === 'UNAUTHENTICATED' || status === 401) return new UploadError('UNAUTHENTICATED', 'Your session has ended. Sign in again.', status);
  if (code === 'FORBIDDEN' || status === 403) return new UploadError('FORBIDDEN', 'You do not have permission to add documents to this case.', status);
  if (code === 'NOT_FOUND' || status === 404) return new UploadError('NOT_FOUND', 'The case could not be found, or you do not have access to it.', status);
  if (code === 'BAD_USER_INPUT' || status === 400) {
    return new UploadError(reason || 'BAD_USER_INPUT', `The upload was not accepted: ${serverMessage || 'check the form'}.`, status, field);
  }
  if (code === 'RATE_LIMITED' || status === 429) return new UploadError('RATE_LIMITED', 'Too many requests. Wait a few minutes and try again.', status);
  return new UploadError(code || 'UPLOAD_FAILED', `The upload failed (${code || `HTTP ${status}`}). Try again, and tell the court’s IT support if it keeps happening.`, status);
}

/** Starts an upload; `onProgress` follows the bytes sent. `abort()` rejects the promise with code ABORTED. */
export function uploadDocument(request: UploadRequest, onProgress?: (progress: UploadProgress) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const form = new FormData();
  form.append('title', request.title);
  form.append('kind', request.kind);
  if (request.filedDate) form.append('filedDate', request.filedDate);
  // The file goes last, so that the API has read the fields before the bytes arrive.
  form.append('file', request.file, request.file.name);

  const promise = new Promise<UploadedDocument>((resolve, reject) => {
    xhr.open('POST', `/api/cases/${encodeURIComponent(request.caseId)}/documents`);
    xhr.responseType = 'text';
    if (request.token) xhr.setRequestHeader('authorization', `Bearer ${request.token}`);
    xhr.upload.addEventListener('progress', (event) => {
      if (!onProgress) return;
      const total = event.lengthComputable ? event.total : request.file.size;
      onProgress({ loaded: event.loaded, total, percent: total > 0 ? Math.min(100, Math.round((event.loaded / total) * 100)) : 0 });
    });
    xhr.addEventListener('load', () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 || xhr.status === 200) {
        const doc = (body as WireBody | null)?.document;
        if (doc && typeof doc.id === 'string') {
          resolve({
            id: doc.id,
            title: String(doc.title ?? request.title),
            extractionStatus: String(doc.extractionStatus ?? 'QUEUED'),
            jobId: typeof doc.jobId === 'string' ? doc.jobId : null,
          });
          return;
        }
      }
      reject(uploadErrorFromResponse(xhr.status, body));
    });
    xhr.addEventListener('abort', () => reject(new UploadError('ABORTED', 'The upload was cancelled. Nothing was stored.')));
    xhr.addEventListener('error', () =>
      // A refused large upload can be cut off before its answer is read.
      reject(new UploadError('NETWORK_ERROR', 'The upload did not reach the server, or the server closed the connection (a file over the size limit is refused this way). Check the file and the network and try again.')),
    );
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
