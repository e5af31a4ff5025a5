/**
 * `linear` interpolates between the two closest ranks (rank = p/100 × (n − 1), as in
 * spreadsheets' PERCENTILE.INC and NumPy's default), so a small sample still yields a smooth
 * response-time curve. `nearest_rank` returns an observed value (the ⌈p/100 × n⌉-th smallest,
 * the smallest for p = 0), for reports that must quote a real ticket's time.
 */
export type PercentileMethod = 'linear' | 'nearest_rank';

/** The p-th percentile (0 ≤ p ≤ 100) of the values, or null when there are none. */
export function percentile(values: readonly number[], p: number, method: PercentileMethod = 'linear'): number | null {
  if (typeof p !== 'number' || !(p >= 0 && p <= 100)) {
    throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  }
  if (values.some((value) => typeof value !== 'number' || Number.isNaN(value))) {
    throw new RangeError('percentile values must be numbers');
  }
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  if (method === 'nearest_rank') {
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[rank - 1];
  }
  const position = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const weight = position - lower;
  return sorted[lower] + (sorted[upper] - sorted[lower]) * weight;
}

/** The middle value, averaging the two middle ones of an even count; null when there are none. */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50, 'linear');
}
