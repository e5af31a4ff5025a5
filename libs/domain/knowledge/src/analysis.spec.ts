import { allowedTypos, analyzeText, editDistance, foldForm, stemWord } from './analysis';
import { MATCH_FACTORS, planQuery, rankMatch, sameWord, titleMatch, type TermDictionary } from './search-plan';
import { suggestionTerms } from './suggestion-terms';

const stems = (text: string, language: string) => analyzeText(text, language).map((w) => w.stem);

describe('search analysis', () => {
  it('stems word forms of English, French and Russian to one term', () => {
    expect(stemWord('meetings', 'en')).toBe(stemWord('meeting', 'en'));
    expect(stemWord('enregistrement', 'fr')).toBe(stemWord('enregistrer', 'fr'));
    expect(stemWord('настройки', 'ru')).toBe(stemWord('настройка', 'ru'));
    // Cyrillic is read as Russian whatever the document's language
    expect(stemWord('камеры', 'en')).toBe(stemWord('камера', 'ru'));
  });

  it('folds case, accents and ё, with and without the accent', () => {
    expect(foldForm('Écho')).toBe('echo');
    expect(stems('Vidéo', 'fr')).toEqual(stems('video', 'fr'));
    expect(stems('télécharger', 'fr')).toEqual(stems('telecharger', 'fr'));
    expect(stems('Ёлка', 'ru')).toEqual(stems('елка', 'ru'));
  });

  it('treats straight and curly apostrophes alike and drops French elisions', () => {
    expect(stems("salle d'attente", 'fr')).toEqual(stems('salle d’attente', 'fr'));
    expect(stems('l’application', 'fr')).toEqual(stems('application', 'fr'));
  });

  it('drops the stop words of the text’s language only', () => {
    expect(stems('how do I share the screen', 'en')).toEqual(stems('share screen', 'en'));
    expect(stems('je ne peux pas partager mon écran', 'fr')).toEqual(
      stems('peux partager écran', 'fr').filter((s) => s !== stemWord('peux', 'fr')),
    );
    expect(stems('у меня не работает микрофон', 'ru')).toEqual(stems('работает микрофон', 'ru'));
    expect(stems('son', 'fr')).toHaveLength(1); // "son" (sound) is a French word readers search for
  });

  it('drops every form of the Russian possessives and of "другой", and English contractions typed without the apostrophe', () => {
    expect(stems('слышу свой голос', 'ru')).toEqual(stems('слышу голос', 'ru'));
    expect(stems('не видят мои слайды и свою камеру', 'ru')).toEqual(stems('видят слайды камеру', 'ru'));
    expect(stems('другие участники', 'ru')).toEqual(stems('участники', 'ru'));
    expect(stems('camera doesnt work and sound wont start', 'en')).toEqual(stems('camera work sound start', 'en'));
    expect(stems('others cant hear me', 'en')).toEqual(stems('hear', 'en'));
  });

  it('searches for "team" (Team Chat is a product) while a ticket drops it as a greeting', () => {
    expect(stems('team chat', 'en')).toEqual([stemWord('team', 'en'), stemWord('chat', 'en')]);
    expect(suggestionTerms('Hi team, team chat is down')).toEqual(['chat', 'down']);
  });

  it('reads English irregular forms as their base form, and leaves forms of another common meaning alone', () => {
    expect(stemWord('frozen', 'en')).toBe(stemWord('freezes', 'en'));
    expect(stemWord('froze', 'en')).toBe(stemWord('freeze', 'en'));
    expect(stemWord('broken', 'en')).toBe(stemWord('breaks', 'en'));
    expect(stemWord('heard', 'en')).toBe(stemWord('hearing', 'en'));
    expect(stemWord('met', 'en')).toBe(stemWord('meeting', 'en'));
    expect(stemWord('written', 'en')).toBe(stemWord('write', 'en'));
    expect(stemWord('left', 'en')).not.toBe(stemWord('leave', 'en')); // "left" is also a side
    expect(stemWord('led', 'en')).toBe('led'); // an LED
    // only English is read so: a French "met" (he puts) is left to the French stemmer
    expect(stemWord('met', 'fr')).toBe('met');
  });

  it('tolerates one typo from 5 letters and two from 9 (edit distance with transpositions)', () => {
    expect([4, 5, 8, 9].map(allowedTypos)).toEqual([0, 1, 1, 2]);
    expect(editDistance('camra', 'camera', 1)).toBe(1);
    expect(editDistance('recieve', 'receive', 1)).toBe(1);
    expect(editDistance('authentification', 'authentication', 2)).toBe(2);
    expect(editDistance('abc', 'xyz', 1)).toBe(2); // "more than the bound"
  });
});

describe('query plans', () => {
  const dictionary: TermDictionary = {
    documents: (stem) => (({ camera: 40, background: 30 }) as Record<string, number>)[stem] ?? 0,
    similar: (form, max) =>
      [
        { form: 'camera', stem: 'camera', documents: 40 },
        { form: 'background', stem: 'background', documents: 30 },
      ]
        .map((e) => ({ ...e, distance: editDistance(form, e.form, max) }))
        .filter((e) => e.distance <= max),
    prefixed: () => [],
  };

  it('corrects typos against the dictionary, and leaves words the index knows well alone', () => {
    const plan = planQuery(['camra', 'backround'], 'en', { dictionary });
    expect(plan.alternatives).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ slot: 0, term: 'camera', kind: 'fuzzy' }),
        expect.objectContaining({ slot: 1, term: 'background', kind: 'fuzzy' }),
      ]),
    );
    expect(planQuery(['camera'], 'en', { dictionary }).alternatives.filter((a) => a.kind === 'fuzzy')).toEqual([]);
  });

  it('reads a French elision typed without its apostrophe as the word after it, only when the index knows that word and not the whole', () => {
    const known: Record<string, number> = { ecran: 12, attent: 5, sall: 4, stabl: 3 };
    const french: TermDictionary = { documents: (stem) => known[stem] ?? 0, similar: () => [], prefixed: () => [] };
    const plan = planQuery(['lecran', 'salle', 'dattente'], 'fr', { dictionary: french });
    expect(plan.forms).toEqual(['ecran', 'salle', 'attente']);
    expect(plan.alternatives).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ slot: 0, term: 'ecran', kind: 'stem', factor: 1 }),
        expect.objectContaining({ slot: 2, term: 'attent', kind: 'stem', factor: 1 }),
      ]),
    );
    // a synonym rule written with the apostrophe matches too
    const synonyms = [{ locale: 'fr', term: "salle d'attente", synonyms: ['waiting room'] }];
    expect(planQuery(['salle', 'dattente'], 'fr', { dictionary: french, synonyms }).alternatives).toEqual(
      expect.arrayContaining([expect.objectContaining({ term: 'wait', kind: 'synonym' })]),
    );
    // a word the index knows ("stable") is taken as typed; an English reader's words are never split
    expect(planQuery(['stable'], 'fr', { dictionary: french }).forms).toEqual(['stable']);
    expect(planQuery(['lecran'], 'en', { dictionary: french }).forms).toEqual(['lecran']);
    // nor when the rest is unknown too
    expect(planQuery(['lunivers'], 'fr', { dictionary: french }).forms).toEqual(['lunivers']);
  });

  it('adds a word’s learnt English translation for the English articles a reader is served, never for an English reader', () => {
    const translations = new Map([['ru', new Map([[stemWord('экран', 'ru'), stemWord('screen', 'en')]])]]);
    const plan = planQuery(['черный', 'экран'], 'ru', { translations });
    expect(plan.alternatives).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ slot: 1, term: stemWord('screen', 'en'), kind: 'translation', factor: MATCH_FACTORS.translation }),
      ]),
    );
    expect(plan.alternatives.filter((a) => a.kind === 'translation')).toHaveLength(1);
    expect(planQuery(['screen'], 'en', { translations }).alternatives.filter((a) => a.kind === 'translation')).toEqual([]);
  });

  it('adds synonyms of the reader’s locale and of English, phrases word by word', () => {
    const plan = planQuery(['download', 'bills'], 'fr', {
      synonyms: [
        { locale: 'en', term: 'bill', synonyms: ['invoice'] },
        { locale: 'fr', term: 'présentation', synonyms: ["partage d'écran"] },
      ],
    });
    expect(plan.alternatives).toEqual(
      expect.arrayContaining([expect.objectContaining({ slot: 1, term: stemWord('invoice', 'en'), kind: 'synonym' })]),
    );
    const phrase = planQuery(['présentation'], 'fr', { synonyms: [{ locale: 'fr', term: 'présentation', synonyms: ["partage d'écran"] }] });
    expect(new Set(phrase.alternatives.map((a) => a.slot)).size).toBe(3);
  });

  it('ranks a match with every typed word in the title above any other, whatever the votes and views', () => {
    const plan = planQuery(['waiting', 'room'], 'en');
    const exact = rankMatch({
      relevance: 1,
      title: titleMatch(plan, 'Use the waiting room', 'en'),
      helpfulVotes: 0,
      notHelpfulVotes: 50,
      recentViews: 0,
    });
    const popular = rankMatch({
      relevance: 50,
      title: titleMatch(plan, 'Rooms for waiting guests', 'en'),
      helpfulVotes: 10_000,
      notHelpfulVotes: 0,
      recentViews: 1e7,
    });
    expect(exact.tier).toBe(1);
    expect(popular.tier).toBe(0);
    // the boosts are capped: at most +25 % for a perfect vote record and many reads
    const plain = rankMatch({ relevance: 10, title: titleMatch(plan, 'Other', 'en'), helpfulVotes: 0, notHelpfulVotes: 0, recentViews: 0 });
    const boosted = rankMatch({
      relevance: 10,
      title: titleMatch(plan, 'Other', 'en'),
      helpfulVotes: 1e6,
      notHelpfulVotes: 0,
      recentViews: 1e9,
    });
    expect(boosted.score / plain.score).toBeLessThan(1.26);
  });

  it('prefers an exact title word and a title phrase over stemmed ones', () => {
    const plan = planQuery(['sharing', 'screen'], 'en');
    const phrase = titleMatch(plan, 'Sharing screen for beginners', 'en');
    const stemmed = titleMatch(plan, 'Share your screens', 'en');
    expect(phrase).toMatchObject({ exact: 1, phrase: true });
    expect(stemmed.exact).toBeLessThan(1);
    expect(stemmed.stemmed).toBe(1);
  });

  it('credits a title word reached through a synonym with the synonym’s factor, a phrase synonym by its share', () => {
    const synonyms = [
      { locale: 'en', term: 'save', synonyms: ['record'] },
      { locale: 'en', term: 'lobby', synonyms: ['waiting room'] },
    ];
    const plan = planQuery(['save', 'meeting'], 'en', { synonyms });
    expect(titleMatch(plan, 'Record a meeting', 'en').stemmed).toBeCloseTo((MATCH_FACTORS.synonym + 1) / 2);
    expect(titleMatch(plan, 'Schedule a meeting', 'en').stemmed).toBeCloseTo(1 / 2);
    const lobby = planQuery(['lobby'], 'en', { synonyms });
    expect(titleMatch(lobby, 'Use the waiting room', 'en').stemmed).toBeCloseTo(MATCH_FACTORS.synonym);
    expect(titleMatch(lobby, 'Breakout rooms', 'en').stemmed).toBeCloseTo(MATCH_FACTORS.synonym / 2);
  });

  it('matches a synonym rule to a form Snowball cuts differently, by the words’ shared beginning (six letters and more)', () => {
    const synonyms = [{ locale: 'ru', term: 'учетная запись', synonyms: ['account'] }];
    expect(stemWord('запись', 'ru')).not.toEqual(stemWord('записи', 'ru'));
    const plan = planQuery(['учетной', 'записи'], 'ru', { synonyms });
    expect(plan.alternatives).toEqual(expect.arrayContaining([expect.objectContaining({ term: 'account', kind: 'synonym' })]));
    // short words still need their stems to agree
    expect(planQuery(['мик'], 'ru', { synonyms: [{ locale: 'ru', term: 'микро', synonyms: ['микрофон'] }] }).alternatives).toEqual([
      expect.objectContaining({ kind: 'stem' }),
    ]);
  });

  it('matches a synonym rule written in the dictionary form to other forms of the word Snowball leaves apart', () => {
    expect(sameWord(stemWord('слышат', 'ru'), stemWord('слышать', 'ru'))).toBe(true);
    expect(sameWord(stemWord('слышу', 'ru'), stemWord('слышать', 'ru'))).toBe(true);
    expect(sameWord('мог', 'могут')).toBe(false);
    expect(sameWord('счет', 'счетчик')).toBe(false);
    const plan = planQuery(['слышат'], 'ru', { synonyms: [{ locale: 'ru', term: 'слышать', synonyms: ['звук'] }] });
    expect(plan.alternatives).toEqual(
      expect.arrayContaining([expect.objectContaining({ slot: 0, term: stemWord('звук', 'ru'), kind: 'synonym' })]),
    );
  });
});
