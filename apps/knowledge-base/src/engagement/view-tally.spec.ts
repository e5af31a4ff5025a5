import { ViewTally } from './view-tally';

describe('ViewTally', () => {
  const at = new Date('2026-11-21T23:59:59.000Z');

  it('keeps one counter per article, day and locale pair', () => {
    const tally = new ViewTally();
    tally.add('a', 'ru', 'en', at);
    tally.add('a', 'ru', 'en', at);
    tally.add('a', 'ru', 'ru', at);
    expect(tally.add('b', 'en', 'en', new Date('2026-11-22T00:00:00.000Z'))).toBe(3);
    expect(tally.pendingReads).toBe(4);
    expect(tally.drain()).toEqual([
      { articleId: 'a', day: '2026-11-21', requestedLocale: 'ru', servedLocale: 'en', views: 2 },
      { articleId: 'a', day: '2026-11-21', requestedLocale: 'ru', servedLocale: 'ru', views: 1 },
      { articleId: 'b', day: '2026-11-22', requestedLocale: 'en', servedLocale: 'en', views: 1 },
    ]);
    expect(tally.size).toBe(0);
    expect(tally.pendingReads).toBe(0);
  });

  it('adds restored counts to reads counted while a flush was failing', () => {
    const tally = new ViewTally();
    tally.add('a', 'fr', 'en', at);
    const failed = tally.drain();
    tally.add('a', 'fr', 'en', at);
    tally.restore(failed);
    expect(tally.drain()).toEqual([{ articleId: 'a', day: '2026-11-21', requestedLocale: 'fr', servedLocale: 'en', views: 2 }]);
  });
});
