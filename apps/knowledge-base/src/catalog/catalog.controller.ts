import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SUPPORTED_LOCALES } from '@support/domain-knowledge';
import { AdminCategoryResponse, CategoryListResponse } from './catalog.responses';
import { Public, Roles } from '@support/platform';
import { ApiAcceptLanguage, readerLocale, requireLocale } from '../reader-locale';
import { CatalogEditor } from './catalog-editor.service';
import { CatalogService } from './catalog.service';
import {
  CategoryTranslationDto,
  CreateCategoryDto,
  CreateSectionDto,
  SectionTranslationDto,
  UpdateCategoryDto,
  UpdateSectionDto,
} from './dto/catalog.dto';

@ApiTags('categories')
@Controller('v1/categories')
export class CatalogController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly editor: CatalogEditor,
  ) {}

  /** The help center's topics and their sections, each in the reader's locale or English. */
  @Get()
  @Public()
  @ApiQuery({ name: 'locale', required: false, enum: SUPPORTED_LOCALES, description: 'default: Accept-Language, else en' })
  @ApiOkResponse({ type: CategoryListResponse })
  @ApiAcceptLanguage()
  async list(@Query('locale') locale: unknown, @Headers('accept-language') acceptLanguage?: string): Promise<CategoryListResponse> {
    const requestedLocale = readerLocale(locale, acceptLanguage);
    return { requestedLocale, items: await this.catalog.listForReader(requestedLocale) };
  }

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: AdminCategoryResponse })
  @ApiConflictResponse({ description: 'the slug is taken' })
  async create(@Body() dto: CreateCategoryDto): Promise<AdminCategoryResponse> {
    const category = await this.editor.createCategory(dto);
    return this.catalog.adminView(category.id);
  }

  @Get(':category/admin')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: AdminCategoryResponse })
  @ApiParam({ name: 'category', description: 'the category id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  async adminView(@Param('category') category: string): Promise<AdminCategoryResponse> {
    return this.catalog.adminView(category);
  }

  @Patch(':category')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: AdminCategoryResponse })
  @ApiConflictResponse({ description: 'the slug is taken' })
  @ApiParam({ name: 'category', description: 'the category id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  async update(@Param('category') reference: string, @Body() dto: UpdateCategoryDto): Promise<AdminCategoryResponse> {
    const category = await this.editor.updateCategory(reference, dto);
    return this.catalog.adminView(category.id);
  }

  @Put(':category/translations/:locale')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: AdminCategoryResponse })
  @ApiParam({ name: 'category', description: 'the category id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  @ApiParam({ name: 'locale', enum: SUPPORTED_LOCALES })
  async putTranslation(
    @Param('category') reference: string,
    @Param('locale') locale: string,
    @Body() dto: CategoryTranslationDto,
  ): Promise<AdminCategoryResponse> {
    await this.editor.putCategoryTranslation(reference, requireLocale(locale), dto);
    return this.catalog.adminView(reference);
  }

  @Post(':category/sections')
  @HttpCode(201)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: AdminCategoryResponse, description: 'the category with its new section' })
  @ApiConflictResponse({ description: 'the slug is taken' })
  @ApiParam({ name: 'category', description: 'the category id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  async createSection(@Param('category') reference: string, @Body() dto: CreateSectionDto): Promise<AdminCategoryResponse> {
    await this.editor.createSection(reference, dto);
    return this.catalog.adminView(reference);
  }

  @Patch(':category/sections/:section')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: AdminCategoryResponse })
  @ApiConflictResponse({ description: 'the slug is taken' })
  @ApiParam({ name: 'category', description: 'the category id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  @ApiParam({ name: 'section', description: 'the section id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  async updateSection(
    @Param('category') category: string,
    @Param('section') section: string,
    @Body() dto: UpdateSectionDto,
  ): Promise<AdminCategoryResponse> {
    await this.editor.updateSection(category, section, dto);
    return this.catalog.adminView(category);
  }

  @Put(':category/sections/:section/translations/:locale')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: AdminCategoryResponse })
  @ApiParam({ name: 'category', description: 'the category id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  @ApiParam({ name: 'section', description: 'the section id (UUID) or slug', schema: { type: 'string', maxLength: 255 } })
  @ApiParam({ name: 'locale', enum: SUPPORTED_LOCALES })
  async putSectionTranslation(
    @Param('category') category: string,
    @Param('section') section: string,
    @Param('locale') locale: string,
    @Body() dto: SectionTranslationDto,
  ): Promise<AdminCategoryResponse> {
    await this.editor.putSectionTranslation(category, section, requireLocale(locale), dto);
    return this.catalog.adminView(category);
  }
}
