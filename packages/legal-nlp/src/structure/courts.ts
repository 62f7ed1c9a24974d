import { readFileSync } from 'node:fs';
import type { Court, Jurisdiction } from './types.js';

/**
 * The court table: `data/courts/courts.json` (UK, Indian, Chinese and Australian courts, written for this
 * project) and `data/courts/us-courts.json` (derived from Free Law Project's courts-db, BSD-2-Clause, by
 * `data/courts/derive-us-courts.py`). Both sit two folders above this module in `src` and in `dist`.
 */
const HAN = /\p{Script=Han}/u;
const DATA = new URL('../../data/courts/', import.meta.url);

interface OwnCourtRow {
  id: string;
  name: string;
  jurisdiction: Jurisdiction;
  level: Court['level'];
  aliases: string[];
  citationCodes?: string[];
  appealsTo?: string;
}

interface UsCourtRow {
  id: string;
  name: string;
  citation: string | null;
  system: string | null;
  type: string | null;
  level: string | null;
}

export interface CourtTable {
  courts: Court[];
  byId: Map<string, Court>;
  byCode: Map<string, Court>;
  /** Every name and alias, normalised, longest first, with its court. */
  names: Array<{ key: string; court: Court }>;
}

/** Lower case, "&" as "and", punctuation as single spaces. */
export function courtKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function usLevel(row: UsCourtRow): Court['level'] {
  if (row.level === 'colr') return 'apex';
  if (row.level === 'iac' || row.type === 'appellate') return 'appellate';
  if (row.type === 'trial' || row.type === 'bankruptcy') return 'trial';
  return 'other';
}

let table: CourtTable | undefined;

/** The court table, read once. */
export function courtTable(): CourtTable {
  if (table) return table;
  const own = JSON.parse(readFileSync(new URL('courts.json', DATA), 'utf8')) as { courts: OwnCourtRow[] };
  const us = JSON.parse(readFileSync(new URL('us-courts.json', DATA), 'utf8')) as { courts: UsCourtRow[] };
  const courts: Court[] = [
    ...own.courts.map((c) => ({ ...c, citationCodes: c.citationCodes ?? [] })),
    ...us.courts.map((c): Court => ({ id: `us-${c.id}`, name: c.name, jurisdiction: 'US', level: usLevel(c), aliases: [], citationCodes: [] })),
  ];
  const byId = new Map(courts.map((c) => [c.id, c]));
  const byCode = new Map<string, Court>();
  for (const c of courts) for (const code of c.citationCodes) byCode.set(code, c);
  const owners = new Map<string, Set<Court>>();
  for (const c of courts) {
    for (const n of [c.name, ...c.aliases]) {
      const key = courtKey(n);
      if (key.split(' ').length < 2 && !HAN.test(key)) continue;
      owners.set(key, (owners.get(key) ?? new Set()).add(c));
    }
  }
  // A name shared by several courts (a US "Superior Court" of many states) identifies none of them.
  const names: CourtTable['names'] = [...owners].filter(([, set]) => set.size === 1).map(([key, set]) => ({ key, court: [...set][0] }));
  names.sort((a, b) => b.key.length - a.key.length);
  table = { courts, byId, byCode, names };
  return table;
}

/** The court whose name (or alias) is the longest one written in `line`, with the offsets of that name in `line`. */
export function findCourtName(line: string): { court: Court; start: number; end: number } | null {
  const flat = line.toLowerCase();
  if (!/court|tribunal|house of lords|privy council|法院|bench|commission/.test(flat)) return null;
  const normal = courtKey(line);
  for (const { key, court } of courtTable().names) {
    if (!(HAN.test(key) ? normal.includes(key) : ` ${normal} `.includes(` ${key} `))) continue;
    // Map back to offsets in the line: find the first and last word of the key.
    const words = key.split(' ');
    const re = new RegExp(words.map((w) => (w === 'and' ? '(?:and|&)' : escape(w))).join("[^\\p{L}\\p{N}]*"), 'iu');
    const m = re.exec(line);
    if (m) return { court, start: m.index, end: m.index + m[0].length };
    return { court, start: 0, end: line.length };
  }
  return null;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The apex court of a jurisdiction. */
export function apexOf(jurisdiction: Jurisdiction): Court | undefined {
  const ids: Record<Jurisdiction, string> = { UK: 'uksc', IN: 'insc', CN: 'cn-spc', AU: 'hca', US: 'us-scotus' };
  return courtTable().byId.get(ids[jurisdiction]);
}
