import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SingleLine } from '@support/platform';
import type { CalendarDefinition, EscalationLadder, SlaMetric, TicketPriority } from '@support/domain-sla';
import { IsInt, IsNumber, IsObject, IsOptional, IsString, Length, Min } from 'class-validator';

/**
 * A new version of a policy. The nested parts are checked by the domain's `validateSlaPolicy`,
 * which names every bad field (`targets.first_response.urgent: ...`); what is left out falls
 * back to the defaults.
 */
export class PutPolicyDto {
  @ApiPropertyOptional({ description: 'when sent, must equal the id in the path' })
  @IsOptional()
  @IsString()
  id?: string;

  @ApiPropertyOptional({ description: 'the version this edit was based on; a newer stored version answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @SingleLine()
  name: string;

  @ApiPropertyOptional({
    description:
      'ISO-8601 targets per metric and priority, e.g. {"resolution": {"urgent": "PT8H"}}; metrics left out get no clock. ' +
      "first_response targets are a fallback only: the customer's plan owns first-response commitments (docs/adr/0003), and a " +
      'plan check that carries a target always wins; each clock says which set its target (targetSource)',
    example: { first_response: { urgent: 'PT1H', high: 'PT4H', normal: 'PT24H', low: 'PT24H' }, next_reply: {}, resolution: {} },
  })
  @IsOptional()
  @IsObject()
  targets?: Partial<Record<SlaMetric, Partial<Record<TicketPriority, string>>>>;

  @ApiPropertyOptional({ description: 'fraction of the target at which a warning is raised, between 0 and 1', example: 0.75 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  warningAt?: number;

  @ApiPropertyOptional({
    description: 'level n fires afterBreachFractions[n-1] × target after the deadline',
    example: { afterBreachFractions: [0, 0.5] },
  })
  @IsOptional()
  @IsObject()
  escalation?: EscalationLadder;

  @ApiPropertyOptional({
    description: 'ticket statuses that pause each metric',
    example: { first_response: ['pending'], next_reply: [], resolution: [] },
  })
  @IsOptional()
  @IsObject()
  pausedStatuses?: Partial<Record<SlaMetric, string[]>>;

  @ApiPropertyOptional({
    description: '{"kind": "24x7"} or {"kind": "business_hours", "timeZone", "weekly": [{day, start, end}], "holidays": ["YYYY-MM-DD"]}',
    example: { kind: '24x7' },
  })
  @IsOptional()
  @IsObject()
  calendar?: CalendarDefinition;
}
