import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DeflectionStatsResponse, MissingTranslationsResponse } from './help-center-stats.responses';
import { Roles } from '@support/platform';
import { requireLocale } from '../reader-locale';
import { DeflectionStatsQueryDto, MissingTranslationsQueryDto } from './dto/suggestion.dto';
import { HelpCenterStatsService } from './help-center-stats.service';

@ApiTags('help center statistics (admin)')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/stats')
export class HelpCenterStatsController {
  constructor(private readonly stats: HelpCenterStatsService) {}

  @Get('deflection')
  @ApiOkResponse({ type: DeflectionStatsResponse })
  async deflection(@Query() query: DeflectionStatsQueryDto): Promise<DeflectionStatsResponse> {
    return this.stats.deflection({ since: query.since, until: query.until, channel: query.channel, limit: query.limit ?? 50 });
  }

  @Get('missing-translations')
  @ApiOkResponse({ type: MissingTranslationsResponse })
  async missingTranslations(@Query() query: MissingTranslationsQueryDto): Promise<MissingTranslationsResponse> {
    return this.stats.missingTranslations({
      locale: query.locale === undefined ? undefined : requireLocale(query.locale),
      since: query.since,
      limit: query.limit ?? 50,
    });
  }
}
