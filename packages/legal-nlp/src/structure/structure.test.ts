import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractText } from '../extract/index.js';
import { makeScannedPdf } from '../extract/testing/documents.js';
import { analyzeJudgment, type JudgmentStructure, type Span } from './index.js';

const judgments = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/judgments');
const read = (file: string): string => readFileSync(path.join(judgments, file), 'utf8');

function expectSpans(text: string, s: JudgmentStructure): void {
  const spans: Span[] = [
    s.header.span,
    ...s.header.caseNumbers,
    ...s.header.parties.map((p) => p.source),
    ...s.bench.flatMap((b) => b.sources),
    ...s.headings,
    ...s.quotations,
    ...s.citationOnly,
    ...s.furniture,
    ...(s.disposition ? [s.disposition.source] : []),
    ...(s.court?.sources ?? []),
  ];
  for (const sp of spans) expect(text.slice(sp.start, sp.end)).toBe(sp.text);
  expect(s.roles).toHaveLength(s.sentences.length);
}

describe('analyzeJudgment on real judgments', () => {
  it('a dissent: the majority dismisses, the dissent would have allowed (UKSC, Lady Hale dissenting)', () => {
    const text = read('uk-abs-uksc-2009-0038.txt');
    const s = analyzeJudgment(text);
    expect(s.opinions).toHaveLength(2);
    const [lead, dissent] = s.opinions;
    expect(lead.kind).toBe('majority');
    expect(dissent).toMatchObject({ kind: 'dissent', judges: ['hale'], kindReason: 'heading says dissenting' });
    expect(dissent.heading?.text).toBe('LADY HALE (Dissenting)');
    expect(s.disposition).toMatchObject({ disposition: 'dismissed', basis: 'majority' });
    expect(s.disposition?.source.text).toBe('For the reasons that I have given I would dismiss this appeal.');
    // The dissent's "I would have allowed this appeal" is the dissent's role, never the order.
    const wouldHave = s.roles.find((r) => text.slice(r.start, r.end).startsWith('If that were the only issue in the case, therefore, I would have allowed'));
    expect(wouldHave).toMatchObject({ role: 'dissent', stance: 'dissent' });
    expect(s.roles.find((r) => r.start === dissent.heading!.start)?.role).toBe('heading');
    expect(s.bench.map((b) => b.name)).toContain('Lady Hale');
    expectSpans(text, s);
  });

  it('concurrences: the opinion of the court and four separate opinions (Supreme Court of India, 1951)', () => {
    const text = read('in-abs-102.txt');
    const s = analyzeJudgment(text);
    expect(s.header.span.text).toMatch(/^o\. 273 of 1951\.\nAppeal under articles 132 \(1\)/);
    expect(s.header.lowerCourt?.source.text).toBe('High Court of Judicature at Patna');
    expect(s.court).toMatchObject({ basis: 'appeal_route', court: { id: 'insc' } });
    expect(s.opinions.map((o) => o.judges[0])).toEqual(['mahajan', 'sastri', 'mukherjea', 'das', 'bose']);
    expect(s.opinions.map((o) => o.kind)).toEqual(['majority', 'concurrence', 'concurrence', 'concurrence', 'concurrence']);
    expect(s.disposition).toMatchObject({ disposition: 'dismissed', basis: 'order' });
    expect(s.bench.map((b) => b.key)).toEqual(expect.arrayContaining(['mahajan', 'sastri', 'mukherjea', 'das', 'bose']));
    const last = s.roles[s.roles.length - 1];
    expect(text.slice(last.start, last.end)).toBe('Appeal dismissed.');
    expect(last.role).toBe('order');
    expectSpans(text, s);
  });

  it('an Indian header: case number, the court appealed from, date of judgment, "delivered by"', () => {
    const text = read('in-abs-45.txt');
    const s = analyzeJudgment(text);
    expect(s.header.caseNumbers.map((c) => c.text)).toContain('Criminal Appeal No. 5 of 1951');
    expect(s.header.date?.iso).toBe('1951-09-24');
    expect(s.bench).toEqual([expect.objectContaining({ key: 'bose', evidence: ['delivered_by'] })]);
    expect(s.opinions[0]).toMatchObject({ ofTheCourt: true, kind: 'majority', judges: ['bose'] });
    expect(s.disposition).toMatchObject({ disposition: 'allowed', also: ['set_aside'], basis: 'order' });
    expect(s.disposition?.source.text).toBe('The appeal succeeds.');
    expect(s.court?.court.name).toBe('Supreme Court of India');
    expect(s.roles.filter((r) => r.role === 'header').length).toBeGreaterThan(3);
    expectSpans(text, s);
  });

  it('a judgment of one opinion without a header (UKSC): the court from the appeal route, the disposition', () => {
    const text = read('uk-abs-uksc-2009-0217.txt');
    const s = analyzeJudgment(text);
    expect(s.header.span.end).toBe(0);
    expect(s.court).toMatchObject({ court: { id: 'uksc' }, basis: 'appeal_route' });
    expect(s.disposition?.disposition).toBe('dismissed');
    expectSpans(text, s);
  });

  it('a parties block: "Between … Claimant – and – … Defendant" before a real judgment', () => {
    const body = read('uk-abs-uksc-2009-0217.txt');
    const cover =
      'IN THE SUPREME COURT OF THE UNITED KINGDOM\n' +
      'Between:\n' +
      'R (on the application of JANE SMITH) Claimant\n' +
      '– and –\n' +
      'SECRETARY OF STATE FOR THE HOME DEPARTMENT Defendant\n' +
      'Before: Lord Hope, Deputy President, Lord Walker, Lady Hale\n' +
      'JUDGMENT\n';
    const text = cover + body;
    const s = analyzeJudgment(text);
    expect(s.header.parties.map((p) => [p.name, p.role, p.from])).toEqual([
      ['R (on the application of JANE SMITH)', 'claimant', 'header'],
      ['SECRETARY OF STATE FOR THE HOME DEPARTMENT', 'defendant', 'header'],
    ]);
    expect(s.court).toMatchObject({ basis: 'heading', court: { id: 'uksc' }, confidence: 0.95 });
    expect(s.bench.map((b) => [b.key, b.evidence])).toEqual([
      ['hope', ['coram']],
      ['walker', ['coram']],
      ['hale', ['coram']],
    ]);
    expect(s.disposition?.disposition).toBe('dismissed');
    expectSpans(text, s);
  });

  it('a caseless report: the same Indian judgment in lower case keeps its court, "delivered by" and result', () => {
    const text = read('in-abs-1.txt').toLowerCase();
    const s = analyzeJudgment(text);
    expect(s.court).toMatchObject({ court: { id: 'insc' }, basis: 'appeal_route' });
    expect(s.bench.map((b) => b.key)).toEqual(['mahajan']);
    expect(s.disposition).toMatchObject({ disposition: 'allowed', basis: 'order' });
    expect(s.roles[s.roles.length - 1].role).toBe('order');
    expectSpans(text, s);
  });

  // No Chinese judgment is in the shared data; this text follows the standard form of a second-instance civil
  // judgment of a Higher People's Court (names replaced by 某, as published judgments do).
  it('a CJK judgment: court heading, parties with roles, the signing bench and 驳回上诉', () => {
    const text = [
      '北京市高级人民法院',
      '民事判决书',
      '（2020）京民终123号',
      '上诉人（原审被告）：北京某某科技有限公司，住所地北京市海淀区。',
      '法定代表人：张某，该公司经理。',
      '被上诉人（原审原告）：李某，男，1980年1月1日出生。',
      '上诉人北京某某科技有限公司因与被上诉人李某买卖合同纠纷一案，不服北京市第一中级人民法院（2019）京01民初456号民事判决，向本院提起上诉。本院依法组成合议庭审理了本案。',
      '本院认为，一审判决认定事实清楚，适用法律正确，应予维持。',
      '依照《中华人民共和国民事诉讼法》第一百七十条第一款第一项规定，判决如下：',
      '驳回上诉，维持原判。',
      '本判决为终审判决。',
      '审判长　王某',
      '审判员　赵某',
      '审判员　钱某',
      '二〇二〇年十二月一日',
    ].join('\n');
    const s = analyzeJudgment(text);
    expect(s.court).toMatchObject({ basis: 'heading', court: { id: 'cn-hpc' } });
    expect(s.court?.sources[0].text).toBe('北京市高级人民法院');
    expect(s.header.parties.map((p) => [p.name, p.role])).toEqual([
      ['北京某某科技有限公司', 'appellant'],
      ['李某', 'respondent'],
    ]);
    expect(s.bench.map((b) => [b.name, b.evidence])).toEqual([
      ['王某', ['signature']],
      ['赵某', ['signature']],
      ['钱某', ['signature']],
    ]);
    expect(s.disposition).toMatchObject({ disposition: 'dismissed' });
    expect(s.disposition?.source.text).toBe('驳回上诉，维持原判。');
    expectSpans(text, s);
  });

  it('a scanned and OCRed page: header and result of a real judgment read back by OCR', { timeout: 120_000 }, async () => {
    const judgment = read('in-abs-45.txt').split('\n');
    const lines = [...judgment.slice(0, 7), ...judgment.slice(-6, -2)].map((l) => l.slice(0, 90));
    const doc = await extractText(await makeScannedPdf([lines]));
    expect(doc.ocrPages).toBe(1);
    const s = analyzeJudgment(doc.text);
    expect(s.header.caseNumbers.map((c) => c.text)).toContain('Criminal Appeal No. 5 of 1951');
    expect(s.bench.map((b) => b.key)).toEqual(['bose']);
    expect(s.disposition?.disposition).toBe('allowed');
    expectSpans(doc.text, s);
  });
});
