import { describe, expect, it } from 'vitest';
import { draftIdOfResult } from './job-result';

describe('draftIdOfResult', () => {
  it('reads the draft id of a draft job’s result', () => {
    expect(draftIdOfResult('{"draftId":"5b7f0c2e-1d7a-4c1e-9a51-0f6b1c9e2a10"}')).toBe('5b7f0c2e-1d7a-4c1e-9a51-0f6b1c9e2a10');
  });

  it('answers null for no result, another job’s result or text that is not JSON', () => {
    expect(draftIdOfResult(null)).toBeNull();
    expect(draftIdOfResult('')).toBeNull();
    expect(draftIdOfResult('{"summaryId":"x","version":1}')).toBeNull();
    expect(draftIdOfResult('{"draftId":42}')).toBeNull();
    expect(draftIdOfResult('null')).toBeNull();
    expect(draftIdOfResult('not json')).toBeNull();
  });
});
