import { describe, expect, it } from 'vitest';
import { formatDate, isoDate, roleLabel, titleCase } from './format';

describe('format', () => {
  it('shows calendar dates the same in every time zone', () => {
    expect(formatDate('2025-02-14')).toBe('14 Feb 2025');
    expect(isoDate('2025-02-14')).toBe('2025-02-14');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('not a date');
    expect(isoDate('not a date')).toBeUndefined();
  });

  it('turns API enum values into words', () => {
    expect(titleCase('THIRD_PARTY')).toBe('Third party');
    expect(titleCase('civil')).toBe('Civil');
    expect(roleLabel('ADMIN')).toBe('Administrator');
    expect(roleLabel('AUDITOR')).toBe('Auditor');
  });
});
