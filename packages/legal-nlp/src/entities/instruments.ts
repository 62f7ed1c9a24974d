import type { Entity, SourceRef } from './types.js';

/**
 * Statute mentions merged by instrument. A judgment names an instrument in full once ("the Housing Act 1996
 * (the 1996 Act)") and then refers to it by a short form ("the 1996 Act", "the Act", "that Act", "Cr.P.C.");
 * every mention is resolved to the instrument's full name when the text defines the short form or names
 * exactly one instrument it can mean, and is left unresolved otherwise.
 */
export interface StatuteInstrument {
  /** The instrument's fullest name as written ("Housing Act 1996", "Code of Civil Procedure, 1908"). */
  name: string;
  year?: number;
  /** Short forms the text uses for it ("the 1996 Act", "the Act", "HRA"), as defined or resolved. */
  aliases: string[];
  /** Provisions cited ("section 63(7)", "Part VII", "Article 226"), in order of first appearance. */
  provisions: string[];
  /** Every statute mention resolved to this instrument. */
  mentions: SourceRef[];
}

// A provision word at the start of a statute mention ("section 63(7) of ...", "Part VII of ...").
const PROVISION_WORD =
  /^(?:[Ss]ections?|[Ss]ub[- ]?sections?|[Ss]ub[- ]?clauses?|[Ss]ub[- ]?rules?|[Ss]s?\.?|[Aa]rticles?|[Aa]rts?\.|[Rr]ules?|[Rr]egulations?|[Rr]egs?\.|[Pp]aragraphs?|[Pp]aras?\.?|[Cc]lauses?|[Cc]l\.|[Ss]chedules?|[Ss]ch\.|[Pp]arts?|[Cc]hapters?|[Oo]rders?)\s/;
const JOINER = /\s(?:of|to|in|under)\s|,\s/g;
const YEAR = /(?:,?\s)(\d{4})(?!\d)/;
const KINDS = ['Act', 'Code', 'Constitution', 'Convention', 'Rules', 'Regulations', 'Order', 'Ordinance', 'Charter', 'Directive', 'Treaty'];

/** Abbreviations of codes that judgments write without defining them. */
const CODE_ABBREVIATIONS: Array<[RegExp, string]> = [
  [/^(?:Cr\.?\s?P\.?\s?C\.?|Code of Criminal Procedure)$/, 'Code of Criminal Procedure'],
  [/^(?:C\.?\s?P\.?\s?C\.?|Code of Civil Procedure)$/, 'Code of Civil Procedure'],
  [/^(?:I\.?\s?P\.?\s?C\.?|Indian Penal Code|Penal Code)$/, 'Indian Penal Code'],
];

interface Named {
  key: string;
  name: string;
  year?: number;
  kind: string;
  start: number;
}

function keyOf(name: string): string {
  return name
    .replace(/^the\s+/i, '')
    .replace(/(?:,?\s\d{4})?(?:\s\([^)]*\))*$/, '')
    .toLowerCase()
    .replace(/[-‐–]/g, ' ')
    .replace(/[^a-z0-9 ]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function kindOf(name: string): string | undefined {
  const words = name.replace(/(?:,?\s\d{4})?(?:\s\([^)]*\))*$/, '').split(/\s+/);
  for (let i = words.length - 1; i >= 0; i--) if (KINDS.includes(words[i])) return words[i];
  return KINDS.find((k) => words[0] === k);
}

/** Splits a statute mention into its provision ("section 63(7)") and the instrument as written ("the 1996 Act"). */
export function splitStatuteMention(text: string): { provision?: string; instrument: string } {
  const flat = text.replace(/\s+/g, ' ');
  if (!PROVISION_WORD.test(flat)) return { instrument: flat };
  // The instrument follows the first joiner after which no further provision is named
  // ("paragraph 2(2) of Schedule 3 to the Immigration Act 1971": the instrument is the Immigration Act).
  for (const m of flat.matchAll(JOINER)) {
    const rest = flat.slice(m.index + m[0].length);
    if (PROVISION_WORD.test(rest) || !/^(?:(?:the|this|that|said)\s)*[A-Z\d]/.test(rest)) continue;
    if (/^\d/.test(rest) && !/^\d{4}\s/.test(rest)) continue; // "sections 9, 10 and 11"
    return { provision: flat.slice(0, m.index).replace(/[,\s]+$/, ''), instrument: rest };
  }
  return { instrument: flat };
}

/** A name is a short form when it has no words of its own beyond its kind and year ("1996 Act", "Act", "Code"). */
function isShortForm(instrument: string): boolean {
  return /^(?:(?:the|this|that|said|the said)\s)*(?:\d{4}\s)?(?:Act|Code|Constitution|Convention|Rules|Regulations|Order|Ordinance|Charter)(?:,?\s\d{4})?$/.test(instrument);
}

// "Housing Act 1996 (the 1996 Act)", "Human Rights Act 1998 ("the HRA")", "... (hereinafter called 'the Act')".
const DEFINITION = /^\s*\(\s*(?:hereinafter\s+(?:referred\s+to\s+as|called)\s+)?(?:the\s+)?["“'‘]?(?:the\s+)?([A-Z0-9][A-Za-z0-9 .]{0,24}?)["”'’]?\s*\)/;

/**
 * Sets `instrument` (the full name, when it can be told) and `provision` on each statute entity, in place,
 * and returns the instruments with their provisions and mentions.
 */
export function resolveStatutes(text: string, statutes: Entity[]): StatuteInstrument[] {
  const named: Named[] = [];
  const aliases = new Map<string, Named>();
  const parts = statutes.map((e) => splitStatuteMention(e.text));
  // Full names first, with the short forms the text defines for them.
  statutes.forEach((e, i) => {
    const instrument = parts[i].instrument.replace(/^(?:the|this|that|said)\s+/i, '');
    if (isShortForm(instrument)) return;
    const abbreviation = CODE_ABBREVIATIONS.find(([re]) => re.test(instrument));
    const kind = kindOf(instrument) ?? (abbreviation ? 'Code' : undefined);
    if (!kind) return;
    const year = YEAR.exec(instrument)?.[1];
    const entry: Named = { key: abbreviation ? keyOf(abbreviation[1]) : keyOf(instrument), name: abbreviation ? abbreviation[1] : instrument, kind, start: e.start };
    if (year) entry.year = Number(year);
    named.push(entry);
    const defined = DEFINITION.exec(text.slice(e.end, e.end + 80));
    if (defined) aliases.set(defined[1].toLowerCase(), entry);
  });
  // One instrument per key; the fullest written name (with its year) is its name.
  const byKey = new Map<string, StatuteInstrument & { kind: string }>();
  for (const n of named) {
    const entry = byKey.get(n.key);
    if (!entry) {
      byKey.set(n.key, { name: n.name, year: n.year, kind: n.kind, aliases: [], provisions: [], mentions: [] });
      continue;
    }
    if (entry.year === undefined && n.year !== undefined) entry.year = n.year;
    if ((n.year !== undefined || entry.name.match(YEAR) === null) && n.name.length > entry.name.length) entry.name = n.name;
  }
  const instruments = [...byKey.values()];
  const uniqueOf = (pred: (x: StatuteInstrument & { kind: string }) => boolean): (StatuteInstrument & { kind: string }) | undefined => {
    const found = instruments.filter(pred);
    return found.length === 1 ? found[0] : undefined;
  };

  statutes.forEach((e, i) => {
    const { provision, instrument: written } = parts[i];
    if (provision) e.provision = provision;
    const bare = written.replace(/^(?:the|this|said|the said)\s+/i, '');
    let target: (StatuteInstrument & { kind: string }) | undefined;
    if (!isShortForm(bare)) {
      const abbreviation = CODE_ABBREVIATIONS.find(([re]) => re.test(bare));
      target = byKey.get(abbreviation ? keyOf(abbreviation[1]) : keyOf(bare));
    } else {
      const alias = aliases.get(bare.toLowerCase());
      const kind = kindOf(bare)!;
      const year = YEAR.exec(` ${bare}`)?.[1] ?? /^(\d{4})\s/.exec(bare)?.[1];
      if (alias) target = byKey.get(alias.key);
      else if (/^(?:that|said|the said)\s/i.test(written)) {
        // "that Act": the instrument of that kind named last before it.
        const last = [...named].reverse().find((n) => n.start < e.start && n.kind === kind);
        if (last) target = byKey.get(last.key);
      } else if (year) target = uniqueOf((x) => x.kind === kind && x.year === Number(year));
      else target = uniqueOf((x) => x.kind === kind);
      if (target && !/^(?:that|said|the said)\s/i.test(written) && !target.aliases.includes(bare)) target.aliases.push(bare);
    }
    if (!target) return;
    e.instrument = target.year !== undefined && !YEAR.test(target.name) ? `${target.name} ${target.year}` : target.name;
    if (provision && !target.provisions.some((p) => p.toLowerCase() === provision.toLowerCase())) target.provisions.push(provision);
    target.mentions.push({ start: e.start, end: e.end, text: e.text });
  });
  for (const x of instruments) if (x.year !== undefined && !YEAR.test(x.name)) x.name = `${x.name} ${x.year}`;
  return instruments.filter((x) => x.mentions.length > 0).map(({ kind: _kind, ...rest }) => rest);
}
