import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntitlementsConsistencyResponse } from './consistency.responses';
import { Roles } from '@support/platform';
import { EntitlementsConsistencyCounters } from './consistency-counters';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/consistency')
export class ConsistencyController {
  constructor(private readonly counters: EntitlementsConsistencyCounters) {}

  @Get()
  @Roles('agent', 'admin')
  @ApiOperation({
    summary: 'Anti-entropy: decisions re-emitted',
    description:
      'counters: what this replica did since it started. decisionsReemitted: support.ticket.created events for tickets ' +
      'decided before (ticketing re-drives tickets that still show no decision or no clock), answered with the recorded ' +
      'decision instead of a new one. Entitlements decides every ticket in the transaction that receives it, so it has ' +
      'nothing stuck of its own; stuck tickets are counted by ticketing and the SLA service.',
  })
  @ApiOkResponse({ type: EntitlementsConsistencyResponse, description: 'counters since the replica started' })
  @ApiForbiddenResponse({ description: 'customers may not read it' })
  get(): EntitlementsConsistencyResponse {
    return { service: 'entitlements', checkedAt: new Date().toISOString(), counters: this.counters.snapshot() };
  }
}
