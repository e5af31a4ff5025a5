import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, type Principal } from '@support/platform';
import { VoteDto } from '../engagement/dto/vote.dto';
import { VotesService } from '../engagement/votes.service';
import { readerLocale } from '../reader-locale';
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
  async list(@Query() query: ArticleListQueryDto, @Headers('accept-language') acceptLanguage?: string) {
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
  async autocomplete(@Query() query: AutocompleteQueryDto, @Headers('accept-language') acceptLanguage?: string) {
    return this.reader.autocomplete(query.q ?? '', readerLocale(query.locale, acceptLanguage), query.limit ?? 8);
  }

  @Get(':article')
  @Public()
  async read(@Param('article') reference: string, @Query('locale') locale: unknown, @Headers('accept-language') acceptLanguage?: string) {
    return this.reader.read(reference, readerLocale(locale, acceptLanguage));
  }

  /** "Was this helpful?": one vote per signed-in reader, replaced by a new one. */
  @Post(':article/votes')
  @HttpCode(200)
  @ApiBearerAuth()
  async vote(@Param('article') reference: string, @Body() dto: VoteDto, @CurrentPrincipal() principal: Principal) {
    return this.votes.vote(reference, principal, dto.helpful, readerLocale(dto.locale));
  }
}
