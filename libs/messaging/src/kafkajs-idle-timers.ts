/**
 * kafkajs 2.2.4 (its latest release) keeps a 1 ms timer running forever on every broker
 * connection once the connection has answered a request: `RequestQueue.checkPendingRequests`
 * runs after every response and ends by calling `scheduleCheckPendingRequests`, which, with
 * nothing pending and no throttling (`throttledUntil` is -1), computes a negative delay and
 * schedules `checkPendingRequests` again, which Node runs after 1 ms, and so on
 * (tulios/kafkajs#1556, #1704; the fix of #1667 and #1768 was never released).
 *
 * Each service has a consumer, a producer and an admin client over several brokers, so the loop
 * woke an idle service's event loop about 1,700 times a second (`strace -c`: epoll_pwait with
 * timeouts of 0 and 1 ms) and cost it 5–6 % of a core doing nothing; under load the same
 * callbacks take turns between the requests and responses that matter.
 *
 * `stopKafkaJsIdleTimers()` wraps the method once per process: with nothing pending and no
 * throttle in force it schedules nothing, which is what the loop's own callback would find
 * (`checkPendingRequests` sends pending requests only). A request that must wait (too many in
 * flight, or a broker's throttle) is added to `pending` before the method runs, and a response
 * calls `checkPendingRequests` directly, so every path that has something to send still
 * schedules or sends it. Safe for any kafkajs version: a queue without the fields this reads is
 * left to the original method.
 */
interface RequestQueueInternals {
  pending?: unknown;
  throttledUntil?: unknown;
  scheduleCheckPendingRequests(): void;
}

let stopped: boolean | undefined;

/** Installs the fix (idempotent); false when kafkajs has no such queue to fix. */
export function stopKafkaJsIdleTimers(): boolean {
  if (stopped !== undefined) return stopped;
  let queue: { prototype: RequestQueueInternals } | undefined;
  try {
    // kafkajs ships its sources; the queue is not part of its public API
    queue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueueInternals };
  } catch {
    queue = undefined;
  }
  const original = queue?.prototype.scheduleCheckPendingRequests;
  if (!queue || typeof original !== 'function') return (stopped = false);
  queue.prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueueInternals) {
    const { pending, throttledUntil } = this;
    if (Array.isArray(pending) && pending.length === 0 && typeof throttledUntil === 'number' && throttledUntil <= Date.now()) return;
    original.call(this);
  };
  return (stopped = true);
}
