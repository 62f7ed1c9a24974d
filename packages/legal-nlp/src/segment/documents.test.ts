import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countWords, detectLanguage, segment } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string): string => readFileSync(resolve(here, 'fixtures', name), 'utf8');

/** The opening of IN-Abs judgment 1 (Supreme Court of India, 1950), as the report prints it. */
const IN_ABS_OPENING =
  'Appeal No. LXVI of 1949.\nAppeal from the High Court of judicature, Bombay, in a reference under section 66 of the Indian Income tax Act, 1022.\n' +
  "K.M. Munshi (N. P. Nathvani, with him), for the appel lant. ' M.C. Setalvad, Attorney General for India (H. J. Umrigar, with him), for the respondent.\n" +
  'The judgment of the Court was delivered by MEHR CHAND MAHAJAN J.\n' +
  'This is an appeal against a judgment of the High Court of Judicature at Bombay in an income tax matter and it raises the question whether munici pal property tax and urban immoveable property tax payable under the relevant Bombay Acts are allowable deductions under section 9 (1) (iv) of the Indian Income tax Act.\n' +
  'The assessee company is an investment company deriving its income from properties in the city of Bombay.\n' +
  'For the assessment year 1940 41 the net income of the assessee under the head "property" was computed by the Income tax Officer in the sum of Rs. 6,21,764 after deducting from gross rents certain payments.\n' +
  'The company had paid during the relevant year Rs. 1,22,675 as municipal property tax and Rs. 32,760 as urban property tax.';

describe('segment: lower-case law reports', () => {
  it('splits an all-lower-case report, run into one line, at its sentences', () => {
    const text = IN_ABS_OPENING.toLowerCase().replace(/\n/g, ' ');
    const seg = segment(text);
    expect(seg.caseless).toBe(true);
    expect(seg.sentences.map((s) => s.text)).toEqual([
      'appeal no. lxvi of 1949.',
      'appeal from the high court of judicature, bombay, in a reference under section 66 of the indian income tax act, 1022.',
      'k.m. munshi (n. p. nathvani, with him), for the appel lant.',
      "' m.c. setalvad, attorney general for india (h. j. umrigar, with him), for the respondent.",
      'the judgment of the court was delivered by mehr chand mahajan j.',
      'this is an appeal against a judgment of the high court of judicature at bombay in an income tax matter and it raises the question whether munici pal property tax and urban immoveable property tax payable under the relevant bombay acts are allowable deductions under section 9 (1) (iv) of the indian income tax act.',
      'the assessee company is an investment company deriving its income from properties in the city of bombay.',
      'for the assessment year 1940 41 the net income of the assessee under the head "property" was computed by the income tax officer in the sum of rs. 6,21,764 after deducting from gross rents certain payments.',
      'the company had paid during the relevant year rs. 1,22,675 as municipal property tax and rs. 32,760 as urban property tax.',
    ]);
    for (const s of seg.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('finds as many sentences in the lower-cased report as in the report as printed', () => {
    const text = fixture('in-abs-3-paginated.txt');
    const cased = segment(text).sentences.length;
    const lower = segment(text.toLowerCase()).sentences;
    expect(lower.length).toBeGreaterThanOrEqual(cased - 2);
    expect(Math.max(...lower.map((s) => s.end - s.start))).toBeLessThan(700);
  });

  it('leaves ordinary cased text alone: a lower-case word after a period still continues the sentence', () => {
    const seg = segment(IN_ABS_OPENING);
    expect(seg.caseless).toBe(false);
    expect(segment('The sum of Rs. 500 etc. was paid. the rest was not.').sentences).toHaveLength(1);
  });
});

describe('segment: Chinese and other CJK text', () => {
  const judgment =
    '本院认为，上诉人的上诉请求不能成立。依照《中华人民共和国民事诉讼法》第一百七十条第一款第一项规定，判决如下：“驳回上诉，维持原判。”本判决为终审判决！\n审判长：张三';

  it('ends sentences at the CJK full stop, exclamation and question marks, with or without a following space', () => {
    const seg = segment(judgment);
    expect(seg.sentences.map((s) => s.text)).toEqual([
      '本院认为，上诉人的上诉请求不能成立。',
      '依照《中华人民共和国民事诉讼法》第一百七十条第一款第一项规定，判决如下：“驳回上诉，维持原判。”',
      '本判决为终审判决！',
      '审判长：张三',
    ]);
    for (const s of seg.sentences) expect(judgment.slice(s.start, s.end)).toBe(s.text);
    expect(segment('上诉是否成立？ 本院认为不成立．').sentences.map((s) => s.text)).toEqual(['上诉是否成立？', '本院认为不成立．']);
  });

  it('counts CJK words with a dictionary word breaker, not as one word per run', () => {
    expect(countWords('本院认为')).toBe(2);
    expect(countWords(judgment)).toBeGreaterThan(25);
    expect(countWords(judgment)).toBeLessThan(judgment.length);
    expect(countWords('依照 section 9 规定')).toBe(4);
  });

  it('cuts an over-long CJK sentence at a full-width comma', () => {
    const text = '上诉人主张原审法院认定事实错误，'.repeat(40) + '请求改判。';
    const seg = segment(text, { maxSentenceChars: 200 });
    expect(seg.sentences.length).toBeGreaterThan(3);
    for (const s of seg.sentences.slice(0, -1)) expect(s.text.endsWith('，')).toBe(true);
  });
});

describe('detectLanguage', () => {
  it('names the language from the script and, for Latin script, the function words', () => {
    expect(detectLanguage(IN_ABS_OPENING)).toMatchObject({ language: 'en', script: 'Latin' });
    expect(detectLanguage(IN_ABS_OPENING.toLowerCase())).toMatchObject({ language: 'en' });
    expect(detectLanguage('本院认为，上诉人的上诉请求不能成立。驳回上诉，维持原判。')).toMatchObject({ language: 'zh', script: 'Han' });
    expect(detectLanguage('控訴人の請求はいずれも理由がないから棄却することとする。')).toMatchObject({ language: 'ja' });
    expect(detectLanguage('अपील खारिज की जाती है। लागत नहीं दी जाएगी।')).toMatchObject({ language: 'hi', script: 'Devanagari' });
    expect(detectLanguage('Das Gericht weist die Berufung zurück. Die Kosten trägt der Kläger und nicht die Beklagte.')).toMatchObject({ language: 'de' });
    expect(detectLanguage('La cour rejette le pourvoi et condamne la société aux dépens de la procédure.')).toMatchObject({ language: 'fr' });
  });

  it('says "und" when there is too little to tell', () => {
    expect(detectLanguage('')).toMatchObject({ language: 'und', confidence: 0 });
    expect(detectLanguage('12 345 (2019)')).toMatchObject({ language: 'und' });
    expect(detectLanguage('Xq zzv bkkt prr lmnop qrs tuv wxy zab cde fgh')).toMatchObject({ language: 'und', script: 'Latin' });
  });
});

describe('segment: display text and page furniture', () => {
  it('removes the page numbers a report prints into its running text, with exact offsets', () => {
    const text = fixture('in-abs-3-paginated.txt');
    const seg = segment(text);
    expect(seg.furniture.map((f) => [f.kind, f.text])).toEqual([
      ['page-number', '526'],
      ['page-number', '527'],
      ['page-number', '528'],
    ]);
    for (const f of seg.furniture) expect(text.slice(f.start, f.end)).toBe(f.text);
    const first = seg.sentences.find((s) => text.slice(s.start, s.end).includes('similarly 526 the'))!;
    expect(first.text).toContain('and similarly the District Magistrate is not permitted');
    const last = seg.sentences.find((s) => text.slice(s.start, s.end).startsWith('The argument that the order 528'))!;
    expect(last.text).toBe(
      'The argument that the order was served to stifle opposition to the Government policy of appeasement has little bearing because the District Magis trate of Delhi is not concerned with the policy of the Government of appeasement or otherwise.',
    );
    expect(text.slice(last.start, last.end)).toContain('order 528 was');
  });

  it('removes a page number printed between a section and its sub-section ("section 1018 63(7)")', () => {
    const filler = 'The authority must then decide whether the applicant is homeless and eligible for assistance under the scheme. ';
    const text = [
      filler.repeat(6) + 'The duty arose under section 1017 62(1) of the Act.',
      filler.repeat(6) + 'The review was conducted under section 1018 63(7) as amended.',
      filler.repeat(6) + 'Nothing turned on 1019 the later amendment.',
    ].join('\n');
    const seg = segment(text);
    expect(seg.furniture.map((f) => f.text)).toEqual(['1017', '1018', '1019']);
    expect(seg.sentences.map((s) => s.text)).toContain('The review was conducted under section 63(7) as amended.');
    const s = seg.sentences.find((x) => x.text === 'The review was conducted under section 63(7) as amended.')!;
    expect(text.slice(s.start, s.end)).toBe('The review was conducted under section 1018 63(7) as amended.');
  });

  it('does not take numbers that count up through a passage for page numbers', () => {
    const text =
      'It came into force on 24 October 1945.\nArticle 25 provides that the Members agree to accept the decisions.\nThe Charter was signed at San Francisco on 26 June 1945.\n' +
      'The 2000 and 2001 Acts were amended by the Act of 2002, and section 1 of the 1946 Act applied.';
    expect(segment(text).furniture).toEqual([]);
  });

  it('does not take headings a judgment repeats for running headers', () => {
    const body = 'The appellant says the judge misdirected himself on the burden of proof and failed to weigh the evidence. '.repeat(8);
    const text = ['Ground 1', body, 'Ground 2', body, 'Ground 3', body, 'ORDER', body, 'ORDER', body, 'ORDER', body].join('\n\n');
    expect(segment(text).furniture).toEqual([]);
  });

  it('joins line breaks and repairs words hyphenated across them', () => {
    const text =
      'These proceedings were brought by the appellant. The proce-\nedings were stayed pending the non-\ndelegable duty issue and the self-\nemployed status of the worker.\n\nThe proce- edings then resumed.';
    const seg = segment(text);
    expect(seg.sentences.map((s) => s.text)).toEqual([
      'These proceedings were brought by the appellant.',
      'The proceedings were stayed pending the non-delegable duty issue and the self-employed status of the worker.',
      'The proceedings then resumed.',
    ]);
    expect(text.slice(seg.sentences[1].start, seg.sentences[1].end)).toBe(
      'The proce-\nedings were stayed pending the non-\ndelegable duty issue and the self-\nemployed status of the worker.',
    );
    // A compound the judgment writes with its hyphen keeps it.
    expect(segment('A time-apportioned sum. The time- apportioned sum was paid.').sentences[1].text).toBe('The time-apportioned sum was paid.');
  });

  it('marks page-number lines and running headers as furniture and keeps them out of paragraphs', () => {
    const page = (n: number, body: string): string => `${body}\n\nR (Smith) v Secretary of State [2019] UKSC ${n}\nPage ${n}\n\n`;
    const filler = 'The respondent filed evidence from the caseworker and from a country expert on the risk on return. '.repeat(9);
    const text =
      page(2, '1. The appellant applied for asylum. The Secretary of State refused the application in writing and gave reasons for the refusal at length.'.repeat(6)) +
      page(3, '2. The tribunal allowed the appeal and remitted the matter. ' + 'It heard evidence from the appellant and from two witnesses over three days before reaching its decision. '.repeat(9) + 'The Secretary of State appealed to the Upper Tribunal, which dismissed the appeal and') +
      'refused permission. ' +
      page(4, 'The Court of Appeal granted permission and the appeal was heard over two days in the following year by a panel of three judges.'.repeat(6)) +
      page(5, '3. The appeal is dismissed. ' + filler) +
      filler;
    const seg = segment(text);
    expect(seg.furniture.map((f) => [f.kind, f.text])).toEqual([
      ['running-header', 'R (Smith) v Secretary of State [2019] UKSC 2'],
      ['page-number', 'Page 2'],
      ['running-header', 'R (Smith) v Secretary of State [2019] UKSC 3'],
      ['page-number', 'Page 3'],
      ['running-header', 'R (Smith) v Secretary of State [2019] UKSC 4'],
      ['page-number', 'Page 4'],
      ['running-header', 'R (Smith) v Secretary of State [2019] UKSC 5'],
      ['page-number', 'Page 5'],
    ]);
    for (const s of seg.sentences) expect(s.text).not.toMatch(/UKSC|Page \d/);
    const runOn = seg.sentences.find((s) => s.text.startsWith('The Secretary of State appealed'))!;
    expect(runOn.text).toBe('The Secretary of State appealed to the Upper Tribunal, which dismissed the appeal and refused permission.');
    expect(seg.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 3]);
  });
});

describe('segment: the judgment\'s own paragraph numbers', () => {
  it('gives each paragraph the number the judgment prints, and unnumbered blocks the number they follow', () => {
    const text = '1. The appellant sued.\n\n"Quoted statute text."\n\n[23] The court held so.\n\n24. It followed.';
    const seg = segment(text);
    expect(seg.paragraphs.map((p) => [p.index, p.label, p.number])).toEqual([
      [0, '1.', 1],
      [1, undefined, 1],
      [2, '[23]', 23],
      [3, '24.', 24],
    ]);
  });

  it('reads "(1)", "(2)" … as paragraph numbers only where they number the whole judgment', () => {
    const numbered = '(1) The appeal arises from a decree.\n(2) The plaintiff sued.\n(3) The suit failed.\n(4) The appeal is dismissed.';
    expect(segment(numbered).paragraphs.map((p) => [p.label, p.number])).toEqual([
      ['(1)', 1],
      ['(2)', 2],
      ['(3)', 3],
      ['(4)', 4],
    ]);
    const statute = 'Section 9 provides:\n(1) The tax shall be payable.\n(2) The owner shall pay it.\nThe court held so.\n(1) A second list.\n(2) Its second item.';
    expect(segment(statute).paragraphs.every((p) => p.label === undefined && p.number === undefined)).toBe(true);
  });

  it('leaves `number` empty in a judgment that does not number its paragraphs', () => {
    expect(segment(IN_ABS_OPENING).paragraphs.every((p) => p.number === undefined)).toBe(true);
  });
});
