import { cleanText, splitParagraphs, stripControlChars } from './text';

describe('text helpers', () => {
  it('strips framing controls and lone surrogates but keeps tabs, line breaks and astral characters', () => {
    const text = `a${String.fromCharCode(1, 2, 3, 0x16, 0x7f, 0x85)}b\tc\r\nd 📰 \ud800e\udc00f`;
    expect(stripControlChars(text)).toBe('ab\tc\r\nd 📰 ef');
    expect(stripControlChars(`x${String.fromCharCode(0x13)}y`, ' ')).toBe('x y');
  });

  it('collapses metadata to one trimmed line, and empty to undefined', () => {
    expect(cleanText('  Fed to halt\n   QE  ')).toBe('Fed to halt QE');
    expect(cleanText(' \n\t ')).toBeUndefined();
    expect(cleanText(undefined)).toBeUndefined();
  });

  it('splits plain text into paragraphs on blank lines', () => {
    expect(splitParagraphs('  One\r\n  line two\r\n\r\n\r\n   Two  \n \nThree')).toEqual([
      'One\nline two',
      'Two',
      'Three',
    ]);
  });
});
