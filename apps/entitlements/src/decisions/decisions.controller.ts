import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DecisionHistoryResponse } from './decisions.responses';
import { ApiError, Roles } from '@support/platform';
import type { DecisionRecord } from './decision.entity';
import { DecisionsService } from './decisions.service';

function decisionView(d: DecisionRecord) {
  return {
    id: d.id,
    ticketId: d.ticketId,
    accountId: d.accountId,
    requesterId: d.requesterId,
    priority: d.priority,
    status: d.status,
    reason: d.reason,
    message: d.message,
    plan: d.plan,
    planVersion: d.planVersion,
    role: d.role,
    channels: d.channels,
    slaTarget: d.slaTarget,
    slaTargets: d.slaTargets,
    servicePriority: d.servicePriority,
    trigger: d.trigger,
    ticketCreatedAt: d.ticketCreatedAt.toISOString(),
    decidedAt: d.decidedAt.toISOString(),
  };
}

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('v1/decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  /** The ticket's current decision, with the earlier ones it replaced. */
  @Get(':ticketId')
  @Roles('agent', 'admin')
  @ApiOkResponse({ type: DecisionHistoryResponse })
  async get(@Param('ticketId') ticketId: string): Promise<DecisionHistoryResponse> {
    const history = await this.decisions.history(ticketId);
    if (history.length === 0) {
      throw ApiError.notFound('decision for ticket', ticketId);
    }
    return { ...decisionView(history[0]), history: history.map(decisionView) };
  }
}
