import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, type Principal } from '@support/platform';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { ticketView, type TicketView } from './ticket.view';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('v1/tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Post()
  @HttpCode(201)
  async create(
    @Body() dto: CreateTicketDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<TicketView> {
    return ticketView(await this.tickets.create(dto, principal, correlationId));
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<TicketView> {
    return ticketView(await this.tickets.findVisible(id, principal));
  }
}
