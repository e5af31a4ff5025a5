import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TicketSlaResponse } from './clocks.responses';
import { ApiError, CurrentPrincipal, isOwnedBy, isStaff, type Principal } from '@support/platform';
import { PolicyCatalogService } from '../policies/policy-catalog.service';
import { SlaTimeSource } from '../time-source';
import { clockView } from './clock.view';
import { ClocksService } from './clocks.service';
import { TicketIdPipe } from './ticket-id.pipe';

@ApiTags('sla')
@ApiBearerAuth()
@Controller('v1/tickets')
export class ClocksController {
  constructor(
    private readonly clocks: ClocksService,
    private readonly policies: PolicyCatalogService,
    private readonly time: SlaTimeSource,
  ) {}

  /**
   * The ticket's clocks (every metric and cycle), their states, deadlines and remaining times,
   * and its escalation level. Customers see only the tickets they filed in the account they act
   * for; anyone else's is "not found", so ticket ids leak nothing.
   */
  @Get(':ticketId/sla')
  @ApiOkResponse({ type: TicketSlaResponse })
  async get(@Param('ticketId', TicketIdPipe) ticketId: string, @CurrentPrincipal() principal: Principal): Promise<TicketSlaResponse> {
    const { ticket, clocks } = await this.clocks.forTicket(ticketId);
    const visible =
      isStaff(principal) || (ticket !== null && isOwnedBy({ accountId: ticket.accountId, userId: ticket.requesterId }, principal));
    if (clocks.length === 0 || !visible) throw ApiError.notFound('SLA for ticket', ticketId);
    const now = this.time.now();
    const views = await Promise.all(
      clocks.map(async (record) => clockView(record, await this.policies.atVersion(record.policyId, record.policyVersion), now)),
    );
    const latest = clocks[clocks.length - 1];
    return {
      ticketId,
      policy: latest.policyId,
      policyVersion: latest.policyVersion,
      priority: ticket?.priority ?? ticket?.decisionPriority ?? latest.priority,
      escalationLevel: Math.max(...clocks.map((c) => c.escalationLevel)),
      breached: clocks.some((c) => c.breachedAt !== null),
      clocks: views,
    };
  }
}
