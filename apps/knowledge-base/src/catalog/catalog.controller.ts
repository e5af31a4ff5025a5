import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@support/platform';
import { readerLocale, requireLocale } from '../reader-locale';
import { CatalogService } from './catalog.service';
import {
  CategoryTranslationDto, CreateCategoryDto, CreateSectionDto, SectionTranslationDto, UpdateCategoryDto, UpdateSectionDto,
} from './dto/catalog.dto';

@ApiTags('categories')
@Controller('v1/categories')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  /** The help center's topics and their sections, each in the reader's locale or English. */
  @Get()
  @Public()
  @ApiQuery({ name: 'locale', required: false, description: 'en, ru, fr, ...; default: Accept-Language, else en' })
  async list(@Query('locale') locale: unknown, @Headers('accept-language') acceptLanguage?: string) {
    const requestedLocale = readerLocale(locale, acceptLanguage);
    return { requestedLocale, items: await this.catalog.listForReader(requestedLocale) };
  }

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiBearerAuth()
  async create(@Body() dto: CreateCategoryDto) {
    const category = await this.catalog.createCategory(dto);
    return this.catalog.adminView(category.id);
  }

  @Get(':category/admin')
  @Roles('admin')
  @ApiBearerAuth()
  async adminView(@Param('category') category: string) {
    return this.catalog.adminView(category);
  }

  @Patch(':category')
  @Roles('admin')
  @ApiBearerAuth()
  async update(@Param('category') reference: string, @Body() dto: UpdateCategoryDto) {
    const category = await this.catalog.updateCategory(reference, dto);
    return this.catalog.adminView(category.id);
  }

  @Put(':category/translations/:locale')
  @Roles('admin')
  @ApiBearerAuth()
  async putTranslation(@Param('category') reference: string, @Param('locale') locale: string, @Body() dto: CategoryTranslationDto) {
    await this.catalog.putCategoryTranslation(reference, requireLocale(locale), dto);
    return this.catalog.adminView(reference);
  }

  @Post(':category/sections')
  @HttpCode(201)
  @Roles('admin')
  @ApiBearerAuth()
  async createSection(@Param('category') reference: string, @Body() dto: CreateSectionDto) {
    await this.catalog.createSection(reference, dto);
    return this.catalog.adminView(reference);
  }

  @Patch(':category/sections/:section')
  @Roles('admin')
  @ApiBearerAuth()
  async updateSection(@Param('category') category: string, @Param('section') section: string, @Body() dto: UpdateSectionDto) {
    await this.catalog.updateSection(category, section, dto);
    return this.catalog.adminView(category);
  }

  @Put(':category/sections/:section/translations/:locale')
  @Roles('admin')
  @ApiBearerAuth()
  async putSectionTranslation(
    @Param('category') category: string,
    @Param('section') section: string,
    @Param('locale') locale: string,
    @Body() dto: SectionTranslationDto,
  ) {
    await this.catalog.putSectionTranslation(category, section, requireLocale(locale), dto);
    return this.catalog.adminView(category);
  }
}
