/**
 * Counts of what a service's anti-entropy sweeps did since the process started (events
 * re-driven, decisions re-emitted, clocks repaired, ...). One instance per process, shared by
 * the sweeps that add to it, the admin route that shows it and any metrics exporter that reads
 * it: the names are fixed at construction, so an exporter can register them all up front.
 */
export class ConsistencyCounters<N extends string = string> {
  private readonly counts = new Map<N, number>();

  constructor(readonly names: readonly N[]) {
    for (const name of names) this.counts.set(name, 0);
  }

  increment(name: N, by = 1): void {
    const current = this.counts.get(name);
    if (current === undefined) throw new Error(`consistency counter "${name}" is not one of ${this.names.join(', ')}`);
    this.counts.set(name, current + by);
  }

  get(name: N): number {
    return this.counts.get(name) ?? 0;
  }

  /** Every counter, in the order of `names`. */
  snapshot(): Record<N, number> {
    return Object.fromEntries(this.names.map((name) => [name, this.get(name)])) as Record<N, number>;
  }
}
