import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, JsonBodyLimit, UuidParamPipe, type Principal } from '@support/platform';
import { FORM_JSON_BODY_LIMIT } from '../tickets/dto/form-rules';
import { CommentResponse } from '../tickets/ticket-page-parts';
import { commentView } from './comment.view';
import { CommentsService } from './comments.service';
import { CreateCommentDto } from './dto/create-comment.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('v1/tickets/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Post()
  @HttpCode(201)
  @JsonBodyLimit(FORM_JSON_BODY_LIMIT)
  @ApiCreatedResponse({ type: CommentResponse })
  @ApiResponse({
    status: 403,
    description: 'a requester tried to write an internal note, or a token claim ticketing cannot record (an id longer than a ticket holds)',
  })
  @ApiResponse({ status: 409, description: 'the ticket is closed, or was refused by the plan check' })
  async add(
    @Param('id', UuidParamPipe) id: string,
    @Body() form: CreateCommentDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return commentView(await this.comments.add(id, form, principal, correlationId));
  }
}
