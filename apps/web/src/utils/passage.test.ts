import { describe, expect, it } from 'vitest';
import { splitPassage } from './passage';

describe('splitPassage', () => {
  it('cuts the text at UTF-16 offsets', () => {
    const text = 'The appeal is dismissed. Costs follow.';
    expect(splitPassage(text, 4, 23)).toEqual({ before: 'The ', passage: 'appeal is dismissed', after: '. Costs follow.' });
  });

  it('clamps offsets outside the text and reversed spans', () => {
    expect(splitPassage('abc', -5, 99)).toEqual({ before: '', passage: 'abc', after: '' });
    expect(splitPassage('abc', 2, 1)).toEqual({ before: 'ab', passage: '', after: 'c' });
  });
});
