import { createReadStream } from 'node:fs';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countWords, segment, wordTokens, type Segmentation } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(here, '../../../../../shared/data/legal-sum');

async function firstRecords(file: string, count: number): Promise<Array<{ id: string; text: string }>> {
  const input = createReadStream(resolve(dataDir, file)).pipe(createGunzip());
  const rl = createInterface({ input, crlfDelay: Infinity });
  const out: Array<{ id: string; text: string }> = [];
  for await (const line of rl) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { id: string; text: string };
    out.push({ id: rec.id, text: rec.text });
    if (out.length >= count) break;
  }
  rl.close();
  input.destroy();
  return out;
}

function texts(text: string): string[] {
  return segment(text).sentences.map((s) => s.text);
}

function assertOffsets(text: string, seg: Segmentation): void {
  let prevEnd = 0;
  for (const [i, s] of seg.sentences.entries()) {
    expect(s.index).toBe(i);
    const raw = text.slice(s.start, s.end);
    expect(raw).toBe(raw.trim());
    expect(raw.length).toBeGreaterThan(0);
    // Display text is the source slice with whitespace collapsed, unless furniture or a broken word was mended.
    const mended = seg.furniture.some((f) => f.start < s.end && f.end > s.start) || /\p{L}-\s/u.test(raw);
    if (mended) expect(countWords(s.text)).toBeLessThanOrEqual(countWords(raw));
    else expect(s.text).toBe(raw.replace(/\s+/g, ' '));
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    const p = seg.paragraphs[s.paragraph];
    expect(s.start).toBeGreaterThanOrEqual(p.start);
    expect(s.end).toBeLessThanOrEqual(p.end);
    prevEnd = s.end;
  }
  for (const [i, p] of seg.paragraphs.entries()) {
    expect(p.index).toBe(i);
    expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(p.text).toBe(p.text.trim());
    if (p.label !== undefined) expect(p.text.startsWith(p.label)).toBe(true);
  }
}

describe('segment: sentence boundaries in legal text', () => {
  it('keeps case names, citations and section references inside one sentence', () => {
    expect(texts('The appellant relied on Smith v. Jones [2011] UKSC 12. The court disagreed.')).toEqual([
      'The appellant relied on Smith v. Jones [2011] UKSC 12.',
      'The court disagreed.',
    ]);
    expect(texts('See s. 66(1) of the Act and paras. 3-4 above. Nos. 5 and 6 were dismissed. It cost Rs. 5,000.50 in all.')).toEqual([
      'See s. 66(1) of the Act and paras. 3-4 above.',
      'Nos. 5 and 6 were dismissed.',
      'It cost Rs. 5,000.50 in all.',
    ]);
    expect(texts('In (2019) 3 SCC 123 the court held, e.g., that Art. 14 applied, i.e. the rule. Sec. 5 and Cl. 3 were read with ss. 4-6. Done.')).toEqual([
      'In (2019) 3 SCC 123 the court held, e.g., that Art. 14 applied, i.e. the rule.',
      'Sec. 5 and Cl. 3 were read with ss. 4-6.',
      'Done.',
    ]);
  });

  it('does not end sentences at initials, titles and dotted acronyms', () => {
    expect(texts('Mr. K.M. Munshi (N. P. Nathvani, with him), for the appellant. Dr. Rao agreed with the U.S. Supreme Court.')).toEqual([
      'Mr. K.M. Munshi (N. P. Nathvani, with him), for the appellant.',
      'Dr. Rao agreed with the U.S. Supreme Court.',
    ]);
    expect(texts("Hon'ble Mr. Justice Das, J. delivered the judgment. Lord Reed and Lord Hodge JJ. agreed.")).toEqual([
      "Hon'ble Mr. Justice Das, J. delivered the judgment.",
      'Lord Reed and Lord Hodge JJ. agreed.',
    ]);
  });

  it('ends a sentence at an abbreviation when a sentence opener follows', () => {
    expect(texts('The goods were sold to Acme Co. Ltd. The buyer refused to pay. This was upheld by Wilcox J. The appeal failed.')).toEqual([
      'The goods were sold to Acme Co. Ltd.',
      'The buyer refused to pay.',
      'This was upheld by Wilcox J.',
      'The appeal failed.',
    ]);
    expect(texts('M/s. ABC Pvt. Ltd. v. State of Bombay & Ors. The appeal is allowed.')).toEqual([
      'M/s. ABC Pvt. Ltd. v. State of Bombay & Ors.',
      'The appeal is allowed.',
    ]);
  });

  it('handles quotations, question marks, decimals, roman numerals and footnote markers', () => {
    expect(texts('He said "It is over." Then he left. Is that right? Yes! It took 3.5 hours.')).toEqual([
      'He said "It is over."',
      'Then he left.',
      'Is that right?',
      'Yes!',
      'It took 3.5 hours.',
    ]);
    expect(texts('Appeal No. LXVI of 1949. The words of the Act.12 The next point.[3] A further point.¹ Last.')).toEqual([
      'Appeal No. LXVI of 1949.',
      'The words of the Act.12',
      'The next point.[3]',
      'A further point.¹',
      'Last.',
    ]);
    expect(texts('"The court erred." "It did not," said counsel.')).toEqual(['"The court erred."', '"It did not," said counsel.']);
  });

  it('does not split before a lower-case continuation', () => {
    expect(texts('The sum of Rs. 500 etc. was paid. the rest was not.')).toEqual(['The sum of Rs. 500 etc. was paid. the rest was not.']);
  });
});

describe('segment: paragraphs', () => {
  it('splits at blank lines and keeps wrapped lines together', () => {
    const text = 'First paragraph runs\nover two lines. It has two sentences.\n\n  Second paragraph.  \n\n\nThird.';
    const seg = segment(text);
    expect(seg.paragraphs.map((p) => p.text)).toEqual(['First paragraph runs\nover two lines. It has two sentences.', 'Second paragraph.', 'Third.']);
    expect(seg.sentences.map((s) => [s.paragraph, s.text])).toEqual([
      [0, 'First paragraph runs over two lines.'],
      [0, 'It has two sentences.'],
      [1, 'Second paragraph.'],
      [2, 'Third.'],
    ]);
    assertOffsets(text, seg);
  });

  it('records numbered paragraph labels and keeps them out of sentences', () => {
    const text = '[12] The appellant appealed.\n[13] The respondent did not. It conceded.\n14. The court agreed.\n15 The end.';
    const seg = segment(text);
    expect(seg.paragraphs.map((p) => p.label)).toEqual(['[12]', '[13]', '14.', '15']);
    expect(seg.sentences.map((s) => s.text)).toEqual([
      'The appellant appealed.',
      'The respondent did not.',
      'It conceded.',
      'The court agreed.',
      'The end.',
    ]);
    assertOffsets(text, seg);
  });

  it('treats each line as a paragraph when the text has no blank lines, joining wrapped continuations', () => {
    const text = 'Appeal No. LXVI of 1949.\nAppeal from the High Court of\njudicature, Bombay.\nK.M. Munshi for the appellant.';
    const seg = segment(text);
    expect(seg.paragraphs.map((p) => p.text)).toEqual([
      'Appeal No. LXVI of 1949.',
      'Appeal from the High Court of\njudicature, Bombay.',
      'K.M. Munshi for the appellant.',
    ]);
  });

  it('attaches a paragraph number on its own line, or at the end of the line before, to the next line', () => {
    const text = 'The principle is settled.\n63.\nIn that connection, it must be noted.\nIt was upheld by the Treaty. 64.\nAccording to article 2 EC, that is so.\nIt was decided in 1950.\nThe end.';
    const seg = segment(text);
    expect(seg.paragraphs.map((p) => [p.label, p.text])).toEqual([
      [undefined, 'The principle is settled.'],
      ['63.', '63.\nIn that connection, it must be noted.'],
      [undefined, 'It was upheld by the Treaty.'],
      ['64.', '64.\nAccording to article 2 EC, that is so.'],
      [undefined, 'It was decided in 1950.'],
      [undefined, 'The end.'],
    ]);
    expect(seg.sentences.map((s) => s.text)).not.toContain('63.');
    assertOffsets(text, seg);
  });

  it('continues a line that ends in an abbreviation binding the next line', () => {
    const text = 'G.N. Joshi, for opposite party Nos.\n3 to 5 and 7 to 10.\nCivil Appeals Nos.\n56 and 57 of 1949.\nMst. Fatima v. Mst. Zohra was cited.';
    const seg = segment(text);
    expect(seg.paragraphs.map((p) => p.text)).toEqual([
      'G.N. Joshi, for opposite party Nos.\n3 to 5 and 7 to 10.',
      'Civil Appeals Nos.\n56 and 57 of 1949.',
      'Mst. Fatima v. Mst. Zohra was cited.',
    ]);
    expect(seg.sentences).toHaveLength(3);
  });

  it('finds paragraph numbers inline in a judgment delivered as one line', () => {
    const text = '1. The appeal arises from a decree. The facts are these. 2. The plaintiff sued in 1949. 3. The suit was dismissed. 7. Not a label.';
    const seg = segment(text);
    expect(seg.paragraphs.map((p) => p.label)).toEqual(['1.', '2.', '3.']);
    expect(seg.paragraphs[2].text).toBe('3. The suit was dismissed. 7. Not a label.');
    expect(seg.sentences.map((s) => s.text)).toEqual([
      'The appeal arises from a decree.',
      'The facts are these.',
      'The plaintiff sued in 1949.',
      'The suit was dismissed.',
      '7. Not a label.',
    ]);
    assertOffsets(text, seg);
  });

  it('returns nothing for empty or blank text', () => {
    expect(segment('')).toEqual({ paragraphs: [], sentences: [], furniture: [], caseless: false });
    expect(segment(' \n\n\t ')).toEqual({ paragraphs: [], sentences: [], furniture: [], caseless: false });
  });
});

describe('segment: robustness', () => {
  it('cuts over-long sentences at clause or word boundaries', () => {
    const clause = 'the party of the first part shall indemnify the party of the second part, ';
    const text = 'Whereas ' + clause.repeat(60) + 'finally.';
    const seg = segment(text, { maxSentenceChars: 400 });
    expect(seg.sentences.length).toBeGreaterThan(5);
    for (const s of seg.sentences) expect(s.text.length).toBeLessThanOrEqual(400);
    expect(seg.sentences.every((s) => s.text.endsWith(',') || s.text.endsWith('.'))).toBe(true);
    assertOffsets(text, seg);
  });

  it('segments a 5 MB single line in bounded pieces', () => {
    const line = 'The court held that s. 5 of the Act applied to Smith v. Jones and the appeal was dismissed with costs '.repeat(50_000);
    expect(line.length).toBeGreaterThan(5_000_000);
    const seg = segment(line);
    expect(seg.paragraphs).toHaveLength(1);
    expect(seg.sentences.length).toBeGreaterThan(5000);
    for (const s of seg.sentences) expect(s.text.length).toBeLessThanOrEqual(1000);
    const noSpace = 'x.'.repeat(2_500_000);
    expect(segment(noSpace).sentences.length).toBeGreaterThan(1000);
  }, 60_000);

  it('gets through a megabyte of spaces between sentences (bounded look-behind)', () => {
    const text = 'The appeal is dismissed. ' + ' '.repeat(1_000_000) + '1. Next paragraph.';
    const seg = segment(text);
    expect(seg.sentences.map((s) => s.text)).toEqual(['The appeal is dismissed.', '1. Next paragraph.']);
  }, 60_000);

  it('splits non-English text, including Hindi at the danda', () => {
    expect(texts('अपील खारिज की जाती है। लागत नहीं दी जाएगी।')).toEqual(['अपील खारिज की जाती है।', 'लागत नहीं दी जाएगी।']);
    expect(texts('Das Gericht weist die Berufung zurück. Die Kosten trägt der Kläger.')).toEqual([
      'Das Gericht weist die Berufung zurück.',
      'Die Kosten trägt der Kläger.',
    ]);
  });

  it('is deterministic and keeps surrogate pairs whole', () => {
    const text = '😀'.repeat(2000);
    const seg = segment(text, { maxSentenceChars: 101 });
    for (const s of seg.sentences) expect(s.text.length % 2).toBe(0);
    expect(segment(text, { maxSentenceChars: 101 })).toEqual(seg);
  });
});

describe('wordTokens and countWords', () => {
  it('tokenizes like rouge_score', () => {
    expect(wordTokens("Hon'ble Court, s. 66(1) — Rs.5,000 Ünïcode")).toEqual(['hon', 'ble', 'court', 's', '66', '1', 'rs', '5', '000', 'n', 'code']);
  });
  it('counts whitespace-separated words', () => {
    expect(countWords('  The court,\nheld   s. 66(1).\t')).toBe(5);
    expect(countWords('')).toBe(0);
  });
});

describe.skipIf(!existsSync(dataDir))('segment: real judgments from the shared data', () => {
  it.each([
    ['uk-abs.train.jsonl.gz', 2],
    ['in-abs.train.jsonl.gz', 5],
    ['aus-catchphrases.train.jsonl.gz', 3],
  ])('%s: offsets are exact, sentences plausible', async (file, count) => {
    const records = await firstRecords(file, count);
    expect(records).toHaveLength(count);
    for (const rec of records) {
      const seg = segment(rec.text);
      assertOffsets(rec.text, seg);
      expect(seg.sentences.length).toBeGreaterThan(10);
      // Every word of the judgment is in exactly one sentence.
      const covered = seg.sentences.reduce((n, s) => n + countWords(rec.text.slice(s.start, s.end)), 0);
      const labels = seg.paragraphs.reduce((n, p) => n + (p.label ? 1 : 0), 0);
      const furniture = seg.furniture.filter((f) => !seg.sentences.some((s) => s.start <= f.start && f.end <= s.end));
      expect(covered + labels + furniture.reduce((n, f) => n + countWords(f.text), 0)).toBe(countWords(rec.text));
      // No sentence ends at a case-name "v." or at "No." before a number.
      for (const s of seg.sentences) {
        expect(s.text).not.toMatch(/\sv\.$/);
        expect(s.text).not.toMatch(/\bNo\.$/);
      }
      const mean = seg.sentences.reduce((n, s) => n + countWords(s.text), 0) / seg.sentences.length;
      expect(mean).toBeGreaterThan(8);
      expect(mean).toBeLessThan(80);
    }
  }, 60_000);

  it('keeps known abbreviations of the Indian judgments inside their sentences', async () => {
    const [first] = await firstRecords('in-abs.train.jsonl.gz', 1);
    const sentences = segment(first.text).sentences.map((s) => s.text);
    expect(sentences).toContain('Appeal No. LXVI of 1949.');
    expect(sentences.some((s) => s.startsWith('K.M. Munshi (N. P. Nathvani, with him), for the appel lant.'))).toBe(true);
  });
});
