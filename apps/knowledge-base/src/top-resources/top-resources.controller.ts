import { Body, Controller, Get, Headers, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SUPPORTED_LOCALES } from '@support/domain-knowledge';
import { StoredTopResourcesResponse, TopResourcesResponse } from './top-resources.responses';
import { Public, Roles } from '@support/platform';
import { ApiAcceptLanguage, readerLocale, requireLocale } from '../reader-locale';
import { PutTopResourcesDto } from './dto/top-resources.dto';
import { TopResourcesService } from './top-resources.service';

@ApiTags('top resources')
@Controller('v1/top-resources')
export class TopResourcesController {
  constructor(private readonly topResources: TopResourcesService) {}

  @Get()
  @Public()
  @ApiQuery({ name: 'locale', required: false, enum: SUPPORTED_LOCALES, description: 'default: Accept-Language, else en' })
  @ApiOkResponse({ type: TopResourcesResponse })
  @ApiAcceptLanguage()
  async list(@Query('locale') locale: unknown, @Headers('accept-language') acceptLanguage?: string): Promise<TopResourcesResponse> {
    return this.topResources.forReader(readerLocale(locale, acceptLanguage));
  }

  @Get(':locale/admin')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: StoredTopResourcesResponse })
  @ApiParam({ name: 'locale', enum: SUPPORTED_LOCALES })
  async stored(@Param('locale') locale: string): Promise<StoredTopResourcesResponse> {
    return this.topResources.stored(requireLocale(locale));
  }

  @Put(':locale')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: StoredTopResourcesResponse })
  @ApiParam({ name: 'locale', enum: SUPPORTED_LOCALES })
  async replace(@Param('locale') locale: string, @Body() dto: PutTopResourcesDto): Promise<StoredTopResourcesResponse> {
    const target = requireLocale(locale);
    await this.topResources.replace(target, dto.articles);
    return this.topResources.stored(target);
  }
}
