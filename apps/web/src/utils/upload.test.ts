import { describe, expect, it } from 'vitest';
import { uploadErrorFromResponse } from './upload';

const body = (code: string, reason?: string, extra: Record<string, unknown> = {}) => ({ errors: [{ message: 'm', extensions: { code, ...(reason ? { reason } : {}), ...extra } }] });

describe('uploadErrorFromResponse', () => {
  it('names a file over the limit, with the limit when the API gives it', () => {
    const e = uploadErrorFromResponse(413, body('PAYLOAD_TOO_LARGE', 'FILE_TOO_LARGE', { limit: 104857600 }));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.message).toBe('The file is too large to upload. The limit is 100 MB.');
    expect(uploadErrorFromResponse(413, null).code).toBe('FILE_TOO_LARGE');
  });

  it('names a type Amicus cannot read', () => {
    const e = uploadErrorFromResponse(415, body('UNSUPPORTED_MEDIA_TYPE', 'UNSUPPORTED_TYPE'));
    expect(e.code).toBe('UNSUPPORTED_TYPE');
    expect(e.message).toMatch(/^Amicus cannot read this kind of file/);
  });

  it('keeps the field the API named for bad form input', () => {
    const e = uploadErrorFromResponse(400, body('BAD_USER_INPUT', 'INVALID_UPLOAD', { field: 'filedDate' }));
    expect(e).toMatchObject({ code: 'INVALID_UPLOAD', field: 'filedDate', status: 400 });
  });

  it('explains duplicates, access and unknown failures without raw server text', () => {
    expect(uploadErrorFromResponse(409, body('CONFLICT', 'DUPLICATE_DOCUMENT')).message).toBe('This file is already a document of this case.');
    expect(uploadErrorFromResponse(403, body('FORBIDDEN', 'NOT_ALLOWED')).code).toBe('FORBIDDEN');
    expect(uploadErrorFromResponse(404, body('NOT_FOUND', 'CASE_NOT_FOUND')).code).toBe('NOT_FOUND');
    const unknown = uploadErrorFromResponse(500, { errors: [{ message: 'stack trace here', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(unknown.message).not.toContain('stack trace');
  });
});
