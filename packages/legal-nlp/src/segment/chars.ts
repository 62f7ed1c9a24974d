/** Character classes shared by the segmenter, the furniture detector and the display-text cleaner. */

export function isSpace(c: number): boolean {
  // space, tab, LF, VT, FF, CR, NBSP, and the Unicode spaces that PDF extraction produces
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000 || c === 0xfeff;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isLower(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

export function isUpper(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return isDigit(c) || isUpper(ch) || isLower(ch);
}
