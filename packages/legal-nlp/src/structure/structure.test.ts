import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
});
