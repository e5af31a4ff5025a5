import { isSearchQueryError, parseSearchQuery, toBooleanModeQuery, type ParsedSearchQuery } from './search-query';

function parsed(q: string): ParsedSearchQuery {
  const result = parseSearchQuery(q);
  if (isSearchQueryError(result)) throw new Error(`unexpected ${result.code}`);
  return result;
}

describe('parseSearchQuery', () => {
  it('lower-cases and splits into distinct words', () => {
    expect(parsed('  Waiting ROOM waiting ')).toEqual({ terms: ['waiting', 'room'] });
  });

  it('drops boolean-mode operators and punctuation', () => {
    expect(parsed('+echo -audio <mic> (headset) ~noise webin* "phrase" @3 user@example.com;DROP TABLE x--').terms).toEqual([
      'echo',
      'audio',
      'mic',
      'headset',
      'noise',
      'webin',
      'phrase',
      'user',
      'example',
      'com',
      'drop',
      'table',
    ]);
  });

  it('keeps Cyrillic and accented Latin words whole', () => {
    expect(parsed('Эхо в наушниках, ÉCRAN partagé; l’arrière-plan').terms).toEqual([
      'эхо',
      'наушниках',
      'écran',
      'partagé',
      'arrière',
      'plan',
    ]);
  });

  it('composes decomposed accents so the same word is one term', () => {
    expect(parsed('vide\u0301o vidéo').terms).toEqual(['vidéo']);
  });

  it('keeps error codes and drops single letters', () => {
    expect(parsed('error 5003 a b').terms).toEqual(['error', '5003']);
  });

  it('reads a quoted phrase', () => {
    expect(parsed('"Waiting room" settings')).toEqual({ terms: ['waiting', 'room', 'settings'], phrase: 'waiting room' });
    expect(parsed('«salle d’attente»')).toEqual({ terms: ['salle', 'attente'], phrase: 'salle attente' });
    expect(parsed('"echo"')).toEqual({ terms: ['echo'] });
  });

  it.each(['', '   ', '+-<>()~*"@', 'a', '!!! ??? ...'])('rejects %j as empty', (q) => {
    expect(parseSearchQuery(q)).toMatchObject({ code: 'empty_query' });
  });

  it('rejects queries over 200 characters', () => {
    expect(parseSearchQuery('é'.repeat(200))).not.toHaveProperty('code');
    expect(parseSearchQuery('word '.repeat(40) + 'x')).toMatchObject({ code: 'query_too_long' });
  });

  it('rejects more than 20 distinct terms', () => {
    const words = Array.from({ length: 21 }, (_, i) => `w${i}`);
    expect(parseSearchQuery(words.slice(0, 20).join(' '))).not.toHaveProperty('code');
    expect(parseSearchQuery(words.join(' '))).toMatchObject({ code: 'too_many_terms' });
    expect(parseSearchQuery('echo '.repeat(30))).toEqual({ terms: ['echo'] });
  });
});

describe('toBooleanModeQuery', () => {
  it('makes every word a prefix search', () => {
    expect(toBooleanModeQuery(['webin', 'room'])).toBe('webin* room*');
    expect(toBooleanModeQuery(['webin', 'room'], { mode: 'all' })).toBe('+webin* +room*');
  });

  it('boosts the phrase', () => {
    expect(toBooleanModeQuery(['waiting', 'room'], { phrase: 'waiting room' })).toBe('waiting* room* "waiting room"');
  });

  it('never lets operators or quotes through, whatever it is given', () => {
    const query = toBooleanModeQuery(['+echo', 'mic)"', '-x*', '@distance', '"a" "b"', "o'reilly"], { phrase: '" OR 1=1 --' });
    expect(query).toBe('echo* mic* distance* reilly*');
    expect(toBooleanModeQuery(['abc"def'], { phrase: 'x" y' })).toBe('abc* def*');
  });

  it('leaves out words too short for the index and filler words', () => {
    expect(toBooleanModeQuery(['how', 'to', 'record', 'webinar'])).toBe('record* webinar*');
    expect(toBooleanModeQuery(['the', 'how'])).toBe('the* how*');
    expect(toBooleanModeQuery(['id', 'pc'], { minTokenLength: 2 })).toBe('id* pc*');
  });

  it('keeps Cyrillic and accented words', () => {
    expect(toBooleanModeQuery(['эхо', 'écran'])).toBe('эхо* écran*');
  });

  it('returns an empty string when nothing is searchable', () => {
    expect(toBooleanModeQuery([])).toBe('');
    expect(toBooleanModeQuery(['**', 'ab'])).toBe('');
  });
});
