/**
 * A ticket load as a well-behaved client makes it: tickets filed at a steady rate, each with its
 * own Idempotency-Key, and retried with the same key (and body) while the platform does not
 * answer or answers 5xx/429/409, as the contract allows. So a ticket the platform committed but
 * could not acknowledge is never filed twice, and "accepted" means a 201 the client received.
 */
export interface LoadResult {
  /** tickets the client tried to file */
  submitted: number;
  /** Idempotency-Key → ticket id, for every 201 received */
  accepted: Map<string, string>;
  /** keys whose retries answered with two different ticket ids (a duplicate the client saw) */
  conflictingAnswers: string[];
  /** keys never acknowledged before the retry deadline */
  unacknowledged: string[];
  /** keys refused with a 4xx other than 409/429 (the load is valid: this is a defect) */
  refused: string[];
  /** requests made (first tries and retries) */
  attempts: number;
  /** answers and errors that led to a retry, by status or error code */
  retried: Map<string, number>;
}

export class TicketLoad {
  private readonly result: LoadResult = {
    submitted: 0,
    accepted: new Map(),
    conflictingAnswers: [],
    unacknowledged: [],
    refused: [],
    attempts: 0,
    retried: new Map(),
  };
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private retryUntil = Infinity;
  private next = 0;

  /**
   * @param subjectPrefix every subject starts with it (the case's tickets are found by it)
   * @param targets the ticketing replicas' URLs, taken round robin (read on each try)
   */
  constructor(
    readonly subjectPrefix: string,
    private readonly targets: () => string[],
    private readonly tokens: string[],
    private readonly perSecond = 10,
  ) {}

  start(): this {
    this.timer = setInterval(() => this.fileOne(), 1000 / this.perSecond);
    return this;
  }

  get submitted(): number {
    return this.result.submitted;
  }

  get acceptedCount(): number {
    return this.result.accepted.size;
  }

  /** Waits until `count` tickets were acknowledged (or two minutes passed); returns how many were. */
  async waitForAccepted(count: number, timeoutMs = 120_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.acceptedCount < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    return this.acceptedCount;
  }

  /** Stops filing new tickets, keeps retrying the pending ones up to `retryForMs`, and reports. */
  async stop(retryForMs = 120_000): Promise<LoadResult> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.retryUntil = Date.now() + retryForMs;
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
    return this.result;
  }

  private fileOne(): void {
    const index = this.next++;
    this.result.submitted += 1;
    const key = `${this.subjectPrefix.replace(/\W+/g, '-')}-${index}`;
    const body = JSON.stringify({
      subject: `${this.subjectPrefix} #${index}`,
      description: `Meeting ${100 + (index % 900)} 456 789 drops every participant after a minute (${key}).`,
      priority: 'urgent',
      device: 'desktop',
    });
    const token = this.tokens[index % this.tokens.length];
    const work = this.submit(key, body, token, index).finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private async submit(key: string, body: string, token: string, index: number): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const targets = this.targets();
      const url = targets[(index + attempt) % targets.length];
      this.result.attempts += 1;
      let reason: string;
      try {
        const response = await fetch(`${url}/v1/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        if (response.status === 201 || response.status === 200) {
          const id = (JSON.parse(text) as { id: string }).id;
          const earlier = this.result.accepted.get(key);
          if (earlier && earlier !== id) this.result.conflictingAnswers.push(key);
          this.result.accepted.set(key, id);
          return;
        }
        if (response.status < 500 && response.status !== 409 && response.status !== 429) {
          this.result.refused.push(`${key}: ${response.status} ${text.slice(0, 200)}`);
          return;
        }
        reason = String(response.status);
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        reason = cause?.code ?? (error as Error).name;
      }
      this.result.retried.set(reason, (this.result.retried.get(reason) ?? 0) + 1);
      if (Date.now() > this.retryUntil) {
        this.result.unacknowledged.push(key);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 200 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random() / 2)));
    }
  }
}
