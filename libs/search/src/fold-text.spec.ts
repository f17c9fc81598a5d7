import { foldText } from './fold-text';

describe('foldText', () => {
  it('folds Turkish, German and Nordic letters to plain ASCII', () => {
    expect(foldText('Erdoğan')).toBe('erdogan');
    expect(foldText('Straße in Düsseldorf')).toBe('strasse in dusseldorf');
    expect(foldText('Tromsø, Łódź')).toBe('tromso, lodz');
    expect(foldText('Kılıçdaroğlu')).toBe('kilicdaroglu');
  });
});
