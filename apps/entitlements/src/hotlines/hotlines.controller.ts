import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HotlineDirectoryResponse, HotlineDirectoryUpdatedResponse } from './hotlines.responses';
import { CurrentPrincipal, Roles, type Principal } from '@support/platform';
import { HotlineDirectoryService, MAX_HOTLINES, type HotlineDirectory } from './hotline-directory.service';

const HOTLINE_SCHEMA = {
  type: 'object',
  required: ['country', 'countryName', 'number', 'extension', 'language', 'tollFree'],
  properties: {
    country: { type: 'string', example: 'US', description: 'ISO 3166-1 alpha-2' },
    countryName: { type: 'string', example: 'United States' },
    number: { type: 'string', example: '+1.888.799.9666', description: "'+', country code, dot-separated digit groups" },
    extension: { type: 'string', example: '2', description: 'dialled once connected; empty when none' },
    language: { type: 'string', example: 'en', description: 'language spoken on the line (BCP 47)' },
    tollFree: { type: 'boolean' },
  },
};

function directoryView(directory: HotlineDirectory) {
  return {
    version: directory.version,
    updatedAt: directory.updatedAt.toISOString(),
    updatedBy: directory.updatedBy,
    hotlines: directory.hotlines,
  };
}

/**
 * The whole directory, for the desk. Customers get the numbers through their support options,
 * and only when their plan opens the phone channel.
 */
@ApiTags('hotlines')
@ApiBearerAuth()
@Controller('v1/hotlines')
export class HotlinesController {
  constructor(private readonly directory: HotlineDirectoryService) {}

  @Get()
  @Roles('agent', 'admin')
  @ApiOkResponse({ type: HotlineDirectoryResponse })
  async get(): Promise<HotlineDirectoryResponse> {
    return directoryView(await this.directory.get());
  }

  /** Replaces the directory; the order given is the order customers see. */
  @Put()
  @Roles('admin')
  @ApiOkResponse({ type: HotlineDirectoryUpdatedResponse })
  @ApiConflictResponse({ description: '`version` names a directory that has moved on' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['hotlines'],
      properties: {
        hotlines: { type: 'array', maxItems: MAX_HOTLINES, items: HOTLINE_SCHEMA },
        version: { type: 'integer', description: 'optional; the directory version being edited, refused with 409 if it has moved on' },
      },
    },
  })
  async put(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<HotlineDirectoryUpdatedResponse> {
    const { directory, changed } = await this.directory.replace(body, principal);
    return { ...directoryView(directory), changed };
  }
}
