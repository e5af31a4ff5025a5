/**
 * The consumers' own account of their transactions (`support_consumer_transaction_seconds` and
 * `_events` on each service's /metrics), read before and after a step: how many transactions each
 * consumer ran, how many events each was given, and how long each took from parsing the fetched
 * messages to the commit. A consumer that falls behind shows here: few events per transaction
 * means its fetches bring little, many milliseconds per transaction that it waits (for the
 * database, for row locks, or for its own busy event loop).
 */

export interface TransactionTotals {
  /** consumer group name */
  consumer: string;
  topic: string;
  transactions: number;
  events: number;
  seconds: number;
}

const SAMPLE = /^support_consumer_transaction_(seconds|events)_(sum|count)\{([^}]*)\} (\S+)$/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** The running totals in one Prometheus text exposition, by consumer and topic. */
export function parseTransactionTotals(exposition: string): TransactionTotals[] {
  const totals = new Map<string, TransactionTotals>();
  for (const line of exposition.split('\n')) {
    const match = SAMPLE.exec(line);
    if (!match) continue;
    const [, metric, part, labelText, value] = match;
    const labels = Object.fromEntries([...labelText.matchAll(LABEL)].map(([, name, text]) => [name, text]));
    const key = `${labels['consumer']}\u0000${labels['topic']}`;
    const entry = totals.get(key) ?? {
      consumer: labels['consumer'] ?? '',
      topic: labels['topic'] ?? '',
      transactions: 0,
      events: 0,
      seconds: 0,
    };
    totals.set(key, entry);
    if (metric === 'seconds' && part === 'sum') entry.seconds = Number(value);
    else if (metric === 'events' && part === 'sum') entry.events = Number(value);
    else if (metric === 'seconds' && part === 'count') entry.transactions = Number(value);
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
  const earlier = new Map(before.map((entry) => [`${entry.consumer}\u0000${entry.topic}`, entry]));
  return after.map((entry) => {
    const was = earlier.get(`${entry.consumer}\u0000${entry.topic}`);
    return {
      consumer: entry.consumer,
      topic: entry.topic,
      transactions: entry.transactions - (was?.transactions ?? 0),
      events: entry.events - (was?.events ?? 0),
      seconds: entry.seconds - (was?.seconds ?? 0),
    };
  });
}
