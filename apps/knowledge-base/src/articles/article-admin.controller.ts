import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { AdminArticlePageResponse, AdminArticleResponse } from './articles.responses';
import { MAX_BODY_BYTES, SUPPORTED_LOCALES } from '@support/domain-knowledge';
import { CorrelationId, JsonBodyLimit, Roles } from '@support/platform';
import { requireLocale } from '../reader-locale';
import { ArticleAdminQueries } from './article-admin-queries.service';
import { ArticleAuthoringService } from './article-authoring.service';
import { AdminArticleQueryDto, CreateArticleDto, TranslationDto, UpdateArticleDto } from './dto/article.dto';

/**
 * An article body may hold 200 KiB of UTF-8 and JSON escaping can double that: writes read up to
 * four times as much. Larger requests are a 413; smaller over-long bodies a 400 naming the field.
 */
const ARTICLE_JSON_BODY_LIMIT = 4 * MAX_BODY_BYTES;

/** Article and translation writes and publishing (admin); each answers with the admin view. */
@ApiTags('articles (admin)')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class ArticleAdminController {
  constructor(
    private readonly authoring: ArticleAuthoringService,
    private readonly queries: ArticleAdminQueries,
  ) {}

  @Post('v1/articles')
  @HttpCode(201)
  @JsonBodyLimit(ARTICLE_JSON_BODY_LIMIT)
  @ApiCreatedResponse({ type: AdminArticleResponse })
  @ApiConflictResponse({ description: 'the slug is taken' })
  async create(@Body() dto: CreateArticleDto): Promise<AdminArticleResponse> {
    const article = await this.authoring.create(dto);
    return this.queries.view(article.id);
  }

  @Patch('v1/articles/:article')
  @JsonBodyLimit(ARTICLE_JSON_BODY_LIMIT)
  @ApiOkResponse({ type: AdminArticleResponse })
  @ApiConflictResponse({ description: 'the slug is taken' })
  @ApiParam({ name: 'article', description: 'the article id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  async update(
    @Param('article') reference: string,
    @Body() dto: UpdateArticleDto,
    @CorrelationId() correlationId: string,
  ): Promise<AdminArticleResponse> {
    const { article } = await this.authoring.update(reference, dto, { correlationId });
    return this.queries.view(article.id);
  }

  @Put('v1/articles/:article/translations/:locale')
  @JsonBodyLimit(ARTICLE_JSON_BODY_LIMIT)
  @ApiOkResponse({ type: AdminArticleResponse })
  @ApiParam({ name: 'article', description: 'the article id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  @ApiParam({ name: 'locale', enum: SUPPORTED_LOCALES })
  async putTranslation(
    @Param('article') reference: string,
    @Param('locale') locale: string,
    @Body() dto: TranslationDto,
    @CorrelationId() correlationId: string,
  ): Promise<AdminArticleResponse> {
    const { article } = await this.authoring.putTranslation(reference, requireLocale(locale), dto, { correlationId });
    return this.queries.view(article.id);
  }

  @Delete('v1/articles/:article/translations/:locale')
  @ApiOkResponse({ type: AdminArticleResponse })
  @ApiParam({ name: 'article', description: 'the article id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  @ApiParam({ name: 'locale', enum: SUPPORTED_LOCALES })
  async deleteTranslation(@Param('article') reference: string, @Param('locale') locale: string): Promise<AdminArticleResponse> {
    const { article } = await this.authoring.deleteTranslation(reference, requireLocale(locale));
    return this.queries.view(article.id);
  }

  @Post('v1/articles/:article/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: AdminArticleResponse })
  @ApiParam({ name: 'article', description: 'the article id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  async publish(@Param('article') reference: string, @CorrelationId() correlationId: string): Promise<AdminArticleResponse> {
    const { article } = await this.authoring.publish(reference, { correlationId });
    return this.queries.view(article.id);
  }

  @Post('v1/articles/:article/unpublish')
  @HttpCode(200)
  @ApiOkResponse({ type: AdminArticleResponse })
  @ApiParam({ name: 'article', description: 'the article id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  async unpublish(@Param('article') reference: string): Promise<AdminArticleResponse> {
    const { article } = await this.authoring.unpublish(reference);
    return this.queries.view(article.id);
  }

  @Get('v1/admin/articles')
  @ApiOkResponse({ type: AdminArticlePageResponse })
  async list(@Query() query: AdminArticleQueryDto): Promise<AdminArticlePageResponse> {
    return this.queries.list({ status: query.status, cursor: query.cursor, limit: query.limit ?? 50 });
  }

  @Get('v1/admin/articles/:article')
  @ApiOkResponse({ type: AdminArticleResponse })
  @ApiParam({ name: 'article', description: 'the article id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  async view(@Param('article') reference: string): Promise<AdminArticleResponse> {
    return this.queries.view(reference);
  }
}
