import { suggestionTerms } from './suggestion-terms';

describe('suggestionTerms', () => {
  it('keeps the topic words of a ticket and drops filler', () => {
    expect(suggestionTerms('Hello, I cannot share my screen during the webinar, the screen stays black. Thanks!')).toEqual([
      'screen',
      'share',
      'webinar',
      'stays',
      'black',
    ]);
  });

  it('puts error codes first and drops short numbers, meeting IDs, links and addresses', () => {
    expect(
      suggestionTerms(
        'Error 5003 when joining meeting 845 2913 4470 at 10 30, see https://x.example/log and mail me@example.com. Error 5003 again, also 84529134470.',
      ),
    ).toEqual(['5003', 'error', 'joining', 'meeting', 'see', 'mail']);
  });

  it('drops French and Russian filler words', () => {
    expect(suggestionTerms("Bonjour, je n'arrive pas à partager l'écran pendant la réunion, merci")).toEqual([
      'arrive',
      'partager',
      'écran',
      'réunion',
    ]);
    expect(suggestionTerms('Здравствуйте, у меня не работает камера в конференции, помогите пожалуйста')).toEqual([
      'работает',
      'камера',
      'конференции',
    ]);
  });

  it('removes repeats and ranks frequent words higher', () => {
    expect(suggestionTerms('audio echo, echo ECHO and audio')).toEqual(['echo', 'audio']);
  });

  it('returns at most max terms', () => {
    const text = Array.from({ length: 30 }, (_, i) => `word${i}x`).join(' ');
    expect(suggestionTerms(text)).toHaveLength(12);
    expect(suggestionTerms(text, { max: 3 })).toEqual(['word0x', 'word1x', 'word2x']);
  });

  it('returns nothing for text without keywords', () => {
    expect(suggestionTerms('Hi! Thanks :) 12 3')).toEqual([]);
  });
});
