/**
 * Word lists that drive sentence-boundary decisions on legal text.
 *
 * A period after a token from one of these lists is judged by the list's rule:
 * - ALWAYS: never a sentence end (`v.`, `Mr.`, `e.g.`).
 * - BEFORE_NUMBER: not a sentence end when a number, a bracket or a roman numeral follows
 *   (`No. 5`, `s. 66(1)`, `paras. 3-4`, `Art. XIV`); otherwise judged as WEAK.
 * - WEAK: a sentence end only when the next word is a common sentence opener
 *   (`... Pty Ltd. The company ...` ends; `Smith Ltd. Bombay` does not). Initials and dotted
 *   acronyms (`K.M.`, `U.S.`, `C.J.`) are judged the same way.
 * Tokens are compared in lower case, except single letters, which are case-sensitive.
 */

export const ALWAYS = new Set<string>([
  'v', 'vs', 'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'messrs', 'smt', 'shri', 'sri', 'mst', 'sh', 'kum', 'hon', "hon'ble",
  'e.g', 'i.e', 'cf', 'viz', 'lt', 'capt', 'sgt', 'rev', 'st', 'approx', 'nr', 'u/s', 'm/s', 'w.e.f',
  'a.k.a', 'et', 'resp', 'illus', 'ff',
]);

export const BEFORE_NUMBER = new Set<string>([
  'no', 'nos', 's', 'ss', 'r', 'rr', 'p', 'pp', 'para', 'paras', 'art', 'arts', 'sec', 'secs', 'cl', 'cls', 'ch',
  'chap', 'vol', 'vols', 'fig', 'sch', 'reg', 'regs', 'o', 'ord', 'ex', 'exh', 'exts', 'ext', 'sl', 'sr', 'rs',
  'cr', 'crl', 'cri', 'civ', 'misc', 'app', 'appl', 'cal', 'bom', 'mad', 'all', 'del', 'pat', 'ker', 'guj', 'raj',
  'lah', 'nag', 'ori', 'kar', 'ind', 'cas', 'rep', 'supp', 'ed', 'edn', 'doc', 'pt', 'div', 'tab', 'ann', 'annex',
  'cap', 'sub', 'subs', 'col', 'item', 'cir', 'r.s', 'a.i.r', 's.c.r', 's.c.c', 'mp', 'm.p', 'u.p', 'w.p', 's.l.p',
]);

export const WEAK = new Set<string>([
  'ltd', 'co', 'pvt', 'inc', 'corp', 'bros', 'ors', 'anr', 'etc', 'al', 'jr', 'j', 'jj', 'lj', 'ljj', 'cj', 'govt',
  'dept', 'ibid', 'id', 'cit', 'op', 'esq', 'plc', 'llp', 'pty', 'prop', 'univ', 'assn', 'admn', 'dist', 'distt',
  'gov', 'gen', 'col', 'mt', 'ft', 'rd', 'ave', 'bldg', 'dy', 'addl', 'asstt', 'secy', 'commr', 'hc', 'sc',
]);

/** Capitalised words that commonly open a sentence; used to resolve WEAK abbreviations and initials. */
export const OPENERS = new Set<string>([
  'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'In', 'On', 'At', 'As', 'A', 'An', 'He', 'She', 'They',
  'We', 'I', 'His', 'Her', 'Their', 'There', 'Then', 'Thus', 'Therefore', 'Hence', 'However', 'Accordingly',
  'Further', 'Furthermore', 'Moreover', 'Also', 'But', 'And', 'Or', 'So', 'If', 'When', 'While', 'Where',
  'Whether', 'Although', 'Though', 'After', 'Before', 'Since', 'Until', 'Upon', 'Under', 'By', 'For', 'From',
  'With', 'Without', 'To', 'Of', 'Nor', 'Neither', 'Not', 'Our', 'My', 'You', 'Your', 'One', 'Each', 'Every',
  'All', 'Any', 'Some', 'Such', 'What', 'Which', 'Who', 'Whom', 'Why', 'How', 'Having', 'Being', 'Counsel',
  'Learned', 'Lord', 'Lady', 'Sir', 'Section', 'Article', 'Paragraph', 'Consequently', 'Similarly', 'Likewise',
  'Finally', 'First', 'Firstly', 'Second', 'Secondly', 'Third', 'Thirdly', 'Here', 'Now', 'Next', 'Later',
  'Again', 'Even', 'Only', 'Both', 'Either', 'According', 'Despite', 'Notwithstanding', 'Nevertheless',
  'Nonetheless', 'Indeed', 'Clearly', 'In', 'Held', 'Order', 'ORDER', 'JUDGMENT', 'Judgment', 'Appeal',
  'Appeals', 'Accordingly', 'Against', 'Among', 'Although', 'Apart', 'Applying', 'Given', 'Having', 'Regarding',
  'Reliance', 'Similarly', 'Subject', 'That', 'Thereafter', 'Thereupon', 'Today', 'Yet', 'Was', 'Is', 'Are',
  'Were', 'Does', 'Do', 'Did', 'Can', 'Could', 'Should', 'Would', 'May', 'Might', 'Must', 'Shall', 'Will',
  'Mr', 'Mrs', 'Ms', 'Dr', 'No', 'Yes', 'Dismissed', 'Allowed',
]);
