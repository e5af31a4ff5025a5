import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SUPPORTED_LOCALES } from '@support/domain-knowledge';
import { VoteTotalsResponse } from '../engagement/votes.responses';
import { ArticlePageResponse, ArticleResponse, AutocompleteResponse } from './articles.responses';
import { CurrentPrincipal, Public, type Principal } from '@support/platform';
import { VoteDto } from '../engagement/dto/vote.dto';
import { VotesService } from '../engagement/votes.service';
import { ApiAcceptLanguage, readerLocale } from '../reader-locale';
import { TimedSearch } from '../search/search-latency';
import { ArticleReaderService } from './article-reader.service';
import { ArticleListQueryDto, AutocompleteQueryDto } from './dto/article-list-query.dto';

/** The reader's side of the help center: no token needed, except to vote. */
@ApiTags('articles')
@Controller('v1/articles')
export class ArticlesController {
  constructor(
    private readonly reader: ArticleReaderService,
    private readonly votes: VotesService,
  ) {}

  @Get()
  @Public()
  @TimedSearch('articles', { queryParam: 'q' })
  @ApiOkResponse({ type: ArticlePageResponse })
  @ApiAcceptLanguage()
  async list(@Query() query: ArticleListQueryDto, @Headers('accept-language') acceptLanguage?: string): Promise<ArticlePageResponse> {
    return this.reader.list({
      q: query.q,
      locale: readerLocale(query.locale, acceptLanguage),
      filters: { category: query.category, kind: query.kind, audience: query.audience },
      cursor: query.cursor,
      limit: query.limit ?? 20,
    });
  }

  /** Search-as-you-type: up to `limit` titles whose words start with what is typed (the last word may be partial). */
  @Get('autocomplete')
  @Public()
  @ApiOkResponse({ type: AutocompleteResponse })
  @ApiAcceptLanguage()
  async autocomplete(
    @Query() query: AutocompleteQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<AutocompleteResponse> {
    return this.reader.autocomplete(query.q, readerLocale(query.locale, acceptLanguage), query.limit ?? 8);
  }

  @Get(':article')
  @Public()
  @ApiOkResponse({ type: ArticleResponse })
  @ApiQuery({ name: 'locale', required: false, enum: SUPPORTED_LOCALES, description: 'default: Accept-Language, else en' })
  @ApiParam({ name: 'article', description: 'the article id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  @ApiAcceptLanguage()
  async read(
    @Param('article') reference: string,
    @Query('locale') locale: unknown,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<ArticleResponse> {
    return this.reader.read(reference, readerLocale(locale, acceptLanguage));
  }

  /** "Was this helpful?": one vote per signed-in reader, replaced by a new one. */
  @Post(':article/votes')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: VoteTotalsResponse })
  @ApiParam({ name: 'article', description: 'the article id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  async vote(
    @Param('article') reference: string,
    @Body() dto: VoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VoteTotalsResponse> {
    return this.votes.vote(reference, principal, dto.helpful, readerLocale(dto.locale));
  }
}
