import { Coverage } from './coverage.js';
import type { Entity } from './types.js';

const PREFIX: Array<[RegExp, string]> = [
  [/^(?:Rs\.?|INR|₹|Rupees)$/i, 'INR'],
  [/^(?:US\$|USD|U\.S\.\s?\$)$/, 'USD'],
  [/^(?:A\$|AU\$|AUD)$/, 'AUD'],
  [/^(?:NZ\$|NZD)$/, 'NZD'],
  [/^(?:£|GBP|STG)$/, 'GBP'],
  [/^(?:€|EUR)$/, 'EUR'],
  [/^\$$/, 'USD'],
];
const SUFFIX: Record<string, string> = {
  rupees: 'INR', rupee: 'INR', dollars: 'USD', dollar: 'USD', pounds: 'GBP', pound: 'GBP', euros: 'EUR', euro: 'EUR',
};
const SCALE: Record<string, number> = {
  million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, lakh: 1e5, lakhs: 1e5, lac: 1e5, lacs: 1e5, crore: 1e7,
  crores: 1e7, thousand: 1e3,
};

const NUMBER = '(\\d{1,3}(?:,\\d{2,3})+|\\d+)(?:\\.(\\d+))?';
const SCALE_WORD = '(?:\\s*(million|billion|thousand|lakhs?|lacs?|crores?|bn|mn|m)\\b)?';
const PREFIXED = new RegExp(
  `(?<![\\w$£€₹])(Rs\\.?|INR|₹|Rupees|US\\$|USD|U\\.S\\.\\s?\\$|A\\$|AU\\$|AUD|NZ\\$|NZD|£|GBP|STG|€|EUR|\\$)\\s?${NUMBER}${SCALE_WORD}`,
  'g',
);
const SUFFIXED = new RegExp(`(?<![\\w.,$£€₹])${NUMBER}${SCALE_WORD}\\s+(rupees?|dollars?|pounds?|euros?)\\b`, 'gi');

function amountOf(digits: string, decimals: string | undefined, scale: string | undefined): number {
  const base = Number(digits.replace(/,/g, '') + (decimals ? `.${decimals}` : ''));
  return scale ? base * (SCALE[scale.toLowerCase()] ?? 1) : base;
}

/** Money amounts with their currency: "Rs. 6,21,764", "£25,000", "$4.5 million", "A$ 1,200", "500 dollars". */
export function findMoney(text: string): Entity[] {
  const out: Entity[] = [];
  const taken = new Coverage(text.length);
  for (const m of text.matchAll(PREFIXED)) {
    const symbol = m[1].replace(/\s/g, '');
    const currency = PREFIX.find(([re]) => re.test(symbol))?.[1];
    if (!currency) continue;
    // "Rs" must be followed by a number: already ensured by the pattern. Reject "$" inside words.
    const end = m.index + m[0].replace(/[\s-]+$/, '').length;
    const amount = amountOf(m[2], m[3], m[4]);
    out.push({ type: 'money', start: m.index, end, text: text.slice(m.index, end), currency, amount, normalized: `${currency} ${amount}` });
    taken.add(m.index, end);
  }
  for (const m of text.matchAll(SUFFIXED)) {
    const currency = SUFFIX[m[4].toLowerCase()];
    if (taken.overlaps(m.index, m.index + m[0].length)) continue;
    const amount = amountOf(m[1], m[2], m[3]);
    const end = m.index + m[0].length;
    out.push({ type: 'money', start: m.index, end, text: text.slice(m.index, end), currency, amount, normalized: `${currency} ${amount}` });
  }
  return out;
}
