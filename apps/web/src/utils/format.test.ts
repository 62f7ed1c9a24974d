import { describe, expect, it } from 'vitest';
import { applyLocale } from '../i18n';
import { i18n } from '../i18n/instance';
import { formatDate, formatNumber, isoDate, partyRoleLabel, roleLabel, titleCase } from './format';

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

  it('follows the interface language for dates, numbers and labels', () => {
    applyLocale(i18n, 'zh-CN');
    try {
      expect(formatDate('2025-02-14')).toBe('2025年2月14日');
      expect(roleLabel('JUDGE')).toBe('法官');
      expect(partyRoleLabel('RESPONDENT')).toBe('被申请人');
      expect(formatNumber(12345)).toBe('12,345');
    } finally {
      applyLocale(i18n, 'en');
    }
    expect(partyRoleLabel('RESPONDENT')).toBe('Respondent');
  });
});
