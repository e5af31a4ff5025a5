import { IsIn, IsISO8601, IsNotEmpty, IsString } from 'class-validator';
import { SLA_METRICS, TICKET_PRIORITIES, type SlaMetric, type TicketPriority } from '../vocabulary';

/** The fields every support.sla event carries about the clock it concerns. */
export abstract class SlaClockFields {
  @IsString() @IsNotEmpty() clockId: string;
  @IsString() @IsNotEmpty() ticketId: string;
  @IsIn(SLA_METRICS) metric: SlaMetric;
  @IsIn(TICKET_PRIORITIES) priority: TicketPriority;
  @IsISO8601({ strict: true }) startedAt: string;
}
