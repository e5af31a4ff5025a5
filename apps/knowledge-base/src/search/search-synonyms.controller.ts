import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  async list(@Query() query: SynonymListQueryDto) {
    return this.synonyms.list(query.locale);
  }

  @Post()
  @HttpCode(201)
  async create(@Body() dto: SynonymDto) {
    return this.synonyms.create(dto);
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    return this.synonyms.get(id);
  }

  @Put(':id')
  async replace(@Param('id') id: string, @Body() dto: SynonymDto) {
    return this.synonyms.replace(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string) {
    await this.synonyms.remove(id);
  }
}
