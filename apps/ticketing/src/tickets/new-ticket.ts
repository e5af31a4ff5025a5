import { v7 as uuidv7 } from 'uuid';
import { Ticket } from './ticket.entity';

/** What a requester files: the rest of a new ticket is the same for every one. */
export type FiledTicket = Pick<
  Ticket,
  'accountId' | 'requesterId' | 'subject' | 'description' | 'priority' | 'device' | 'ccEmails' | 'meetingId' | 'occurredAt'
>;

/**
 * A ticket just filed: a time-ordered id, status `new`, no plan check, SLA clock or suggestions
 * shown yet, nobody assigned. Its version is set when it is written (TicketFilings).
 * `expectsSuggestions`: whether the knowledge base's suggestions are owed to it (TICKET_REDRIVE_SUGGESTIONS).
 */
export function newTicket(filed: FiledTicket, { expectsSuggestions }: { expectsSuggestions: boolean }, now = new Date()): Ticket {
  return Object.assign(new Ticket(), {
    id: uuidv7(),
    ...filed,
    status: 'new',
    statusReason: null,
    assigneeId: null,
    solvedAt: null,
    firstRespondedAt: null,
    firstResponseCommentId: null,
    entitlementStatus: 'pending',
    entitlementReason: null,
    entitlementDecidedAt: null,
    slaClockState: null,
    slaFirstResponseDueAt: null,
    slaBreached: false,
    slaEscalationLevel: 0,
    slaUpdatedAt: null,
    awaitingSuggestions: expectsSuggestions,
    createdAt: now,
    updatedAt: now,
  } satisfies Omit<Ticket, 'version'>);
}
