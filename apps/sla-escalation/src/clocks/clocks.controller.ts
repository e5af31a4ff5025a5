import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiError } from '@support/platform';
import { ClocksService } from './clocks.service';

@ApiTags('sla')
@ApiBearerAuth()
@Controller('v1/tickets')
export class ClocksController {
  constructor(private readonly clocks: ClocksService) {}

  /** The ticket's clocks, their states and deadlines, and its escalation level. */
  @Get(':ticketId/sla')
  async get(@Param('ticketId') ticketId: string) {
    const clocks = await this.clocks.forTicket(ticketId);
    if (clocks.length === 0) throw ApiError.notFound('SLA for ticket', ticketId);
    const now = Date.now();
    return {
      ticketId,
      policy: clocks[0].policyId,
      priority: clocks[0].priority,
      escalationLevel: Math.max(...clocks.map((c) => c.escalationLevel)),
      clocks: clocks.map((c) => ({
        id: c.id,
        metric: c.metric,
        state: c.clockState,
        priority: c.priority,
        startedAt: c.startedAt.toISOString(),
        dueAt: c.dueAt?.toISOString() ?? null,
        remainingMs: c.clockState === 'running' && c.dueAt ? c.dueAt.getTime() - now : null,
        stoppedAt: c.stoppedAt?.toISOString() ?? null,
        breachedAt: c.breachedAt?.toISOString() ?? null,
        outcome: c.outcome,
        escalationLevel: c.escalationLevel,
      })),
    };
  }
}
