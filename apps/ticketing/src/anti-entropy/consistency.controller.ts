import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@support/platform';
import { TicketingConsistencyResponse } from './consistency.responses';
import { TicketingConsistencyCounters, TicketRedriver } from './ticket-redriver';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/consistency')
export class ConsistencyController {
  constructor(
    private readonly redriver: TicketRedriver,
    private readonly counters: TicketingConsistencyCounters,
  ) {}

  @Get()
  @Roles('agent', 'admin')
  @ApiOperation({
    summary: 'Anti-entropy: tickets re-driven and tickets stuck now',
    description:
      'counters: what the re-drive sweeps of this replica did since it started (ticketsRedriven, redrivenForDecision, ' +
      'redrivenForClock, lastAttempts, sweeps). stuck: tickets, counted in the database for all replicas, still waiting ' +
      'longer than TICKET_REDRIVE_AFTER_MS for their plan check (awaitingDecision) or, entitled, open and unanswered, ' +
      'for their first-response clock (awaitingClock); exhausted: those whose re-drives are used up and need an operator.',
  })
  @ApiOkResponse({ type: TicketingConsistencyResponse, description: 'counters, stuck tickets, sweep state and settings' })
  @ApiForbiddenResponse({ description: 'customers may not read it' })
  async get(): Promise<TicketingConsistencyResponse> {
    return {
      service: 'ticketing',
      checkedAt: new Date().toISOString(),
      counters: this.counters.snapshot(),
      stuck: await this.redriver.stuck(),
      sweep: this.redriver.sweeping,
      settings: this.redriver.settings,
    };
  }
}
