/**
 * Polls GET /v1/tickets/:id for a sample of the filed tickets until the page shows what the
 * pipeline adds (the plan decision and the SLA deadline): when a customer would see it.
 *
 * The first poll waits for the ticket's clock_started to reach the bench's own listener (`gate`):
 * no page can show a deadline before the SLA service has started the clock, so polling earlier
 * only loads the platform being measured. Gating never flatters the figure: a page that showed
 * the deadline before the listener heard of the clock is counted from the later poll.
 */
import http from 'node:http';
import { nowMs } from '../stats';

export interface VisibilitySample {
  ticketId: string;
  scheduledAt: number;
  /** epoch ms of the answer that first showed decision and deadline; null if never within the wait */
  visibleAt: number | null;
  /**
   * epoch ms at which the last GET whose answer did not show them yet was sent: the page became
   * visible after this (the server read the ticket later). null while no answer has said "not yet";
   * then nothing is known before the first GET, and the floor is the POST's scheduled time.
   */
  hiddenAt: number | null;
}

/**
 * How much a sampled ticket's visible time is bounded from below: the send time of its last GET
 * that did not show it, else its scheduled time. The true time lies between this and visibleAt,
 * so the p99 of these floors is a lower bound of the true p99 as the p99 of visibleAt is an upper
 * one: the distance between the two is what the polling's resolution leaves open.
 */
export function visibleFloorMs(sample: VisibilitySample): number {
  return (sample.hiddenAt ?? sample.scheduledAt) - sample.scheduledAt;
}

/**
 * GETs per second the sampler allows itself in all. Without a budget its load grew with the
 * latency it measures: at 200 tickets/s, tickets that took seconds to show their deadline were
 * polled 155 times a second in all (0.8 GETs per ticket filed), which slowed the platform further.
 */
export const GET_BUDGET_PER_SECOND = 50;

/**
 * Poll every 100 ms while young; later every 5 % of the ticket's age (resolution stays ≤ 5 %);
 * never more often, all polling tickets together, than the budget allows.
 */
const pollDelay = (ageMs: number, polling: number) => Math.max(100, Math.min(2000, ageMs * 0.05), (polling / GET_BUDGET_PER_SECOND) * 1000);

export class VisibilitySampler {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly samples: VisibilitySample[] = [];
  private pending = new Set<VisibilitySample>();
  /** pending samples past their gate: the ones being polled */
  private polling = new Set<VisibilitySample>();
  private timers = new Set<NodeJS.Timeout>();
  /** GET requests sent (their SQL is part of the server-wide counters) */
  requests = 0;

  constructor(
    private readonly ticketingUrl: string,
    private readonly tokens: string[],
    /** calls `start` when the ticket may first be visible (ClockListener.whenStarted) */
    private readonly gate: (ticketId: string, start: () => void) => void,
  ) {}

  track(ticketId: string, scheduledAt: number, tokenIndex: number): void {
    const sample: VisibilitySample = { ticketId, scheduledAt, visibleAt: null, hiddenAt: null };
    this.samples.push(sample);
    this.pending.add(sample);
    this.gate(ticketId, () => this.poll(sample, this.tokens[tokenIndex]));
  }

  /** true when every tracked ticket has been seen complete */
  settled(): boolean {
    return this.pending.size === 0;
  }

  visibleCount(): number {
    return this.samples.filter((sample) => sample.visibleAt !== null).length;
  }

  /** Stops polling and hands over this step's samples. */
  takeSamples(): VisibilitySample[] {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
    this.polling.clear();
    return this.samples.splice(0);
  }

  close(): void {
    this.takeSamples();
    this.agent.destroy();
  }

  private poll(sample: VisibilitySample, token: string): void {
    if (!this.pending.has(sample)) return;
    this.polling.add(sample);
    this.requests++;
    const sentAt = nowMs();
    const request = http.get(
      new URL(`/v1/tickets/${sample.ticketId}`, this.ticketingUrl),
      { agent: this.agent, headers: { authorization: `Bearer ${token}` } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const answeredAt = nowMs();
          if (response.statusCode === 200) {
            try {
              const ticket = JSON.parse(Buffer.concat(chunks).toString()) as {
                entitlement?: { decidedAt?: string | null };
                sla?: { firstResponseDueAt?: string | null };
              };
              if (ticket.entitlement?.decidedAt && ticket.sla?.firstResponseDueAt) {
                sample.visibleAt = answeredAt;
                this.pending.delete(sample);
                this.polling.delete(sample);
                return;
              }
              // read after sentAt and not showing them: the page became visible later
              sample.hiddenAt = sentAt;
            } catch {
              // a torn answer: ask again
            }
          }
          this.again(sample, token);
        });
        response.on('error', () => this.again(sample, token));
      },
    );
    request.on('error', () => this.again(sample, token));
  }

  private again(sample: VisibilitySample, token: string): void {
    if (!this.pending.has(sample)) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.poll(sample, token);
      },
      pollDelay(nowMs() - sample.scheduledAt, this.polling.size),
    );
    this.timers.add(timer);
  }
}
