import { describe, expect, it } from 'vitest';
import { findStatutes, resolveStatutes, splitStatuteMention } from './index.js';

// From UKSC 2009/0018 (HM Treasury v Ahmed), as the shared UK-Abs text gives it.
const AHMED = [
  'The TO and the AQO were made by the Treasury in purported exercise of the power to make Orders in Council which was conferred on them by section 1 of the United Nations Act 1946 (the 1946 Act).',
  'In the case of Orders in Council made under section 1 of the 1946 Act the procedure is simply laying before Parliament.',
  'But I must deal first with Mr Singhs argument that the AQO is unlawful under section 6(1) of the Human Rights Act 1998 which, as he explained, he advanced as an alternative to his main submission that the AQO was ultra vires section 1 of the 1946 Act.',
  'I would hold that, by introducing the reasonable suspicion test as a means of giving effect to SCR 1373(2001), the Treasury exceeded their powers under section 1(1) of the 1946 Act.',
].join('\n');

// From IN-Abs judgments 9 and 14 (Supreme Court of India).
const INDIAN = [
  'Having thus got over the difficulty in his way under section 48 of the Code of Civil Procedure, he has next to meet the objection under the Limitation Act.',
  'Thereupon, the respondent (the Province of East Bengal) moved the High Court at Calcutta under section 115 of the Code of Civil Procedure, against the order of the Subordinate Judge.',
  'The petitioner moved the High Court under Article 226 of the Constitution of India and the Code of Civil Procedure, 1908 was held not to apply; section 115, C.P.C. was not invoked.',
].join('\n');

describe('statutes merged by instrument', () => {
  it('resolves a short form the judgment defines ("the 1946 Act") to the instrument it names', () => {
    const statutes = findStatutes(AHMED);
    expect(statutes.map((e) => [e.provision, e.instrument])).toEqual([
      ['section 1', 'United Nations Act 1946'],
      ['section 1', 'United Nations Act 1946'],
      ['section 6(1)', 'Human Rights Act 1998'],
      ['section 1', 'United Nations Act 1946'],
      ['section 1(1)', 'United Nations Act 1946'],
    ]);
    const instruments = resolveStatutes(AHMED, findStatutes(AHMED));
    expect(instruments.map((x) => [x.name, x.year, x.aliases, x.provisions, x.mentions.length])).toEqual([
      ['United Nations Act 1946', 1946, ['1946 Act'], ['section 1', 'section 1(1)'], 4],
      ['Human Rights Act 1998', 1998, [], ['section 6(1)'], 1],
    ]);
    for (const x of instruments) for (const m of x.mentions) expect(AHMED.slice(m.start, m.end)).toBe(m.text);
  });

  it('merges an instrument written with and without its year, and resolves "that Act" to the one named last', () => {
    const text = 'The Human Rights Act 1998 applies. Under section 6 of the Human Rights Act the authority is bound. Section 3 of that Act is not in issue.';
    expect(findStatutes(text).map((e) => [e.text, e.instrument])).toEqual([
      ['Human Rights Act 1998', 'Human Rights Act 1998'],
      ['section 6 of the Human Rights Act', 'Human Rights Act 1998'],
      ['Section 3 of that Act', 'Human Rights Act 1998'],
    ]);
  });

  it('resolves "the 1996 Act" to the one Act of 1996 the text names, and attaches Part VII to it', () => {
    const text = 'Part VII of the Housing Act 1996 governs homelessness. The review was of a decision under section 202 of the 1996 Act.';
    const statutes = findStatutes(text);
    expect(statutes.map((e) => [e.text, e.provision, e.instrument])).toEqual([
      ['Part VII of the Housing Act 1996', 'Part VII', 'Housing Act 1996'],
      ['section 202 of the 1996 Act', 'section 202', 'Housing Act 1996'],
    ]);
  });

  it('leaves "the Act" unresolved when the text names more than one Act and defines none', () => {
    const text = 'The Housing Act 1996 and the Children Act 1989 both apply. Section 17 of the Act is relied on.';
    const act = findStatutes(text).find((e) => e.text === 'Section 17 of the Act')!;
    expect(act.provision).toBe('Section 17');
    expect(act.instrument).toBeUndefined();
  });

  it('keeps Indian codes whole and joins their abbreviations to them', () => {
    const statutes = findStatutes(INDIAN);
    expect(statutes.map((e) => [e.text, e.instrument])).toEqual([
      ['section 48 of the Code of Civil Procedure', 'Code of Civil Procedure, 1908'],
      ['Limitation Act', 'Limitation Act'],
      ['section 115 of the Code of Civil Procedure', 'Code of Civil Procedure, 1908'],
      ['Article 226 of the Constitution of India', 'Constitution of India'],
      ['Code of Civil Procedure, 1908', 'Code of Civil Procedure, 1908'],
      ['section 115, C.P.C.', 'Code of Civil Procedure, 1908'],
    ]);
  });

  it('never reports a cut name', () => {
    const text =
      'It was abolished by the Matrimonial Proceedings and Property Act 1970. Under the Code of Civil Procedure and the rules made under it, and section 3 of the Orissa Tenants \' Protection Act, 1948, and the Health and Safety at Work etc. Act 1974.';
    expect(findStatutes(text).map((e) => e.text)).toEqual([
      'Matrimonial Proceedings and Property Act 1970',
      'Code of Civil Procedure',
      "section 3 of the Orissa Tenants ' Protection Act, 1948",
      'Health and Safety at Work etc. Act 1974',
    ]);
  });

  it('splits a mention into provision and instrument', () => {
    expect(splitStatuteMention('paragraph 2(2) of Schedule 3 to the Immigration Act 1971')).toEqual({ provision: 'paragraph 2(2) of Schedule 3', instrument: 'the Immigration Act 1971' });
    expect(splitStatuteMention('sections 9, 10 and 11 of the Act')).toEqual({ provision: 'sections 9, 10 and 11', instrument: 'the Act' });
    expect(splitStatuteMention('Housing Act 1996')).toEqual({ instrument: 'Housing Act 1996' });
  });
});
