import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, JsonBodyLimit, UuidParamPipe, type Principal } from '@support/platform';
import type { FastifyReply } from 'fastify';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { FORM_JSON_BODY_LIMIT } from './dto/form-rules';
import { ListTicketsQuery } from './dto/list-tickets.query';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import { TicketDetails } from './ticket-details.service';
import { ticketSummary } from './ticket.view';
import { TicketPageResponse, TicketResponse } from './tickets.responses';
import { TicketsService } from './tickets.service';

/** Set on a POST answered from an earlier request with the same Idempotency-Key. */
export const REPLAY_HEADER = 'Idempotent-Replay';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('v1/tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly details: TicketDetails,
  ) {}

  @Post()
  @HttpCode(201)
  @JsonBodyLimit(FORM_JSON_BODY_LIMIT)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a replay with the same key and body returns the first ticket' })
  @ApiCreatedResponse({
    type: TicketResponse,
    description: `the ticket; a replay carries ${REPLAY_HEADER}: true`,
    headers: {
      [REPLAY_HEADER]: {
        description: 'present on a replay of an earlier request with the same Idempotency-Key',
        schema: { type: 'string', enum: ['true'] },
      },
    },
  })
  @ApiResponse({ status: 422, description: 'the Idempotency-Key was used with a different body' })
  @ApiForbiddenResponse({ description: 'a token claim ticketing cannot record (an id longer than a ticket holds)' })
  async file(
    @Body() form: CreateTicketDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketResponse> {
    const { ticket, filing, replayed } = await this.tickets.file(form, principal, correlationId, idempotencyKey);
    if (replayed) reply.header(REPLAY_HEADER, 'true');
    return filing ? this.details.describeNew(ticket, filing) : this.details.describe(ticket, principal);
  }

  @Get()
  @ApiOkResponse({ type: TicketPageResponse, description: 'the tickets the caller may see, newest first unless `order` says otherwise' })
  async list(@Query() query: ListTicketsQuery, @CurrentPrincipal() principal: Principal): Promise<TicketPageResponse> {
    const page = await this.tickets.list(query, principal);
    return { items: page.items.map(ticketSummary), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: TicketResponse })
  async get(@Param('id', UuidParamPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<TicketResponse> {
    return this.details.describeVisible(id, principal);
  }

  @Patch(':id')
  @ApiOkResponse({ type: TicketResponse, description: 'the ticket after the change' })
  @ApiResponse({ status: 409, description: 'an illegal status transition (the allowed ones are listed) or a closed ticket' })
  @ApiForbiddenResponse({
    description:
      'a requester changed a field only agents and admins change, or a token claim ticketing cannot record (an id longer than a ticket holds)',
  })
  async update(
    @Param('id', UuidParamPipe) id: string,
    @Body() change: UpdateTicketDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<TicketResponse> {
    return this.details.describe(await this.tickets.update(id, change, principal, correlationId), principal);
  }
}
