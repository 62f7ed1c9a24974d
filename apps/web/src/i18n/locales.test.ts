import { describe, expect, it } from 'vitest';
import { localeFromBrowser, SUPPORTED_LOCALES } from './index';
import en from './locales/en';
import zhCN from './locales/zh-CN';

/** Every leaf key of a messages object, dotted. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** `{name}` placeholders of a message. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const all = { en, 'zh-CN': zhCN } as const;

  it('offers English and Simplified Chinese', () => {
    expect(Object.keys(all).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it('has every key in every locale, and no key only one of them has', () => {
    const english = new Set(keys(en));
    for (const [locale, messages] of Object.entries(all)) {
      const own = new Set(keys(messages));
      expect([...english].filter((k) => !own.has(k)), `missing in ${locale}`).toEqual([]);
      expect([...own].filter((k) => !english.has(k)), `only in ${locale}`).toEqual([]);
    }
  });

  it('translates every message (no empty text) with the same placeholders and plural forms', () => {
    const chinese = new Map(leaves(zhCN));
    for (const [key, text] of leaves(en)) {
      const other = chinese.get(key)!;
      expect(other.trim(), key).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(text));
      expect(other.split('|').length, key).toBe(text.split('|').length);
    }
  });

  it('defaults from the browser: any Chinese to zh-CN, else English', () => {
    expect(localeFromBrowser(['zh-TW', 'en'])).toBe('zh-CN');
    expect(localeFromBrowser(['en-GB', 'zh-CN'])).toBe('en');
    expect(localeFromBrowser(['fr-FR'])).toBe('en');
    expect(localeFromBrowser([])).toBe('en');
  });
});
