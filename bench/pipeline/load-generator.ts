/**
 * The load generator: a process of its own (forked by the pipeline bench) so that its work never
 * delays the bench's own timers and listeners. It files tickets on a fixed schedule, open loop:
 * a slow answer never postpones the next request, and each latency counts from the request's
 * scheduled time, so a stall shows up in full (no coordinated omission).
 */
import { nowMs } from '../stats';
import { Http1Pool } from './http1-client';
import { PIPELINE_TICKETS, type FromGenerator, type LoadStep, type RequestRecord, type ToGenerator } from './load-protocol';

const send = (message: FromGenerator) => {
  // forked with an IPC channel; without one (started by hand) there is nobody to tell
  if (process.send) process.send(message);
};

/** The ticket id of a 201's body: its first field (ticketView), else whatever JSON.parse finds. */
function ticketIdOf(body: string): string | null {
  const prefix = '{"id":"';
  if (body.startsWith(prefix)) {
    const end = body.indexOf('"', prefix.length);
    if (end > prefix.length) return body.slice(prefix.length, end);
  }
  try {
    return (JSON.parse(body) as { id?: string }).id ?? null;
  } catch {
    return null; // counted as an answer without a ticket
  }
}

function runStep(step: LoadStep): Promise<RequestRecord[]> {
  const url = new URL('/v1/tickets', step.ticketingUrl);
  const client = new Http1Pool(url, step.maxSockets);
  const headers = step.tokens.map((token) => `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\n`);
  const total = Math.round((step.rate * step.durationMs) / 1000);
  const interval = 1000 / step.rate;
  const records: RequestRecord[] = new Array(total);
  // requests not answered yet, by index, each with what gives up on it: one sweep times them out
  const open = new Map<number, () => void>();
  let sent = 0;
  let answered = 0;
  let accepted = 0;
  let sweeper: NodeJS.Timeout | undefined;

  return new Promise((resolve) => {
    const finish = (index: number, record: RequestRecord) => {
      records[index] = record;
      open.delete(index);
      if (++answered === total) {
        clearInterval(sweeper);
        client.destroy();
        resolve(records);
      }
    };

    const fire = (index: number) => {
      const scheduledAt = step.startAt + index * interval;
      const tokenIndex = index % step.tokens.length;
      const [subject, description] = PIPELINE_TICKETS[index % PIPELINE_TICKETS.length];
      const body = JSON.stringify({ subject: `${subject} (${index})`, description, priority: 'urgent', device: 'desktop' });
      const sentAt = nowMs();
      let settled = false;
      const settle = (status: number, ticketId: string | null, error: string | null, writtenAt: number | null) => {
        if (settled) return;
        settled = true;
        finish(index, [scheduledAt, sentAt, nowMs(), status, ticketId, error, writtenAt]);
      };
      const giveUp = client.request('POST', url.pathname, headers[tokenIndex], body, (error, answer) => {
        if (error || !answer) return settle(0, null, error?.message ?? 'no answer', null);
        const status = answer.status;
        let ticketId: string | null = null;
        if (status >= 200 && status < 300) {
          ticketId = ticketIdOf(answer.body);
          if (ticketId && accepted++ % step.sampleEvery === 0) send({ type: 'sample', ticketId, scheduledAt, tokenIndex });
        }
        settle(status, ticketId, ticketId || status >= 300 ? null : 'no ticket id in the answer', answer.writtenAt);
      });
      if (!settled) open.set(index, giveUp);
    };

    // the timeout runs from the scheduled time: a request still queued for a socket counts too
    sweeper = setInterval(() => {
      const now = nowMs();
      for (const [index, giveUp] of open) {
        if (step.startAt + index * interval + step.timeoutMs > now) break; // in schedule order
        giveUp();
      }
    }, 50);

    const tick = () => {
      const now = nowMs();
      while (sent < total && step.startAt + sent * interval <= now) fire(sent++);
      if (sent < total) setTimeout(tick, Math.min(5, Math.max(0, step.startAt + sent * interval - nowMs())));
    };
    if (total === 0) {
      clearInterval(sweeper);
      client.destroy();
      resolve([]);
    } else setTimeout(tick, Math.max(0, step.startAt - nowMs()));
  });
}

process.on('message', (message: ToGenerator) => {
  if (message.type === 'exit') process.exit(0);
  if (message.type === 'run') void runStep(message.step).then((records) => send({ type: 'done', records }));
});
// the bench went away (even by SIGKILL): nothing left to do
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
