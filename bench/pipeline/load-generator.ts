/**
 * The load generator: a process of its own (forked by the pipeline bench) so that its work never
 * delays the bench's own timers and listeners. It files tickets on a fixed schedule, open loop:
 * a slow answer never postpones the next request, and each latency counts from the request's
 * scheduled time, so a stall shows up in full (no coordinated omission).
 */
import http from 'node:http';
import type { FromGenerator, LoadStep, RequestRecord, ToGenerator } from './load-protocol';

const nowMs = () => performance.timeOrigin + performance.now();
const send = (message: FromGenerator) => {
  // forked with an IPC channel; without one (started by hand) there is nobody to tell
  if (process.send) process.send(message);
};

const SUBJECTS = [
  ['Echo in every meeting', 'Participants hear an echo in meeting 123 456 789 whenever two people speak.'],
  ['Cannot share my screen', 'Screen sharing stays black for the other participants since this morning.'],
  ['Invoice shows the wrong plan', 'Our last invoice lists the Basic plan although we upgraded to Pro.'],
  ['Microphone not detected', 'The desktop app says no microphone was found, other apps can use it.'],
  ['Recording missing after webinar', "The cloud recording of yesterday's webinar never appeared in the list."],
];

function runStep(step: LoadStep): Promise<RequestRecord[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: step.maxSockets, maxFreeSockets: step.maxSockets });
  const url = new URL('/v1/tickets', step.ticketingUrl);
  const total = Math.round((step.rate * step.durationMs) / 1000);
  const interval = 1000 / step.rate;
  const records: RequestRecord[] = new Array(total);
  let sent = 0;
  let answered = 0;
  let accepted = 0;

  return new Promise((resolve) => {
    const finish = (index: number, record: RequestRecord) => {
      records[index] = record;
      if (++answered === total) {
        agent.destroy();
        resolve(records);
      }
    };

    const fire = (index: number) => {
      const scheduledAt = step.startAt + index * interval;
      const tokenIndex = index % step.tokens.length;
      const [subject, description] = SUBJECTS[index % SUBJECTS.length];
      const body = JSON.stringify({ subject: `${subject} (${index})`, description, priority: 'urgent', device: 'desktop' });
      const sentAt = nowMs();
      let settled = false;
      const settle = (status: number, ticketId: string | null, error: string | null) => {
        if (settled) return;
        settled = true;
        finish(index, [scheduledAt, sentAt, nowMs(), status, ticketId, error]);
      };
      const request = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            authorization: `Bearer ${step.tokens[tokenIndex]}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => settle(response.statusCode ?? 0, null, error.message));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            let ticketId: string | null = null;
            if (status >= 200 && status < 300) {
              try {
                ticketId = (JSON.parse(Buffer.concat(chunks).toString()) as { id?: string }).id ?? null;
              } catch {
                // counted as an answer without a ticket below
              }
              if (ticketId && accepted++ % step.sampleEvery === 0) send({ type: 'sample', ticketId, scheduledAt, tokenIndex });
            }
            settle(status, ticketId, ticketId || status >= 300 ? null : 'no ticket id in the answer');
          });
        },
      );
      // the timeout runs from the scheduled time: a request stuck in the agent's queue counts too
      const timer = setTimeout(
        () => {
          request.destroy(new Error('timeout'));
          settle(0, null, 'timeout');
        },
        Math.max(1, scheduledAt + step.timeoutMs - nowMs()),
      );
      request.on('close', () => clearTimeout(timer));
      request.on('error', (error) => settle(0, null, error.message));
      request.end(body);
    };

    const tick = () => {
      const now = nowMs();
      while (sent < total && step.startAt + sent * interval <= now) fire(sent++);
      if (sent < total) setTimeout(tick, Math.min(5, Math.max(0, step.startAt + sent * interval - nowMs())));
    };
    if (total === 0) resolve([]);
    else setTimeout(tick, Math.max(0, step.startAt - nowMs()));
  });
}

process.on('message', (message: ToGenerator) => {
  if (message.type === 'exit') process.exit(0);
  if (message.type === 'run') void runStep(message.step).then((records) => send({ type: 'done', records }));
});
// the bench went away (even by SIGKILL): nothing left to do
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
