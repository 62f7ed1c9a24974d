import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './download';

describe('fileNameFromDisposition', () => {
  it('prefers the UTF-8 name and falls back to the plain one', () => {
    expect(fileNameFromDisposition(`attachment; filename="judgment.pdf"; filename*=UTF-8''Urteil%20%C3%BC.pdf`)).toBe('Urteil ü.pdf');
    expect(fileNameFromDisposition('attachment; filename="UKSC_2013_0252-judgment-v2.docx"')).toBe('UKSC_2013_0252-judgment-v2.docx');
    expect(fileNameFromDisposition('attachment; filename=plain.txt')).toBe('plain.txt');
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
