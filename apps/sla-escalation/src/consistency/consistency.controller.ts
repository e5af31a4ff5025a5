import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SlaConsistencyResponse } from './consistency.responses';
import { Roles } from '@support/platform';
import { SlaTimeSource } from '../time-source';
import { ClockRepairSweep } from './clock-repair.sweep';
import { SlaConsistencyCounters } from '../clocks/sla-consistency-counters';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/consistency')
export class ConsistencyController {
  constructor(
    private readonly sweep: ClockRepairSweep,
    private readonly counters: SlaConsistencyCounters,
    private readonly time: SlaTimeSource,
  ) {}

  @Get()
  @Roles('agent', 'admin')
  @ApiOperation({
    summary: 'Anti-entropy: clocks repaired and decisions waiting to be checked',
    description:
      'counters: what this replica did since it started (repeatDecisions, clocksRepaired, ticketsRepaired, ' +
      'clocksReannounced, decisionsChecked, sweeps). stuck, counted in the database for all replicas: awaitingCheck, ' +
      'entitled decisions older than SLA_CLOCK_REPAIR_AFTER_MS the sweep has not checked yet; checkedWithoutClockLastDay, ' +
      'entitled decisions it checked in the last day that still have no first-response clock because none was owed ' +
      '(answered or closed before the deadline applied, or no target for the priority).',
  })
  @ApiOkResponse({ type: SlaConsistencyResponse, description: 'counters, decisions waiting, sweep state and settings' })
  @ApiForbiddenResponse({ description: 'customers may not read it' })
  async get(): Promise<SlaConsistencyResponse> {
    return {
      service: 'sla-escalation',
      checkedAt: this.time.now().toISOString(),
      counters: this.counters.snapshot(),
      stuck: await this.sweep.unchecked(),
      sweep: this.sweep.sweeping,
      settings: this.sweep.settings,
    };
  }
}
