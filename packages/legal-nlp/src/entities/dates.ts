import { Coverage } from './coverage.js';
import type { Entity } from './types.js';

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';

const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+day)?(?:\\s+of)?\\s+${MONTH},?\\s+'?(\\d{4})\\b`, 'g');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,\\s*(\\d{4})\\b`, 'g');
const MONTH_DAY_YEAR_NOCOMMA = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(\\d{4})\\b`, 'g');
const MONTH_YEAR = new RegExp(`\\b${MONTH},?\\s+(\\d{4})\\b`, 'g');
const NUMERIC = /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d./-]*\d)/g;
const ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m: number, d: number): boolean {
  if (y < 1600 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function month(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}

/** Dates written out in the ways judgments write them, normalised to ISO 8601 (YYYY-MM-DD or YYYY-MM). */
export function findDates(text: string): Entity[] {
  const out: Entity[] = [];
  const taken = new Coverage(text.length);
  const push = (start: number, end: number, normalized: string): void => {
    if (taken.overlaps(start, end)) return;
    taken.add(start, end);
    out.push({ type: 'date', start, end, text: text.slice(start, end), normalized });
  };
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const d = Number(m[1]);
    const mo = month(m[2]);
    const y = Number(m[3]);
    if (valid(y, mo, d)) push(m.index, m.index + m[0].length, `${y}-${pad(mo)}-${pad(d)}`);
  }
  for (const re of [MONTH_DAY_YEAR, MONTH_DAY_YEAR_NOCOMMA]) {
    for (const m of text.matchAll(re)) {
      const mo = month(m[1]);
      const d = Number(m[2]);
      const y = Number(m[3]);
      if (valid(y, mo, d)) push(m.index, m.index + m[0].length, `${y}-${pad(mo)}-${pad(d)}`);
    }
  }
  for (const m of text.matchAll(ISO)) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (valid(y, mo, d)) push(m.index, m.index + m[0].length, `${y}-${pad(mo)}-${pad(d)}`);
  }
  for (const m of text.matchAll(NUMERIC)) {
    let d = Number(m[1]);
    let mo = Number(m[3]);
    const y = Number(m[4]);
    // Day first (Commonwealth usage) unless that cannot be a date and month first can.
    if (!valid(y, mo, d) && valid(y, d, mo)) [d, mo] = [mo, d];
    if (valid(y, mo, d)) push(m.index, m.index + m[0].length, `${y}-${pad(mo)}-${pad(d)}`);
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    const mo = month(m[1]);
    const y = Number(m[2]);
    // "May 2004" is a date; "may 2004" is not (the verb), so the month must be capitalised.
    if (!/^[A-Z]/.test(m[1])) continue;
    if (mo && y >= 1600 && y <= 2200) push(m.index, m.index + m[0].length, `${y}-${pad(mo)}`);
  }
  return out.sort((a, b) => a.start - b.start);
}
