import { ConsistencyCounters } from './consistency-counters';

describe('ConsistencyCounters', () => {
  it('starts every named counter at zero and lists them in order', () => {
    const counters = new ConsistencyCounters(['redriven', 'repaired'] as const);
    expect(counters.snapshot()).toEqual({ redriven: 0, repaired: 0 });
    expect(Object.keys(counters.snapshot())).toEqual(['redriven', 'repaired']);
  });

  it('adds one, or the amount given', () => {
    const counters = new ConsistencyCounters(['redriven', 'repaired'] as const);
    counters.increment('redriven');
    counters.increment('repaired', 3);
    counters.increment('repaired');
    expect(counters.get('redriven')).toBe(1);
    expect(counters.snapshot()).toEqual({ redriven: 1, repaired: 4 });
  });

  it('refuses a name it was not given, so a typo cannot hide a count', () => {
    const counters = new ConsistencyCounters<string>(['redriven']);
    expect(() => counters.increment('redirven')).toThrow(/not one of redriven/);
  });
});
