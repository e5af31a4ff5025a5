/**
 * Where the time of a ticket's way to its SLA clock goes, as far as the bench can see it from
 * outside: the generator's answer, the clock_started event's envelope and Kafka message, and its
 * arrival at the bench's listener.
 */

/** Where a first clock_started was on its way: epoch ms of each point its envelope and message carry. */
export interface ClockPath {
  /**
   * when entitlements wrote the plan check that caused the clock (the time in its event id, a
   * UUID v7, which the clock_started carries as its causation id); null if that id is no v7
   */
  checkedAt: number | null;
  /** the event's CloudEvents `time`: when the SLA service wrote it to its outbox, in the transaction that started the clock */
  writtenAt: number;
  /** the Kafka message's timestamp: when the SLA service's outbox relay sent it (kafkajs stamps each message it sends) */
  sentAt: number;
}

/** ms spent by each ticket of a step in each part of its way to the bench's listener (clockPathOf) */
export interface ClockPathTimes {
  /** scheduled send → POST answered: the filing */
  answered: number[];
  /** POST answered → plan check written: ticketing's relay, the broker, entitlements' consumer */
  checked: number[];
  /** plan check written → clock_started written: the rest of entitlements' transaction, its relay, the broker, the SLA service's consumer */
  written: number[];
  /** written → sent: the rest of the SLA service's transaction, its relay's wait and claim */
  sent: number[];
  /** sent → received: the broker and the bench's listener */
  received: number[];
}

/**
 * Cuts each accepted ticket's way to its clock_started where the bench can see it: the POST's
 * answer (the generator's record), the plan check's write (uuidV7Time of the causation id), the
 * clock_started's write and send (its envelope's time, its message's timestamp: ClockPath), its
 * arrival. Tickets without a clock, a path or a v7 cause are left out, so every part counts the
 * same tickets; the clocks of the services and the bench are one machine's.
 */
export function clockPathOf(
  accepted: ReadonlyArray<{ ticketId: string; scheduledAt: number; answeredAt: number }>,
  receivedAt: ReadonlyMap<string, number>,
  paths: ReadonlyMap<string, ClockPath>,
): ClockPathTimes {
  const times: ClockPathTimes = { answered: [], checked: [], written: [], sent: [], received: [] };
  for (const ticket of accepted) {
    const received = receivedAt.get(ticket.ticketId);
    const path = paths.get(ticket.ticketId);
    if (received === undefined || !path || path.checkedAt === null) continue;
    times.answered.push(ticket.answeredAt - ticket.scheduledAt);
    times.checked.push(path.checkedAt - ticket.answeredAt);
    times.written.push(path.writtenAt - path.checkedAt);
    times.sent.push(path.sentAt - path.writtenAt);
    times.received.push(received - path.sentAt);
  }
  return times;
}

/** The unix time in ms a UUID v7 carries in its first 48 bits; null for any other string. */
export function uuidV7Time(id: string | undefined): number | null {
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(id)) return null;
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
