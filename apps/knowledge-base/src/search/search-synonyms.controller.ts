import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { SynonymListResponse, SynonymResponse } from './search-synonyms.responses';
import { Roles } from '@support/platform';
import { SynonymDto, SynonymListQueryDto } from './dto/synonym.dto';
import { SearchSynonymsService } from './search-synonyms.service';

/** Editors' synonym rules for search, per locale (admin). */
@ApiTags('search (admin)')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/search/synonyms')
export class SearchSynonymsController {
  constructor(private readonly synonyms: SearchSynonymsService) {}

  @Get()
  @ApiOkResponse({ type: SynonymListResponse })
  async list(@Query() query: SynonymListQueryDto): Promise<SynonymListResponse> {
    return this.synonyms.list(query.locale);
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: SynonymResponse })
  @ApiConflictResponse({ description: 'the locale already has a rule for this term' })
  async create(@Body() dto: SynonymDto): Promise<SynonymResponse> {
    return this.synonyms.create(dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: SynonymResponse })
  @ApiParam({ name: 'id', description: 'the synonym rule id', schema: { type: 'string', format: 'uuid' } })
  async get(@Param('id') id: string): Promise<SynonymResponse> {
    return this.synonyms.get(id);
  }

  @Put(':id')
  @ApiOkResponse({ type: SynonymResponse })
  @ApiConflictResponse({ description: 'the locale already has a rule for this term' })
  @ApiParam({ name: 'id', description: 'the synonym rule id', schema: { type: 'string', format: 'uuid' } })
  async replace(@Param('id') id: string, @Body() dto: SynonymDto): Promise<SynonymResponse> {
    return this.synonyms.replace(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the rule is gone' })
  @ApiParam({ name: 'id', description: 'the synonym rule id', schema: { type: 'string', format: 'uuid' } })
  async remove(@Param('id') id: string) {
    await this.synonyms.remove(id);
  }
}
