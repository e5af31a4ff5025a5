import { learnTranslations, type ParallelTexts } from './translation-lexicon';

const texts = (source: string, target: string): ParallelTexts => ({
  source: new Set(source.split(' ')),
  target: new Set(target.split(' ')),
});

describe('learnTranslations (word translations from translated articles)', () => {
  // nine translated articles; "экран"/"screen" share four (Dice 8/9: one translation says "экран" for "display"),
  // "звук"/"audio" three, "камер"/"camera" two
  const pairs = [
    texts('экран настройк', 'display set'),
    texts('экран демонстрац', 'screen share'),
    texts('экран черн', 'screen black'),
    texts('экран звук', 'screen audio'),
    texts('экран демонстрац окн', 'screen share window'),
    texts('звук микрофон', 'audio microphon'),
    texts('звук эх', 'audio echo'),
    texts('камер фон', 'camera background'),
    texts('камер черн', 'camera black'),
  ];

  it('links the words that keep sharing articles, each at most once, most strongly associated first', () => {
    const lexicon = learnTranslations(pairs, { minShared: 3, maxShare: 1 });
    expect(lexicon.get('экран')).toBe('screen');
    expect(lexicon.get('звук')).toBe('audio');
    expect(new Set(lexicon.values()).size).toBe(lexicon.size);
    // with two shared articles enough, "демонстрац" (two with "screen" too) goes to "share": "screen" is taken by the stronger link
    const looser = learnTranslations(pairs, { minShared: 2, maxShare: 1 });
    expect(looser.get('демонстрац')).toBe('share');
    expect(looser.get('экран')).toBe('screen');
  });

  it('leaves out pairs sharing fewer articles than required, or below the Dice coefficient', () => {
    expect(learnTranslations(pairs, { minShared: 3, maxShare: 1 }).has('камер')).toBe(false);
    expect(learnTranslations(pairs, { minShared: 2, maxShare: 1 }).get('камер')).toBe('camera');
    expect(learnTranslations(pairs, { minShared: 2, minDice: 0.99, maxShare: 1 }).has('экран')).toBe(false);
  });

  it('leaves out words found in most texts, words written alike in both languages, and source words of another script', () => {
    const shared = [
      ...pairs,
      texts('meetly экран', 'meetly screen'),
      texts('meetly business', 'meetly busi'),
      texts('meetly business', 'meetly busi'),
      texts('meetly business', 'meetly busi'),
    ];
    const lexicon = learnTranslations(shared, { minShared: 3, maxShare: 0.5, sourceWords: /\p{Script=Cyrillic}/u });
    expect(lexicon.has('meetly')).toBe(false);
    expect(lexicon.has('business')).toBe(false);
    expect([...lexicon.values()]).not.toContain('meetly');
    // "экран" is in 6 of 13 texts (under half): still linked
    expect(lexicon.get('экран')).toBe('screen');
    expect(learnTranslations(shared, { minShared: 3, maxShare: 0.3 }).has('экран')).toBe(false);
  });

  it('learns nothing from no texts', () => {
    expect(learnTranslations([]).size).toBe(0);
  });
});
