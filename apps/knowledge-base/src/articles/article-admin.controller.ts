import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MAX_BODY_BYTES } from '@support/domain-knowledge';
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
  async create(@Body() dto: CreateArticleDto) {
    const article = await this.authoring.create(dto);
    return this.queries.view(article.id);
  }

  @Patch('v1/articles/:article')
  @JsonBodyLimit(ARTICLE_JSON_BODY_LIMIT)
  async update(@Param('article') reference: string, @Body() dto: UpdateArticleDto, @CorrelationId() correlationId: string) {
    const { article } = await this.authoring.update(reference, dto, { correlationId });
    return this.queries.view(article.id);
  }

  @Put('v1/articles/:article/translations/:locale')
  @JsonBodyLimit(ARTICLE_JSON_BODY_LIMIT)
  async putTranslation(
    @Param('article') reference: string,
    @Param('locale') locale: string,
    @Body() dto: TranslationDto,
    @CorrelationId() correlationId: string,
  ) {
    const { article } = await this.authoring.putTranslation(reference, requireLocale(locale), dto, { correlationId });
    return this.queries.view(article.id);
  }

  @Delete('v1/articles/:article/translations/:locale')
  async deleteTranslation(@Param('article') reference: string, @Param('locale') locale: string) {
    const { article } = await this.authoring.deleteTranslation(reference, requireLocale(locale));
    return this.queries.view(article.id);
  }

  @Post('v1/articles/:article/publish')
  @HttpCode(200)
  async publish(@Param('article') reference: string, @CorrelationId() correlationId: string) {
    const { article } = await this.authoring.publish(reference, { correlationId });
    return this.queries.view(article.id);
  }

  @Post('v1/articles/:article/unpublish')
  @HttpCode(200)
  async unpublish(@Param('article') reference: string) {
    const { article } = await this.authoring.unpublish(reference);
    return this.queries.view(article.id);
  }

  @Get('v1/admin/articles')
  async list(@Query() query: AdminArticleQueryDto) {
    return this.queries.list({ status: query.status, cursor: query.cursor, limit: query.limit ?? 50 });
  }

  @Get('v1/admin/articles/:article')
  async view(@Param('article') reference: string) {
    return this.queries.view(reference);
  }
}
