import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { SuggestionResponse, TextSuggestionsResponse } from './suggestions.responses';
import { CurrentPrincipal, OptionalPrincipal, Public, type Principal } from '@support/platform';
import { ApiAcceptLanguage, readerLocale } from '../reader-locale';
import { DeflectionService } from './deflection.service';
import { MarkAnswerDto, SuggestForTextDto, SuggestionQueryDto } from './dto/suggestion.dto';
import { TimedSearch } from '../search/search-latency';

/**
 * Suggestions for requesters: open to anonymous readers of the help center; a set shown to a
 * signed-in requester (and every ticket's set) can be marked only by that requester.
 */
@ApiTags('suggestions')
@Controller('v1/suggestions')
export class SuggestionsController {
  constructor(private readonly deflection: DeflectionService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @TimedSearch('suggestions')
  @ApiOkResponse({ type: TextSuggestionsResponse })
  @ApiAcceptLanguage()
  async suggest(
    @Body() dto: SuggestForTextDto,
    @OptionalPrincipal() principal: Principal | undefined,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<TextSuggestionsResponse> {
    return this.deflection.suggestForText(dto.text, readerLocale(dto.locale, acceptLanguage), principal);
  }

  /** The set suggested for a ticket, with its id for marking the answer. */
  @Get()
  @ApiBearerAuth()
  @ApiNotFoundResponse({ description: "no suggestions recorded for the ticket yet, or the ticket is not the caller's" })
  @ApiOkResponse({ type: SuggestionResponse })
  async forTicket(@Query() query: SuggestionQueryDto, @CurrentPrincipal() principal: Principal): Promise<SuggestionResponse> {
    return this.deflection.viewForTicket(query.ticketId, principal);
  }

  @Get(':suggestionId')
  @Public()
  @ApiOkResponse({ type: SuggestionResponse })
  @ApiParam({ name: 'suggestionId', schema: { type: 'string', format: 'uuid' } })
  async view(@Param('suggestionId') id: string, @OptionalPrincipal() principal: Principal | undefined): Promise<SuggestionResponse> {
    return this.deflection.view(id, principal);
  }

  /** "This answered my question." */
  @Post(':suggestionId/answer')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SuggestionResponse })
  @ApiParam({ name: 'suggestionId', schema: { type: 'string', format: 'uuid' } })
  async markAnswer(
    @Param('suggestionId') id: string,
    @Body() dto: MarkAnswerDto,
    @OptionalPrincipal() principal: Principal | undefined,
  ): Promise<SuggestionResponse> {
    return this.deflection.markAnswer(id, dto.articleId, principal);
  }

  @Delete(':suggestionId/answer')
  @Public()
  @ApiOkResponse({ type: SuggestionResponse })
  @ApiParam({ name: 'suggestionId', schema: { type: 'string', format: 'uuid' } })
  async clearAnswer(@Param('suggestionId') id: string, @OptionalPrincipal() principal: Principal | undefined): Promise<SuggestionResponse> {
    return this.deflection.clearAnswer(id, principal);
  }
}
