/**
 * The consumers' own account of their transactions (`support_consumer_transaction_seconds` and
 * `_events` on each service's /metrics), read before and after a step: how many transactions each
 * consumer ran, how many events each was given, and how long each took from parsing the fetched
 * messages to the commit. A consumer that falls behind shows here: few events per transaction
 * means little arrives while its last transaction runs, many milliseconds per transaction that it
 * waits (for the database, for row locks, or for its own busy event loop).
 */

import { parseMetricsText } from '@support/testing-core';

export interface TransactionTotals {
  /** "consumer group (topic)" */
  consumer: string;
  transactions: number;
  events: number;
  seconds: number;
}

const PART = /^support_consumer_transaction_(seconds|events)_(sum|count)$/;

/** The running totals in one Prometheus text exposition, by consumer and topic. */
export function parseTransactionTotals(exposition: string): TransactionTotals[] {
  const totals = new Map<string, TransactionTotals>();
  for (const sample of parseMetricsText(exposition)) {
    const part = PART.exec(sample.name);
    if (!part) continue;
    const consumer = `${sample.labels['consumer']} (${sample.labels['topic']})`;
    const entry = totals.get(consumer) ?? { consumer, transactions: 0, events: 0, seconds: 0 };
    totals.set(consumer, entry);
    const [, metric, kind] = part;
    if (metric === 'seconds' && kind === 'sum') entry.seconds = sample.value;
    else if (metric === 'events' && kind === 'sum') entry.events = sample.value;
    else if (metric === 'seconds' && kind === 'count') entry.transactions = sample.value;
  }
  return [...totals.values()];
}

/** Every service's totals now (a service that does not answer counts as none). */
export async function readTransactionTotals(serviceUrls: readonly string[]): Promise<TransactionTotals[]> {
  const expositions = await Promise.all(
    serviceUrls.map((url) =>
      fetch(new URL('/metrics', url))
        .then((response) => (response.ok ? response.text() : ''))
        .catch(() => ''),
    ),
  );
  return expositions.flatMap(parseTransactionTotals);
}

/** What happened between two readings, per consumer and topic. */
export function transactionsBetween(before: readonly TransactionTotals[], after: readonly TransactionTotals[]): TransactionTotals[] {
  const earlier = new Map(before.map((entry) => [entry.consumer, entry]));
  return after.map((entry) => {
    const was = earlier.get(entry.consumer);
    return {
      consumer: entry.consumer,
      transactions: entry.transactions - (was?.transactions ?? 0),
      events: entry.events - (was?.events ?? 0),
      seconds: entry.seconds - (was?.seconds ?? 0),
    };
  });
}
