import {
  compareArticleScores,
  documentTermWeights,
  indexTerm,
  keywordRelevance,
  scoreArticle,
  termRarity,
  termWeight,
  wilsonLowerBound,
  type ArticleScoreInput,
} from './ranking';

const now = new Date('2026-06-01T00:00:00Z');
const base: ArticleScoreInput = { relevance: 2, updatedAt: new Date('2026-05-01T00:00:00Z'), helpfulVotes: 0, notHelpfulVotes: 0, now };

function rank(items: Record<string, Partial<ArticleScoreInput>>): string[] {
  return Object.entries(items)
    .map(([name, input]) => ({ name, score: scoreArticle({ ...base, ...input }) }))
    .sort((a, b) => compareArticleScores(a.score, b.score))
    .map((item) => item.name);
}

describe('wilsonLowerBound', () => {
  it('trusts many votes more than a few', () => {
    expect(wilsonLowerBound(40, 50)).toBeGreaterThan(wilsonLowerBound(1, 1));
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(10, 10)).toBeLessThan(1);
  });
});

describe('scoreArticle and compareArticleScores', () => {
  it('ranks by relevance first, whatever the votes and age', () => {
    expect(
      rank({
        relevant: { relevance: 3, helpfulVotes: 0, notHelpfulVotes: 20, updatedAt: new Date('2024-01-01T00:00:00Z') },
        popular: { relevance: 2, helpfulVotes: 500, notHelpfulVotes: 0 },
      }),
    ).toEqual(['relevant', 'popular']);
  });

  it('breaks relevance ties by helpfulness', () => {
    expect(
      rank({
        unrated: {},
        disliked: { helpfulVotes: 0, notHelpfulVotes: 8 },
        liked: { helpfulVotes: 40, notHelpfulVotes: 10 },
        oneVote: { helpfulVotes: 1 },
      }),
    ).toEqual(['liked', 'oneVote', 'unrated', 'disliked']);
  });

  it('breaks remaining ties by recency', () => {
    expect(
      rank({
        old: { updatedAt: new Date('2025-01-01T00:00:00Z') },
        fresh: { updatedAt: new Date('2026-05-30T00:00:00Z') },
      }),
    ).toEqual(['fresh', 'old']);
  });

  it('treats relevance differences from float noise as a tie', () => {
    expect(
      rank({
        noisyButOld: { relevance: 2.0000000001, updatedAt: new Date('2025-01-01T00:00:00Z') },
        fresh: { relevance: 2 },
      }),
    ).toEqual(['fresh', 'noisyButOld']);
  });

  it('tolerates bad numbers', () => {
    const score = scoreArticle({
      ...base,
      relevance: Number.NaN,
      helpfulVotes: -3,
      notHelpfulVotes: Number.POSITIVE_INFINITY,
      updatedAt: new Date('2027-01-01'),
    });
    expect(score).toEqual({ relevance: 0, helpfulness: wilsonLowerBound(1, 2), ageDays: 0 });
  });
});

describe('keywordRelevance', () => {
  const echo = { title: 'Fix audio echo', body: 'Echo happens when a speaker feeds a microphone.' };
  const audio = { title: 'Audio settings', body: 'Choose a microphone. Echo cancellation is on by default.' };

  it('weighs title words above body words', () => {
    expect(keywordRelevance(echo, ['echo'])).toBeGreaterThan(keywordRelevance(audio, ['echo']));
  });

  it('matches prefixes, ignoring case and accents, and counts keywords like the title', () => {
    expect(keywordRelevance({ title: 'Vidéo', body: '' }, ['vid'])).toBe(3);
    expect(keywordRelevance({ title: 'Connection', body: '', keywords: ['5003'] }, ['5003'])).toBe(3);
    expect(keywordRelevance(echo, ['zzz'])).toBe(0);
  });
});

describe('the search index weights', () => {
  it('weighs a title hit three times a body hit and dampens repeats', () => {
    expect(termWeight(1, 0)).toBe(3);
    expect(termWeight(0, 1)).toBe(1);
    expect(termWeight(0, 4)).toBeCloseTo(1 + Math.log(4));
    expect(termWeight(1, 1)).toBeGreaterThan(termWeight(0, 8));
  });

  it('indexes folded words of the title, error codes and body, without filler words', () => {
    const weights = documentTermWeights({ title: 'Écho in the Meeting', body: 'The echo comes **back**. Ёлка', keywords: ['5003'] });
    expect(weights.get('echo')).toBeCloseTo(termWeight(1, 1));
    expect(weights.get('meeting')).toBe(3);
    expect(weights.get('5003')).toBe(3);
    expect(weights.get('back')).toBe(1);
    expect(weights.get('елка')).toBe(1);
    expect(weights.has('the')).toBe(false);
    expect(weights.has('in')).toBe(false);
  });

  it('makes rare terms count more than common ones', () => {
    expect(termRarity(1000, 3)).toBeGreaterThan(termRarity(1000, 900));
    expect(termRarity(0, 0)).toBeCloseTo(Math.log(2));
    expect(indexTerm('x'.repeat(65))).toBeNull();
  });
});
