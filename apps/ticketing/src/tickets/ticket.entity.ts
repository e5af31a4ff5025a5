import type { EntitlementStatus, TicketDevice, TicketPriority, TicketStatus } from '@support/contracts';
import { storedInstant } from '@support/persistence';
import { Column, Entity, Index, PrimaryColumn, VersionColumn, type ValueTransformer } from 'typeorm';

/** A ticket's status after which nothing is owed on it: an entitled ticket like that needs no clock. */
export const FINISHED_STATUSES: readonly TicketStatus[] = ['solved', 'closed', 'rejected'];

/**
 * `awaiting_since`: the ticket's `created_at` while something is owed to it, else NULL. Owed: its
 * plan check (still pending); its first-response clock (entitled, without a clock, unanswered and
 * open); the knowledge base's suggestions (`awaiting_suggestions`). The anti-entropy sweeps read
 * the range of its index and tell the reasons apart on the rows (TicketRedriver).
 */
export const AWAITING_SINCE_EXPRESSION = `IF(entitlement_status = 'pending'
    OR (entitlement_status = 'entitled' AND sla_clock_state = '' AND first_responded_at IS NULL
        AND status NOT IN (${FINISHED_STATUSES.map((status) => `'${status}'`).join(', ')}))
    OR awaiting_suggestions,
  created_at, NULL)`;

/**
 * What a NOT NULL time column of the ticket holds for "none": the SLA and plan check columns are
 * written in place, so "no clock yet" or "not decided" must take the room a time takes
 * (SlaClockInPlace1765500000000, PlanCheckInPlace1765600000000). The entity reads it as null and
 * writes null as it.
 */
export const NO_TIME = '1000-01-01 00:00:00.000';
const NO_TIME_MS = storedInstant(NO_TIME).getTime();

/** null ⇄ NO_TIME, for a NOT NULL DATETIME that stands for an optional time (undefined, a value not written, stays so) */
const optionalTime: ValueTransformer = {
  to: (value: unknown) => (value === null ? new Date(NO_TIME_MS) : value),
  from: (value: Date | null | undefined) => (value == null || value.getTime() === NO_TIME_MS ? null : value),
};
/** null ⇄ '', for a fixed-length CHAR that stands for an optional text (`sla_clock_state`: no clock yet; `entitlement_reason`: not decided) */
const optionalText: ValueTransformer = {
  to: (value: unknown) => (value === null ? '' : value),
  from: (value: string | null | undefined) => (value == null || value === '' ? null : value),
};

@Entity('ticket')
@Index('idx_ticket_requester', ['requesterId', 'id'])
@Index('idx_ticket_account', ['accountId', 'id'])
@Index('idx_ticket_status', ['status', 'id'])
@Index('idx_ticket_assignee', ['assigneeId', 'id'])
/** anti-entropy: tickets still owed their plan check, first-response clock or suggestions, oldest first */
@Index('idx_ticket_awaiting_since', ['awaitingSince'])
export class Ticket {
  /** UUIDv7: time-ordered, so "newest first" is an index scan and cursors are stable */
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ name: 'account_id', type: 'varchar', length: 64, nullable: true }) accountId: string | null;
  @Column({ name: 'requester_id', type: 'varchar', length: 128 }) requesterId: string;
  @Column({ type: 'varchar', length: 255 }) subject: string;
  @Column({ type: 'mediumtext' }) description: string;
  @Column({ type: 'varchar', length: 16 }) priority: TicketPriority;
  @Column({ type: 'varchar', length: 16 }) device: TicketDevice;
  @Column({ name: 'cc_emails', type: 'json' }) ccEmails: string[];
  @Column({ name: 'meeting_id', type: 'varchar', length: 16, nullable: true }) meetingId: string | null;
  @Column({ name: 'occurred_at', type: 'datetime', precision: 3, nullable: true }) occurredAt: Date | null;
  @Column({ type: 'varchar', length: 16 }) status: TicketStatus;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason: string | null;
  @Column({ name: 'assignee_id', type: 'varchar', length: 128, nullable: true }) assigneeId: string | null;
  /** start of the requester's reopen window; cleared when the ticket is reopened */
  @Column({ name: 'solved_at', type: 'datetime', precision: 3, nullable: true }) solvedAt: Date | null;
  /** set once, by the first public reply of an agent; guards support.ticket.first_responded */
  @Column({ name: 'first_responded_at', type: 'datetime', precision: 3, nullable: true }) firstRespondedAt: Date | null;
  @Column({ name: 'first_response_comment_id', type: 'char', length: 36, nullable: true }) firstResponseCommentId: string | null;
  /**
   * TRUE while the knowledge base's suggestions are owed to the ticket; FALSE once a set arrived
   * (kept in `ticket_suggestions`: TicketSuggestions) or where ticketing runs without the knowledge
   * base (TICKET_REDRIVE_SUGGESTIONS=false when it was filed). It only ever goes from TRUE to
   * FALSE, in place: the list itself would make the row longer, and InnoDB move it.
   */
  @Column({ name: 'awaiting_suggestions', type: 'boolean', default: true }) awaitingSuggestions: boolean;

  /**
   * the plan check's fixed-length parts, written in place when it arrives (PlanCheckInPlace1765600000000):
   * `'pending'` until then, the reason `''` and the time NO_TIME, read and written here as null. The
   * message, plan and channels, which only the ticket's page shows, are in `ticket_plan_check`
   * (TicketPlanCheck).
   */
  @Column({ name: 'entitlement_status', type: 'char', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  entitlementStatus: EntitlementStatus | 'pending';
  @Column({ name: 'entitlement_reason', type: 'char', length: 64, transformer: optionalText }) entitlementReason: string | null;
  @Column({ name: 'entitlement_decided_at', type: 'datetime', precision: 3, transformer: optionalTime })
  entitlementDecidedAt: Date | null;

  /**
   * the SLA columns keep their length from filing on, so showing the clock rewrites them in place
   * (SlaClockInPlace1765500000000): the state is `''` and the times NO_TIME while there is no clock,
   * read and written here as null
   */
  @Column({ name: 'sla_clock_state', type: 'char', length: 16, charset: 'ascii', collation: 'ascii_bin', transformer: optionalText })
  slaClockState: string | null;
  @Column({ name: 'sla_first_response_due_at', type: 'datetime', precision: 3, transformer: optionalTime })
  slaFirstResponseDueAt: Date | null;
  @Column({ name: 'sla_breached', type: 'boolean', default: false }) slaBreached: boolean;
  @Column({ name: 'sla_escalation_level', type: 'int', default: 0 }) slaEscalationLevel: number;
  /** time of the last support.sla event applied, so an older one arriving late changes nothing */
  @Column({ name: 'sla_updated_at', type: 'datetime', precision: 3, transformer: optionalTime }) slaUpdatedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @VersionColumn() version: number;

  /** see AWAITING_SINCE_EXPRESSION: computed by the database, never written */
  @Column({
    name: 'awaiting_since',
    type: 'datetime',
    precision: 3,
    nullable: true,
    generatedType: 'VIRTUAL',
    asExpression: AWAITING_SINCE_EXPRESSION,
    insert: false,
    update: false,
    select: false,
  })
  awaitingSince?: Date | null;
}
