import { foldForSearch, foldText } from './fold-text';

describe('foldText', () => {
  it('folds Turkish, German and Nordic letters to plain ASCII', () => {
    expect(foldText('Erdoğan')).toBe('erdogan');
    expect(foldText('Straße in Düsseldorf')).toBe('strasse in dusseldorf');
    expect(foldText('Tromsø, Łódź')).toBe('tromso, lodz');
    expect(foldText('Kılıçdaroğlu')).toBe('kilicdaroglu');
  });
});

describe('foldForSearch', () => {
  it('drops possessives with either apostrophe', () => {
    expect(foldForSearch("Khalifa Haftar's forces")).toBe('khalifa haftar forces');
    expect(foldForSearch('Erdoğan’s government')).toBe('erdogan government');
    expect(foldForSearch("it's")).toBe('it');
    expect(foldForSearch("rock'n'roll")).toBe("rock'n'roll");
  });
});
