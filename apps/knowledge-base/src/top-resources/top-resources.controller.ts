import { Body, Controller, Get, Headers, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@support/platform';
import { readerLocale, requireLocale } from '../reader-locale';
import { PutTopResourcesDto } from './dto/top-resources.dto';
import { TopResourcesService } from './top-resources.service';

@ApiTags('top resources')
@Controller('v1/top-resources')
export class TopResourcesController {
  constructor(private readonly topResources: TopResourcesService) {}

  @Get()
  @Public()
  @ApiQuery({ name: 'locale', required: false })
  async list(@Query('locale') locale: unknown, @Headers('accept-language') acceptLanguage?: string) {
    return this.topResources.forReader(readerLocale(locale, acceptLanguage));
  }

  @Get(':locale/admin')
  @Roles('admin')
  @ApiBearerAuth()
  async stored(@Param('locale') locale: string) {
    return this.topResources.stored(requireLocale(locale));
  }

  @Put(':locale')
  @Roles('admin')
  @ApiBearerAuth()
  async replace(@Param('locale') locale: string, @Body() dto: PutTopResourcesDto) {
    const target = requireLocale(locale);
    await this.topResources.replace(target, dto.articles);
    return this.topResources.stored(target);
  }
}
