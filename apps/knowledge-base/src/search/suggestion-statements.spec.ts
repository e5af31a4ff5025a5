import type { QueryPlan } from '@support/domain-knowledge';
import { slotScore } from './match-statement';
import { candidateStatement, cutPostings, exactScore, readCandidates, scoreCandidates, type CandidateRow } from './suggestion-statements';

const plan = (alternatives: Array<[string, number, number, string?]>, slots: number): QueryPlan => ({
  alternatives: alternatives.map(([term, slot, factor, kind]) => ({ term, slot, factor, kind: (kind ?? 'stem') as never })),
  forms: [],
  stems: [],
  slots,
});

describe('suggestion statements', () => {
  it('reads each (term, range) once for the whole run: rare terms in one IN list per range, common ones with a LIMIT each', () => {
    const few = new Set(['echo', 'hear']);
    const { sql, params } = candidateStatement(
      [
        {
          plan: plan(
            [
              ['echo', 0, 1],
              ['meet', 1, 1],
            ],
            2,
          ),
          locale: 'en',
        },
        {
          plan: plan(
            [
              ['meet', 0, 1],
              ['hear', 1, 1],
            ],
            2,
          ),
          locale: 'en',
        },
        // a French reader: its own range and the English articles without a French translation;
        // a term held only as a translation is looked for in the English range alone
        {
          plan: plan(
            [
              ['reunion', 0, 1],
              ['meet', 0, 0.6, 'translation'],
            ],
            1,
          ),
          locale: 'fr',
        },
      ],
      30,
      (term) => few.has(term),
    );
    const branches = sql.split('UNION ALL');
    expect(branches).toHaveLength(1 + 1 + 1 + 2 + 1);
    expect(params[0]).toEqual(['echo', 'meet', 'hear', 'reunion']);
    expect(params).toContainEqual(['echo', 'hear']);
    expect(sql.match(/LIMIT 30/g)).toHaveLength(4);
    // "meet": once in English for both English tickets, once in the French reader's fallback range
    expect(params.filter((p) => p === 'meet')).toHaveLength(2);
    expect(params.filter((p) => p === 'reunion')).toHaveLength(2);
  });

  it('scores as the search statement does: best alternative per typed word, summed, times the root of the share matched', () => {
    const request = {
      plan: plan(
        [
          ['echo', 0, 1],
          ['sound', 0, 0.8],
          ['meet', 1, 1],
        ],
        2,
      ),
      locale: 'en' as const,
    };
    const rows: CandidateRow[] = [
      { kind: 't', term: 'echo', documentId: null, value: 2, documents: 5, scope: null },
      { kind: 't', term: 'sound', documentId: null, value: 3, documents: 7, scope: null },
      { kind: 't', term: 'meet', documentId: null, value: 0.5, documents: 70, scope: null },
      { kind: 'p', term: 'echo', documentId: 7, value: 1, documents: null, scope: 'en' },
      { kind: 'p', term: 'sound', documentId: 7, value: 1, documents: null, scope: 'en' },
      { kind: 'p', term: 'meet', documentId: 9, value: 4, documents: null, scope: 'en' },
      { kind: 'p', term: 'echo', documentId: 9, value: 0.5, documents: null, scope: 'fr' },
    ];
    const candidates = readCandidates(rows);
    const scored = scoreCandidates(request, candidates, 30, 20);
    const { kept } = scored;
    // document 7: slot 0 best of echo 1×1×2 and sound 1×0.8×3 = 2.4; one of two words: × √0.5
    // document 9: meet 4×1×0.5 = 2 (its French echo posting is not in an English reader's range)
    expect(kept.map((c) => c.documentId)).toEqual([7, 9]);
    expect(kept[0].best).toEqual(new Map([[0, 2.4000000000000004]]));
    // "meet" is held by more documents than were read: document 7's posting is looked up
    expect(cutPostings(scored)).toEqual([
      [7, 'meet'],
      [9, 'meet'],
    ]);
    const exact = exactScore(kept[0], scored.worths, request.plan.slots, new Map([['7 meet', 2]]));
    expect(exact).toBeCloseTo(2.4 + 1, 12);
  });
  it("keeps a candidate's slots in the order they were first matched, takes each slot's best, and breaks ties by document", () => {
    const request = {
      plan: plan(
        [
          ['gamma', 1, 1],
          ['alpha', 0, 1],
          ['beta', 1, 0.5],
        ],
        2,
      ),
      locale: 'en' as const,
    };
    const rows: CandidateRow[] = [
      { kind: 't', term: 'gamma', documentId: null, value: 1, documents: 3, scope: null },
      { kind: 't', term: 'alpha', documentId: null, value: 1, documents: 3, scope: null },
      { kind: 't', term: 'beta', documentId: null, value: 1, documents: 3, scope: null },
      { kind: 'p', term: 'gamma', documentId: 5, value: 1, documents: null, scope: 'en' },
      { kind: 'p', term: 'alpha', documentId: 5, value: 2, documents: null, scope: 'en' },
      { kind: 'p', term: 'beta', documentId: 5, value: 6, documents: null, scope: 'en' },
      { kind: 'p', term: 'alpha', documentId: 4, value: 1.5, documents: null, scope: 'en' },
      { kind: 'p', term: 'alpha', documentId: 3, value: 1.5, documents: null, scope: 'en' },
    ];
    const scored = scoreCandidates(request, readCandidates(rows), 30, 20);
    // document 5: slot 1 first (gamma 1), then slot 0 (alpha 2), then slot 1's better beta 6 × 0.5 = 3
    expect([...scored.kept[0].best]).toEqual([
      [1, 3],
      [0, 2],
    ]);
    // documents 3 and 4 tie (1.5 × √½ each): the lower id first
    expect(scored.kept.map((c) => c.documentId)).toEqual([5, 3, 4]);
    // only as many as asked
    expect(scoreCandidates(request, readCandidates(rows), 30, 2).kept.map((c) => c.documentId)).toEqual([5, 3]);
    // a looked-up posting adds to the exact score, never to the candidate's first worths
    const before = [...scored.kept[1].best];
    expect(exactScore(scored.kept[1], [{ term: 'gamma', slot: 1, worth: 1, cut: true }], 2, new Map([['3 gamma', 4]]))).toBe(1.5 + 4);
    expect([...scored.kept[1].best]).toEqual(before);
  });
  it('scores a candidate by summing its slots in slot order, whatever order they were found in (the statement sums the same way)', () => {
    const worths = [0.1, 0.7, 1e-17, 3.3, 0.2, 1e16, 5.5];
    const slots = [12, 3, 0, 7, 1, 30, 4];
    const inOrder = [...slots.keys()].sort((a, b) => slots[a] - slots[b]).reduce((sum, i) => sum + worths[i], 0);
    const shuffled = new Map(slots.map((slot, i) => [slot, worths[i]]));
    expect(slotScore(shuffled, 8)).toBe(inOrder * Math.sqrt(7 / 8));
    expect(slotScore(new Map([...shuffled].reverse()), 8)).toBe(slotScore(shuffled, 8));
    // keys that are not small slot numbers still sum in ascending order
    expect(
      slotScore(
        new Map([
          [5000, 1],
          [2, 2],
          [1e9, 3],
        ]),
        3,
      ),
    ).toBe(2 + 1 + 3);
    expect(slotScore(new Map(), 3)).toBe(0);
  });
});
